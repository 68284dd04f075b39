package dev.agentos.kernel.proc;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.tty.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One process of a VM: identity, credentials, fds, cwd, environment, signal state and lifecycle.
 * Lifecycle fields are guarded by the {@link ProcessTable}'s lock; the environment by its own monitor.
 */
final class KernelProcess {
    final int pid;
    final Credentials credentials;
    final List<String> argv;
    final long startTimeMillis;
    final FdTable fds;
    final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    // guarded by the table lock
    int ppid;
    int pgid;
    int sid;
    volatile ProcessState state = ProcessState.RUNNING;
    volatile ExitStatus exitStatus;
    /** The status exit(n) asked for, used when the program unwinds. */
    volatile int requestedExit;
    boolean stopUnreported;
    Signal stopSignal = Signal.SIGTSTP; // what stopped it last, for waitpid
    boolean continueUnreported;
    volatile Thread thread;
    /** The controlling terminal of this process's session, if any. */
    Terminal controllingTerminal;
    /** Niceness, -20..19: recorded and inherited (virtual threads have no priorities to apply it to). */
    volatile int nice;

    // CPU accounting (see ProcessTimes): runnable time = lifetime minus time parked in blocking waits.
    // The wait fields are written only by the process's own thread; other threads read them.
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile long finalCpuNanos;
    private volatile long waitedNanos;
    private volatile long waitingSince;
    private int waitDepth;
    /** CPU time of reaped descendants (the kernel's cutime), guarded by the table lock. */
    long childrenCpuNanos;

    private final Map<String, String> env;
    private volatile String cwd;
    private volatile int umask;
    private final EnumMap<Signal, SignalDisposition> dispositions = new EnumMap<>(Signal.class);
    private final ArrayDeque<Signal> pending = new ArrayDeque<>();

    KernelProcess(int pid, int ppid, int pgid, int sid, Credentials credentials, List<String> argv,
                  Map<String, String> env, String cwd, int umask, FdTable fds, long startTimeMillis) {
        this.pid = pid;
        this.ppid = ppid;
        this.pgid = pgid;
        this.sid = sid;
        this.credentials = credentials;
        this.argv = List.copyOf(argv);
        this.env = new LinkedHashMap<>(env);
        this.cwd = cwd;
        this.umask = umask;
        this.fds = fds;
        this.startTimeMillis = startTimeMillis;
    }

    String cwd() { return cwd; }
    void cwd(String dir) { cwd = dir; }
    int umask() { return umask; }
    void umask(int mask) { umask = mask & 0777; }

    synchronized Optional<String> getenv(String name) { return Optional.ofNullable(env.get(name)); }
    synchronized void setenv(String name, String value) { env.put(name, value); }
    synchronized void unsetenv(String name) { env.remove(name); }
    synchronized Map<String, String> environment() { return new LinkedHashMap<>(env); }

    synchronized SignalDisposition disposition(Signal s) {
        return dispositions.getOrDefault(s, SignalDisposition.DEFAULT);
    }

    synchronized void disposition(Signal s, SignalDisposition d) {
        if (d == SignalDisposition.DEFAULT) dispositions.remove(s); else dispositions.put(s, d);
        if (d == SignalDisposition.IGNORE) pending.remove(s);
    }

    /** A child inherits caught signals as DEFAULT (exec resets handlers) and ignored ones as IGNORE. */
    synchronized EnumMap<Signal, SignalDisposition> inheritableDispositions() {
        EnumMap<Signal, SignalDisposition> out = new EnumMap<>(Signal.class);
        dispositions.forEach((s, d) -> { if (d == SignalDisposition.IGNORE) out.put(s, d); });
        return out;
    }

    synchronized void inheritDispositions(Map<Signal, SignalDisposition> from) {
        dispositions.putAll(from);
    }

    /** Queues a caught signal (standard signals do not queue twice). */
    synchronized void addPending(Signal s) {
        if (!pending.contains(s)) pending.add(s);
    }

    synchronized boolean hasPending() { return !pending.isEmpty(); }

    synchronized List<Signal> takePending() {
        List<Signal> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    boolean exited() { return exitStatus != null; }

    /** Marks the start of a blocking wait (nested waits count once). */
    void beginWait() {
        if (waitDepth++ == 0) waitingSince = System.nanoTime();
    }

    void endWait() {
        if (--waitDepth == 0) {
            waitedNanos += System.nanoTime() - waitingSince;
            waitingSince = 0;
        }
    }

    /** True while the process is parked in a blocking wait. */
    boolean waiting() { return waitingSince != 0; }

    /** Freezes the lifetime at exit, so a zombie's CPU time stops growing. */
    synchronized void markEnded() {
        if (endNanos != 0) return;
        finalCpuNanos = cpuNanos();
        endNanos = System.nanoTime();
    }

    /** Runnable time so far: lifetime minus the time spent in blocking waits. */
    long cpuNanos() {
        if (endNanos != 0) return finalCpuNanos;
        long now = System.nanoTime();
        long since = waitingSince;
        long current = since != 0 ? Math.max(0, now - since) : 0;
        return Math.max(0, now - startNanos - waitedNanos - current);
    }

    String name() {
        String a0 = argv.isEmpty() ? "?" : argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }
}
