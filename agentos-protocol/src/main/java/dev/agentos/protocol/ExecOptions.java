package dev.agentos.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code exec}/{@code execArgv} on the wire: extra environment, working directory, standard
 * input (base64) and a timeout in milliseconds after which the command is killed (exit code 137).
 */
public record ExecOptions(Map<String, String> env, Optional<String> cwd, Optional<byte[]> stdin, Optional<Long> timeoutMs) {
    public static final ExecOptions DEFAULT = new ExecOptions(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());

    public ExecOptions {
        env = env == null ? Map.of() : Map.copyOf(env);
        cwd = cwd == null ? Optional.empty() : cwd;
        stdin = stdin == null ? Optional.empty() : stdin;
        timeoutMs = timeoutMs == null ? Optional.empty() : timeoutMs;
    }

    public ExecOptions withEnv(Map<String, String> env) { return new ExecOptions(env, cwd, stdin, timeoutMs); }
    public ExecOptions withCwd(String cwd) { return new ExecOptions(env, Optional.of(cwd), stdin, timeoutMs); }
    public ExecOptions withStdin(byte[] stdin) { return new ExecOptions(env, cwd, Optional.of(stdin), timeoutMs); }
    public ExecOptions withStdin(String stdin) { return withStdin(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
    public ExecOptions withTimeoutMs(long ms) { return new ExecOptions(env, cwd, stdin, Optional.of(ms)); }
}
