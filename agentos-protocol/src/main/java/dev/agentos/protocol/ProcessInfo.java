package dev.agentos.protocol;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one process: ids, state ({@code RUNNING}, {@code SLEEPING}, {@code STOPPED},
 * {@code ZOMBIE}, {@code EXITED}), argv, cwd, terminal, start time and, once ended, the exit code
 * as a shell shows it (128+N for signal N).
 */
public record ProcessInfo(int pid, int ppid, int pgid, int sid, int uid, String state, List<String> argv, String cwd,
                          Optional<String> tty, long startTimeMillis, Optional<Integer> exitCode) {
    public ProcessInfo {
        argv = argv == null ? List.of() : List.copyOf(argv);
        tty = tty == null ? Optional.empty() : tty;
        exitCode = exitCode == null ? Optional.empty() : exitCode;
    }

    /** The command name (argv[0]'s last path component). */
    public String command() {
        String a0 = argv.isEmpty() ? "" : argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }
}
