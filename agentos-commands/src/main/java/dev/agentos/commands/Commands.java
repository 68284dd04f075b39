package dev.agentos.commands;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The Unix commands installed in every VM's base image. */
public final class Commands {
    private static final ProgramRegistry REGISTRY = ProgramRegistry.builder()
            .add("true", new True())
            .add("false", new False())
            .add("echo", new Echo())
            .add("cat", new Cat())
            .add("sleep", new Sleep())
            .build();

    private Commands() {}

    /** One shared registry, so every VM shares one base image. */
    public static ProgramRegistry registry() {
        return REGISTRY;
    }
}
