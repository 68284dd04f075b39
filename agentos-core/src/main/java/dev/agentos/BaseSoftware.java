package dev.agentos;

import dev.agentos.commands.Commands;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.shell.Shells;

/** The programs every VM's base image carries: the shell and the Unix commands. */
final class BaseSoftware {
    private static final ProgramRegistry REGISTRY = ProgramRegistry.builder()
            .addAll(Commands.registry())
            .addAll(Shells.registry())
            .build();

    private BaseSoftware() {}

    static ProgramRegistry registry() {
        return REGISTRY;
    }
}
