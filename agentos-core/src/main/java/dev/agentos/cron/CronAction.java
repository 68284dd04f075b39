package dev.agentos.cron;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a cron job does when it fires. */
public sealed interface CronAction {
    /**
     * Runs a command in the VM: through {@code /bin/sh -c} when {@code args} is empty, else as a
     * program with those arguments (no shell).
     */
    record Exec(String command, List<String> args) implements CronAction {
        public Exec {
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
        }

        public static Exec shell(String commandLine) { return new Exec(commandLine, List.of()); }
    }

    /** Sends a prompt to an agent session (opened on first use, reused after). */
    record Session(String agentType, String prompt, Map<String, Object> options) implements CronAction {
        public Session {
            Objects.requireNonNull(agentType, "agentType");
            Objects.requireNonNull(prompt, "prompt");
            options = Map.copyOf(options);
        }
    }
}
