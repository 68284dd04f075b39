package dev.agentos.commands.awk;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for the awk language (awk, gawk). */
public final class AwkCommands {
    private AwkCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        Awk awk = new Awk();
        programs.add("awk", awk, "/usr/bin");
        programs.add("gawk", awk, "/usr/bin");
    }
}
