package dev.agentos.shell;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The shell programs installed in the base image: {@code /bin/sh} and {@code /bin/bash}. */
public final class Shells {
    private static final ProgramRegistry REGISTRY = ProgramRegistry.builder().build();

    private Shells() {}

    public static ProgramRegistry registry() {
        return REGISTRY;
    }
}
