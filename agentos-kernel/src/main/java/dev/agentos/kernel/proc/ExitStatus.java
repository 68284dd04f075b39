package dev.agentos.kernel.proc;

import dev.agentos.kernel.Signal;

/** How a process ended (or changed state): normal exit, a terminating signal, a stop, a continue. */
public sealed interface ExitStatus {
    /** The status a shell shows in {@code $?}: the exit code, or 128+N for signal N. */
    int shellStatus();

    record Exited(int code) implements ExitStatus {
        public int shellStatus() { return code; }
    }

    record Signaled(Signal signal) implements ExitStatus {
        public int shellStatus() { return 128 + signal.number(); }
    }

    record Stopped(Signal signal) implements ExitStatus {
        public int shellStatus() { return 128 + signal.number(); }
    }

    record Continued() implements ExitStatus {
        public int shellStatus() { return 0; }
    }
}
