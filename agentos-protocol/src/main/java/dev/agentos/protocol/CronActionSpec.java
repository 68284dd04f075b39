package dev.agentos.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cron job does, on the wire: {@code {"type":"exec","command":"...","args":[...]}} (no args: the
 * command line runs through {@code /bin/sh -c}) or {@code {"type":"session","agentType":...,"prompt":...,
 * "options":{...}}}.
 */
public record CronActionSpec(String type, Optional<String> command, List<String> args, Optional<String> agentType,
                             Optional<String> prompt, Map<String, Object> options) {
    public CronActionSpec {
        command = command == null ? Optional.empty() : command;
        args = args == null ? List.of() : List.copyOf(args);
        agentType = agentType == null ? Optional.empty() : agentType;
        prompt = prompt == null ? Optional.empty() : prompt;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A command line run through the VM's shell. */
    public static CronActionSpec exec(String commandLine) {
        return new CronActionSpec("exec", Optional.of(commandLine), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** A program run with arguments, no shell. */
    public static CronActionSpec exec(String command, List<String> args) {
        return new CronActionSpec("exec", Optional.of(command), args, Optional.empty(), Optional.empty(), Map.of());
    }

    public static CronActionSpec session(String agentType, String prompt, Map<String, Object> options) {
        return new CronActionSpec("session", Optional.empty(), List.of(), Optional.of(agentType), Optional.of(prompt), options);
    }
}
