package dev.agentos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Options of {@link AgentOs#openShell}: the program (default {@code /bin/bash} with {@code -i}),
 * environment, working directory, terminal size and callbacks for terminal output and exit.
 */
public record ShellOptions(String command, List<String> args, Map<String, String> env, Optional<String> cwd,
                           int cols, int rows, Consumer<byte[]> onData, IntConsumer onExit) {
    public static final ShellOptions DEFAULT = builder().build();

    public ShellOptions {
        args = List.copyOf(args);
        env = OrderedCopy.of(env);
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private String command = "/bin/bash";
        private List<String> args = List.of("-i");
        private Map<String, String> env = Map.of();
        private String cwd;
        private int cols = 80;
        private int rows = 24;
        private Consumer<byte[]> onData = b -> { };
        private IntConsumer onExit = c -> { };

        public Builder command(String command, List<String> args) { this.command = command; this.args = args; return this; }
        public Builder env(Map<String, String> env) { this.env = env; return this; }
        public Builder cwd(String cwd) { this.cwd = cwd; return this; }
        public Builder size(int cols, int rows) { this.cols = cols; this.rows = rows; return this; }
        public Builder onData(Consumer<byte[]> c) { this.onData = c; return this; }
        public Builder onExit(IntConsumer c) { this.onExit = c; return this; }

        public ShellOptions build() {
            return new ShellOptions(command, args, env, Optional.ofNullable(cwd), cols, rows, onData, onExit);
        }
    }
}
