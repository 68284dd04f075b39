package dev.agentos.commands.search;

import dev.agentos.commands.search.grep.Grep;
import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for searching and editing (grep, sed, find, xargs). */
public final class SearchCommands {
    private SearchCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("grep", new Grep("G"), "/bin")
                .add("egrep", new Grep("E"), "/bin")
                .add("fgrep", new Grep("F"), "/bin")
                .add("sed", new dev.agentos.commands.search.sed.Sed(), "/bin")
                .add("find", new dev.agentos.commands.search.find.Find(), "/usr/bin")
                .add("xargs", new dev.agentos.commands.search.xargs.Xargs(), "/usr/bin");
    }
}
