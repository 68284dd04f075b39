package dev.agentos.kernel.proc;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one process, for ps, /proc and listProcesses. {@code cpuTimeNanos} is the time the
 * process was runnable (alive and not parked in a blocking kernel wait; see {@link ProcessTimes}) and
 * {@code nice} its niceness (-20..19, inherited from its parent).
 */
public record ProcessInfo(int pid, int ppid, int pgid, int sid, int uid, ProcessState state,
                          List<String> argv, String cwd, Optional<String> tty, long startTimeMillis,
                          Optional<ExitStatus> exitStatus, long cpuTimeNanos, int nice) {
    /** The command name (argv[0]'s last path component). */
    public String command() {
        String a0 = argv.isEmpty() ? "" : argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }
}
