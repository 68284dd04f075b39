package dev.agentos.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code openShell} on the wire: program (default {@code /bin/bash -i}), arguments,
 * environment, working directory and terminal size (default 80x24).
 */
public record ShellOptions(Optional<String> command, List<String> args, Map<String, String> env, Optional<String> cwd,
                           Optional<Integer> cols, Optional<Integer> rows) {
    public static final ShellOptions DEFAULT = new ShellOptions(Optional.empty(), null, null, Optional.empty(),
            Optional.empty(), Optional.empty());

    public ShellOptions {
        command = command == null ? Optional.empty() : command;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        cwd = cwd == null ? Optional.empty() : cwd;
        cols = cols == null ? Optional.empty() : cols;
        rows = rows == null ? Optional.empty() : rows;
    }

    public ShellOptions withCommand(String command, List<String> args) { return new ShellOptions(Optional.of(command), args, env, cwd, cols, rows); }
    public ShellOptions withEnv(Map<String, String> env) { return new ShellOptions(command, args, env, cwd, cols, rows); }
    public ShellOptions withCwd(String cwd) { return new ShellOptions(command, args, env, Optional.of(cwd), cols, rows); }
    public ShellOptions withSize(int cols, int rows) { return new ShellOptions(command, args, env, cwd, Optional.of(cols), Optional.of(rows)); }
}
