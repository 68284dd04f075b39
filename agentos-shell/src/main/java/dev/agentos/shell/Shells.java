package dev.agentos.shell;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The shell programs installed in the base image: {@code /bin/sh}, {@code /bin/bash}, and printf/test/[ in /usr/bin. */
public final class Shells {
    private static final ProgramRegistry REGISTRY = ProgramRegistry.builder()
            .add("sh", new ShellProgram())
            .add("bash", new ShellProgram())
            .add("printf", new StandaloneBuiltin("printf"), "/usr/bin")
            .add("test", new StandaloneBuiltin("test"), "/usr/bin")
            .add("[", new StandaloneBuiltin("["), "/usr/bin")
            .build();

    private Shells() {}

    public static ProgramRegistry registry() {
        return REGISTRY;
    }
}
