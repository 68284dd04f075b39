package dev.agentos.kernel.proc;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.SignalSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The VM's processes: pid allocation, parent/child links, groups and sessions, exit and reaping,
 * signal delivery and waitpid. One lock guards every lifecycle change; one condition announces them
 * (a VM has at most a few thousand processes, so waking every waiter is cheap and simple).
 */
final class ProcessTable implements SignalSink {
    static final int INIT_PID = 1;
    private static final int MAX_PID = 4_194_304;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, KernelProcess> processes = new ConcurrentHashMap<>();
    private final int maxProcesses;
    private int nextPid = INIT_PID + 1;
    private int live;

    ProcessTable(int maxProcesses, Credentials initCredentials, long now) {
        this.maxProcesses = maxProcesses;
        KernelProcess init = new KernelProcess(INIT_PID, 0, INIT_PID, INIT_PID, initCredentials,
                List.of("/sbin/init"), Map.of(), "/", 022, new FdTable(3), now);
        init.state = ProcessState.SLEEPING;
        init.markEnded(); // init runs no program: it never uses CPU
        processes.put(INIT_PID, init);
    }

    KernelProcess init() { return processes.get(INIT_PID); }

    Optional<KernelProcess> find(int pid) { return Optional.ofNullable(processes.get(pid)); }

    KernelProcess require(int pid) {
        KernelProcess p = processes.get(pid);
        if (p == null) throw AgentOsException.errnoDetail(Errno.ESRCH, "pid " + pid);
        return p;
    }

    List<KernelProcess> all() {
        List<KernelProcess> out = new ArrayList<>(processes.values());
        out.sort(Comparator.comparingInt(p -> p.pid));
        return out;
    }

