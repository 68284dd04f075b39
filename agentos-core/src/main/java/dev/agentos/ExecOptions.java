package dev.agentos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link AgentOs#exec} and {@link AgentOs#execArgv}: extra environment, working directory,
 * standard input, and a timeout after which the command is killed (exit code 137).
 */
public record ExecOptions(Map<String, String> env, Optional<String> cwd, Optional<byte[]> stdin,
                          Optional<Duration> timeout) {
    public static final ExecOptions DEFAULT = new ExecOptions(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());

    public ExecOptions {
        env = OrderedCopy.of(env);
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private Map<String, String> env = Map.of();
        private String cwd;
        private byte[] stdin;
        private Duration timeout;

        public Builder env(Map<String, String> env) { this.env = env; return this; }
        public Builder cwd(String cwd) { this.cwd = cwd; return this; }
        public Builder stdin(byte[] stdin) { this.stdin = stdin; return this; }
        public Builder stdin(String stdin) { return stdin(stdin.getBytes(StandardCharsets.UTF_8)); }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        public ExecOptions build() {
            return new ExecOptions(env, Optional.ofNullable(cwd), Optional.ofNullable(stdin), Optional.ofNullable(timeout));
        }
    }
}
