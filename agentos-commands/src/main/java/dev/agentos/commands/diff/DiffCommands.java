package dev.agentos.commands.diff;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands that compare and patch files (diff, cmp, patch). */
public final class DiffCommands {
    private DiffCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("diff", new Diff(), "/usr/bin")
                .add("cmp", new Cmp(), "/usr/bin")
                .add("patch", new Patch(), "/usr/bin");
    }
}
