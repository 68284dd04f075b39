package dev.agentos;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Options of {@link AgentOs#spawn}: environment, working directory and per-process callbacks. The
 * callbacks run on the process's output threads, in order per stream; they should not block.
 */
public record SpawnOptions(Map<String, String> env, Optional<String> cwd, Consumer<byte[]> onStdout,
                           Consumer<byte[]> onStderr, IntConsumer onExit) {
    public static final SpawnOptions DEFAULT = builder().build();

    public SpawnOptions {
        env = OrderedCopy.of(env);
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private Map<String, String> env = Map.of();
        private String cwd;
        private Consumer<byte[]> onStdout = b -> { };
        private Consumer<byte[]> onStderr = b -> { };
        private IntConsumer onExit = c -> { };

        public Builder env(Map<String, String> env) { this.env = env; return this; }
        public Builder cwd(String cwd) { this.cwd = cwd; return this; }
        public Builder onStdout(Consumer<byte[]> c) { this.onStdout = c; return this; }
        public Builder onStderr(Consumer<byte[]> c) { this.onStderr = c; return this; }
        public Builder onExit(IntConsumer c) { this.onExit = c; return this; }

        public SpawnOptions build() {
            return new SpawnOptions(env, Optional.ofNullable(cwd), onStdout, onStderr, onExit);
        }
    }
}
