package dev.agentos.protocol;

import java.util.Map;
import java.util.Optional;

/** Options of {@code spawn} on the wire: extra environment and working directory. */
public record SpawnOptions(Map<String, String> env, Optional<String> cwd) {
    public static final SpawnOptions DEFAULT = new SpawnOptions(Map.of(), Optional.empty());

    public SpawnOptions {
        env = env == null ? Map.of() : Map.copyOf(env);
        cwd = cwd == null ? Optional.empty() : cwd;
    }

    public SpawnOptions withEnv(Map<String, String> env) { return new SpawnOptions(env, cwd); }
    public SpawnOptions withCwd(String cwd) { return new SpawnOptions(env, Optional.of(cwd)); }
}
