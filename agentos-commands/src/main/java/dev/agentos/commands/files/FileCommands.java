package dev.agentos.commands.files;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for files and directories (ls, cp, mv, rm, ...). */
public final class FileCommands {
    private FileCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("cat", new Cat())
                .add("cp", new Cp())
                .add("mv", new Mv())
                .add("rm", new Rm())
                .add("mkdir", new Mkdir())
                .add("rmdir", new Rmdir())
                .add("touch", new Touch())
                .add("ln", new Ln())
                .add("chmod", new Chmod())
                .add("chown", new Chown())
                .add("readlink", new Readlink())
                .add("pwd", new Pwd())
                .add("mktemp", new Mktemp())
                .add("realpath", new Realpath(), "/usr/bin")
                .add("basename", new Basename(), "/usr/bin")
                .add("dirname", new Dirname(), "/usr/bin")
                .add("install", new Install(), "/usr/bin")
                .add("truncate", new Truncate(), "/usr/bin")
                .add("ls", new Ls())
                .add("stat", new Stat(), "/usr/bin")
                .add("du", new Du(), "/usr/bin")
                .add("df", new Df())
                .add("dd", new Dd())
                .add("file", new FileType(), "/usr/bin")
                .add("tree", new Tree(), "/usr/bin");
    }
}
