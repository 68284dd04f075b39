package dev.agentos.commands.system;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for processes, users and the system (env, date, ps, kill, ...). */
public final class SystemCommands {
    private SystemCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
    }
}
