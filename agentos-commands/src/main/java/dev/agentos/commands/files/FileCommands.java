package dev.agentos.commands.files;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for files and directories (ls, cp, mv, rm, ...). */
public final class FileCommands {
    private FileCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
    }
}
