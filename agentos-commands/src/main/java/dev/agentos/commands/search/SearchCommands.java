package dev.agentos.commands.search;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for searching and editing (grep, sed, find, xargs). */
public final class SearchCommands {
    private SearchCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
    }
}
