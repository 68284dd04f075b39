package dev.agentos.commands;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The Unix commands installed in every VM's base image. */
public final class Commands {
    private static final ProgramRegistry REGISTRY = build();

    private Commands() {}

    private static ProgramRegistry build() {
        ProgramRegistry.Builder b = ProgramRegistry.builder()
                .add("true", new True())
                .add("false", new False())
                .add("echo", new Echo())
                .add("sleep", new Sleep());
        dev.agentos.commands.files.FileCommands.register(b);
        dev.agentos.commands.text.TextCommands.register(b);
        dev.agentos.commands.search.SearchCommands.register(b);
        dev.agentos.commands.system.SystemCommands.register(b);
        dev.agentos.commands.awk.AwkCommands.register(b);
        dev.agentos.commands.data.DataCommands.register(b);
        dev.agentos.commands.net.NetCommands.register(b);
        dev.agentos.commands.diff.DiffCommands.register(b);
        dev.agentos.commands.procs.ProcsCommands.register(b);
        return b.build();
    }

    /** One shared registry, so every VM shares one base image. */
    public static ProgramRegistry registry() {
        return REGISTRY;
    }
}