    /** Reserves a process slot; EAGAIN names the limit (a fork bomb stops here). */
    int allocatePid() {
        lock.lock();
        try {
            if (live >= maxProcesses) {
                throw AgentOsException.errnoDetail(Errno.EAGAIN, "spawn (limit of " + maxProcesses + " processes reached)");
            }
            live++;
            while (processes.containsKey(nextPid)) nextPid = nextPid >= MAX_PID ? INIT_PID + 1 : nextPid + 1;
            int pid = nextPid;
            nextPid = nextPid >= MAX_PID ? INIT_PID + 1 : nextPid + 1;
            return pid;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot whose process never started. */
    void releasePid() {
        lock.lock();
        try {
            live--;
        } finally {
            lock.unlock();
        }
    }

    void add(KernelProcess p) {
        lock.lock();
        try {
            processes.put(p.pid, p);
        } finally {
            lock.unlock();
        }
    }

    int liveCount() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    // ---- exit ----

    /**
     * Ends {@code p} with {@code status} unless it already ended: closes its fds, hands its children to
     * init, makes it a zombie for its parent (init reaps at once), wakes waiters, sends SIGCHLD.
     */
    boolean exit(KernelProcess p, ExitStatus status) {
        KernelProcess parent;
        lock.lock();
        try {
            if (p.exitStatus != null || p.pid == INIT_PID) return false;
            p.markEnded();
            p.exitStatus = status;
            p.state = ProcessState.ZOMBIE;
            live--;
            for (KernelProcess c : processes.values()) {
                if (c.ppid == p.pid) {
                    c.ppid = INIT_PID;
                    if (c.state == ProcessState.ZOMBIE) processes.remove(c.pid);
                }
            }
            parent = processes.get(p.ppid);
            if (parent == null || parent.pid == INIT_PID || parent.exited()) {
                processes.remove(p.pid);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        p.fds.closeAll();
        p.exit.complete(status);
        if (parent != null && parent.pid != INIT_PID) signalProcess(parent.pid, Signal.SIGCHLD);
        Thread t = p.thread;
        if (t != null && t != Thread.currentThread()) t.interrupt();
        return true;
    }

    // ---- waitpid ----

    Optional<WaitResult> waitpid(KernelProcess parent, int pid, WaitOptions options) {
        parent.beginWait();
        try {
            return waitpidLocked(parent, pid, options);
        } finally {
            parent.endWait();
        }
    }

    /** CPU time of {@code p}'s reaped descendants. */
    long childrenCpuNanos(KernelProcess p) {
        lock.lock();
        try {
            return p.childrenCpuNanos;
        } finally {
            lock.unlock();
        }
    }

    private Optional<WaitResult> waitpidLocked(KernelProcess parent, int pid, WaitOptions options) {
        lock.lock();
        try {
            while (true) {
                boolean any = false;
                for (KernelProcess c : processes.values()) {
                    if (c.ppid != parent.pid || !matches(c, pid, parent)) continue;
                    any = true;
                    if (c.state == ProcessState.ZOMBIE) {
                        processes.remove(c.pid);
                        parent.childrenCpuNanos += c.cpuNanos() + c.childrenCpuNanos;
                        return Optional.of(new WaitResult(c.pid, c.exitStatus));
                    }
                    if (options.untraced() && c.stopUnreported) {
                        c.stopUnreported = false;
                        return Optional.of(new WaitResult(c.pid, new ExitStatus.Stopped(c.stopSignal)));
                    }
                    if (options.continued() && c.continueUnreported) {
                        c.continueUnreported = false;
                        return Optional.of(new WaitResult(c.pid, new ExitStatus.Continued()));
                    }
                }
                if (!any) throw AgentOsException.errnoDetail(Errno.ECHILD, "wait" + (pid > 0 ? " " + pid : ""));
                if (options.noHang()) return Optional.empty();
                awaitChange(parent);
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean matches(KernelProcess c, int pid, KernelProcess parent) {
        if (pid > 0) return c.pid == pid;
        if (pid == -1) return true;
        if (pid == 0) return c.pgid == parent.pgid;
        return c.pgid == -pid;
    }

    /** Waits for any lifecycle change; EINTR when a caught signal is pending for {@code self}. */
    private void awaitChange(KernelProcess self) {
        if (self.exited()) throw new ProcessUnwind();
        if (self.hasPending()) throw AgentOsException.errnoDetail(Errno.EINTR, "wait");
        try {
            changed.await();
        } catch (InterruptedException e) {
            if (self.exited()) throw new ProcessUnwind();
            if (self.hasPending()) throw AgentOsException.errnoDetail(Errno.EINTR, "wait");
        }
    }

    /** Blocks while {@code self} is stopped (a safe point); unwinds if it was killed meanwhile. */
    void parkWhileStopped(KernelProcess self) {
        self.beginWait();
        lock.lock();
        try {
            while (self.state == ProcessState.STOPPED && !self.exited()) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
            self.endWait();
        }
        if (self.exited()) throw new ProcessUnwind();
    }

    // ---- signals ----

    @Override
    public void signalProcess(int pid, Signal signal) {
        KernelProcess p = processes.get(pid);
        if (p != null && p.pid != INIT_PID) deliver(p, signal);
    }

    @Override
    public void signalGroup(int pgid, Signal signal) {
        for (KernelProcess p : processes.values()) {
            if (p.pgid == pgid && p.pid != INIT_PID) deliver(p, signal);
        }
    }

    /** True when some live process is in group {@code pgid}. */
    boolean groupExists(int pgid) {
        for (KernelProcess p : processes.values()) if (p.pgid == pgid && !p.exited()) return true;
        return false;
    }

    /** Delivers one signal according to the process's disposition; SIGKILL always wins. */
    void deliver(KernelProcess p, Signal signal) {
        if (p.exited()) return;
        if (signal == Signal.SIGKILL) {
            exit(p, new ExitStatus.Signaled(Signal.SIGKILL));
            return;
        }
        if (signal == Signal.SIGCONT) resume(p);
        SignalDisposition d = signal.uncatchable() ? SignalDisposition.DEFAULT : p.disposition(signal);
        switch (d) {
            case IGNORE -> { }
            case CATCH -> {
                p.addPending(signal);
                    Thread t = p.thread;
                if (t != null) t.interrupt();
            }
            case DEFAULT -> {
                switch (signal.defaultAction()) {
                    case TERMINATE -> exit(p, new ExitStatus.Signaled(signal));
                    case STOP -> stop(p, signal);
                    case CONTINUE, IGNORE -> { }
                }
            }
        }
    }

    private void stop(KernelProcess p, Signal signal) {
        KernelProcess parent;
        lock.lock();
        try {
            if (p.exited() || p.state == ProcessState.STOPPED) return;
            p.state = ProcessState.STOPPED;
            p.stopUnreported = true;
            p.stopSignal = signal;
            p.continueUnreported = false;
            parent = processes.get(p.ppid);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // Wake a blocking call so it parks at its safe point and restarts after SIGCONT; left blocked, a
        // stopped reader would keep consuming its terminal's input (a ^Z'd cat ate what the shell was sent).
        Thread t = p.thread;
        if (t != null && t != Thread.currentThread()) t.interrupt();
        if (parent != null && parent.pid != INIT_PID) signalProcess(parent.pid, Signal.SIGCHLD);
    }

    private void resume(KernelProcess p) {
        lock.lock();
        try {
            if (p.state != ProcessState.STOPPED) return;
            p.state = ProcessState.RUNNING;
            p.stopUnreported = false;
            p.continueUnreported = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- groups and sessions ----

    void setpgid(KernelProcess caller, int pid, int pgid) {
        lock.lock();
        try {
            KernelProcess target = pid == 0 ? caller : processes.get(pid);
            if (target == null || (target != caller && target.ppid != caller.pid)) {
                throw AgentOsException.errnoDetail(Errno.ESRCH, "setpgid " + pid);
            }
            if (pgid < 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "setpgid " + pgid);
            int group = pgid == 0 ? target.pid : pgid;
            if (target.sid == target.pid || target.sid != caller.sid) {
                throw AgentOsException.errnoDetail(Errno.EPERM, "setpgid " + pid);
            }
            if (group != target.pid) {
                boolean exists = processes.values().stream().anyMatch(q -> q.pgid == group && q.sid == caller.sid);
                if (!exists) throw AgentOsException.errnoDetail(Errno.EPERM, "setpgid " + pid + " " + pgid);
            }
            target.pgid = group;
        } finally {
            lock.unlock();
        }
    }

    int setsid(KernelProcess p) {
        lock.lock();
        try {
            boolean leader = processes.values().stream().anyMatch(q -> q.pgid == p.pid && q != p);
            if (p.pgid == p.pid || leader) throw AgentOsException.errnoDetail(Errno.EPERM, "setsid");
            p.sid = p.pid;
            p.pgid = p.pid;
            p.controllingTerminal = null;
            return p.pid;
        } finally {
            lock.unlock();
        }
    }

    /** The lock, for callers that must change lifecycle fields consistently (spawn). */
    ReentrantLock lock() { return lock; }
}
