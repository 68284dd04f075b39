package dev.agentos.kernel.proc;

import java.util.List;
import java.util.Optional;

/** A snapshot of one process, for ps, /proc and listProcesses. */
public record ProcessInfo(int pid, int ppid, int pgid, int sid, int uid, ProcessState state,
                          List<String> argv, String cwd, Optional<String> tty, long startTimeMillis,
                          Optional<ExitStatus> exitStatus) {
    /** The command name (argv[0]'s last path component). */
    public String command() {
        String a0 = argv.isEmpty() ? "" : argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }
}
