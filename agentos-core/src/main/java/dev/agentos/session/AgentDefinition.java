package dev.agentos.session;

import java.util.List;

/**
 * An installed agent: the name sessions ask for ({@code createSession("pi")}) and the program (with
 * arguments) that is its ACP entry point, started as a guest process in the VM.
 */
public record AgentDefinition(String name, String command, List<String> args, String description) {
    public AgentDefinition {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("agent name is empty");
        if (command == null || command.isBlank()) throw new IllegalArgumentException("agent " + name + ": command is empty");
        args = List.copyOf(args);
        description = description == null ? "" : description;
    }

    public static AgentDefinition of(String name, String command, String... args) {
        return new AgentDefinition(name, command, List.of(args), "");
    }
}
