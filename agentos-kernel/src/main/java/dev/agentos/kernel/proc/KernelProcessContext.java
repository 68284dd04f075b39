package dev.agentos.kernel.proc;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.net.ListeningSocket;
import dev.agentos.kernel.net.SocketFile;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileSystemBackend.FsUsage;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The system calls of one process. Every call starts at a safe point (a killed process unwinds, a
 * stopped one parks); blocking calls interrupted by a caught signal throw EINTR, and spurious wake-ups
 * retry. EPIPE from a write raises SIGPIPE, as on Linux.
 */
final class KernelProcessContext implements ProcessContext {
    private final Processes processes;
    private final KernelServices k;
    private final ProcessTable table;
    private final KernelProcess self;
    private InputStream stdin;
    private OutputStream stdout;
    private OutputStream stderr;

    KernelProcessContext(Processes processes, KernelServices services, ProcessTable table, KernelProcess self) {
        this.processes = processes;
        this.k = services;
        this.table = table;
        this.self = self;
    }

    // ---- safe points ----

    private void enter() {
        if (self.exitStatus != null) throw new ProcessUnwind();
        if (self.state == ProcessState.STOPPED) table.parkWhileStopped(self);
    }

    private <T> T blocking(Supplier<T> op) {
        while (true) {
            enter();
            try {
                return op.get();
            } catch (AgentOsException e) {
                if (!e.is(Errno.EINTR)) throw e;
                if (self.exitStatus != null) throw new ProcessUnwind();
                if (self.hasPending()) throw e;
                Thread.interrupted(); // woken for a stop or by nobody: try again
            }
        }
    }

    private int blockingInt(IntSupplier op) {
        return blocking(op::getAsInt);
    }

    /** Runs a call that may park, leaving its time out of the process's CPU time. */
    private <T> T waiting(Supplier<T> op) {
        self.beginWait();
        try {
            return op.get();
        } finally {
            self.endWait();
        }
    }

    /** Pipes, FIFOs, sockets and terminals may park; files and devices like /dev/null answer at once. */
    private static boolean mayBlock(FileDescription f) {
        var type = f.stat().type();
        return type == FileType.FIFO || type == FileType.SOCKET || f.terminal().isPresent();
    }

    private Caller caller() {
        return new Caller(self.pid, self.credentials, self.cwd(), self.umask());
    }

    // ---- identity and environment ----

    @Override public int pid() { return self.pid; }
    @Override public int ppid() { return self.ppid; }
    @Override public int pgid() { return self.pgid; }
    @Override public int sid() { return self.sid; }
    @Override public Credentials credentials() { return self.credentials; }
    @Override public List<String> argv() { return self.argv; }
    @Override public Optional<String> getenv(String name) { return self.getenv(name); }

    @Override public void setenv(String name, String value) {
        if (name.isEmpty() || name.indexOf('=') >= 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "setenv " + name);
        self.setenv(name, value);
    }

    @Override public void unsetenv(String name) { self.unsetenv(name); }
    @Override public Map<String, String> environment() { return self.environment(); }
    @Override public String cwd() { return self.cwd(); }

    @Override public void chdir(String path) {
        enter();
        Caller c = caller();
        String real = k.vfs().realpath(c, path);
        FileStat st = k.vfs().stat(c, real);
        if (!st.isDirectory()) throw AgentOsException.errno(Errno.ENOTDIR, "chdir", path);
        if (!k.vfs().access(c, real, 1)) throw AgentOsException.errno(Errno.EACCES, "chdir", path);
        self.cwd(real);
    }

    @Override public int umask() { return self.umask(); }

    @Override public int umask(int mask) {
        int old = self.umask();
        self.umask(mask);
        return old;
    }

    @Override public InstantSource clock() { return k.clock(); }

    @Override public dev.agentos.kernel.limit.Limits limits() { return k.limits(); }

    // ---- standard streams ----

    @Override public InputStream stdin() {
        if (stdin == null) stdin = new FdInputStream(this, 0);
        return stdin;
    }

    @Override public OutputStream stdout() {
        if (stdout == null) stdout = new FdOutputStream(this, 1);
        return stdout;
    }

    @Override public OutputStream stderr() {
        if (stderr == null) stderr = new FdOutputStream(this, 2);
        return stderr;
    }

    // ---- files ----

    @Override public int open(String path, int flags, int mode) {
        FileDescription f = blocking(() -> k.vfs().open(caller(), path, flags, mode)); // FIFOs block
        return self.fds.install(f, 0, (flags & OpenFlags.O_CLOEXEC) != 0);
    }

    @Override public int read(int fd, byte[] buf, int off, int len) {
        FileDescription f = self.fds.get(fd);
        checkBackgroundRead(f);
        if (!mayBlock(f)) return blockingInt(() -> f.read(buf, off, len));
        return waiting(() -> blockingInt(() -> f.read(buf, off, len)));
    }

    /** A background job reading its controlling terminal gets SIGTTIN (and stops by default). */
    private void checkBackgroundRead(FileDescription f) {
        Optional<Terminal> t = f.terminal();
        if (t.isEmpty() || t.get() != self.controllingTerminal) return;
        int fg = t.get().foregroundGroup();
        if (fg != 0 && fg != self.pgid && self.disposition(Signal.SIGTTIN) == SignalDisposition.DEFAULT) {
            table.signalGroup(self.pgid, Signal.SIGTTIN);
            enter();
        }
    }

    @Override public int write(int fd, byte[] buf, int off, int len) {
        FileDescription f = self.fds.get(fd);
        if ((f.flags() & OpenFlags.O_NONBLOCK) != 0) return writeOnce(f, buf, off, len);
        int done = 0;
        while (done < len) {
            final int at = done;
            try {
                done += writeOnce(f, buf, off + at, len - at);
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR) && done > 0) return done;
                throw e;
            }
        }
        return len;
    }

    private int writeOnce(FileDescription f, byte[] buf, int off, int len) {
        try {
            if (!mayBlock(f)) return blockingInt(() -> f.write(buf, off, len));
            return waiting(() -> blockingInt(() -> f.write(buf, off, len)));
        } catch (AgentOsException e) {
            if (e.is(Errno.EPIPE)) {
                table.deliver(self, Signal.SIGPIPE);
                enter();
            }
            throw e;
        }
    }

    @Override public int pread(int fd, long position, byte[] buf, int off, int len) {
        enter();
        return self.fds.get(fd).pread(position, buf, off, len);
    }

    @Override public long seek(int fd, long offset, int whence) {
        enter();
        return self.fds.get(fd).seek(offset, whence);
    }

    @Override public void close(int fd) {
        enter();
        self.fds.close(fd);
    }

    @Override public int dup(int fd) { enter(); return self.fds.dup(fd, 0); }
    @Override public int dup2(int fd, int newFd) { enter(); return self.fds.dup2(fd, newFd); }
    @Override public int dupAtLeast(int fd, int minFd) { enter(); return self.fds.dup(fd, minFd); }
    @Override public void setCloseOnExec(int fd, boolean value) { self.fds.setCloseOnExec(fd, value); }

    @Override public int getFlags(int fd) {
        return self.fds.get(fd).flags() | (self.fds.closeOnExec(fd) ? OpenFlags.O_CLOEXEC : 0);
    }

    @Override public void setStatusFlags(int fd, int flags) { self.fds.get(fd).setStatusFlags(flags); }

    @Override public int[] pipe() {
        enter();
        Pipe p = k.pipes().create();
        int r = self.fds.install(p.readEnd());
        try {
            int w = self.fds.install(p.writeEnd());
            return new int[] {r, w};
        } catch (AgentOsException e) {
            self.fds.close(r);
            throw e;
        }
    }

    @Override public FileStat stat(String path) { enter(); return k.vfs().stat(caller(), path); }
    @Override public FileStat lstat(String path) { enter(); return k.vfs().lstat(caller(), path); }
    @Override public FileStat fstat(int fd) { enter(); return self.fds.get(fd).stat(); }
    @Override public List<DirEntry> readdir(String path) { enter(); return k.vfs().readdir(caller(), path); }
    @Override public void mkdir(String path, int mode) { enter(); k.vfs().mkdir(caller(), path, mode); }
    @Override public void rmdir(String path) { enter(); k.vfs().rmdir(caller(), path); }
    @Override public void unlink(String path) { enter(); k.vfs().unlink(caller(), path); }
    @Override public void rename(String from, String to) { enter(); k.vfs().rename(caller(), from, to); }
    @Override public void link(String existing, String newPath) { enter(); k.vfs().link(caller(), existing, newPath); }
    @Override public void symlink(String target, String linkPath) { enter(); k.vfs().symlink(caller(), target, linkPath); }
    @Override public String readlink(String path) { enter(); return k.vfs().readlink(caller(), path); }
    @Override public void chmod(String path, int mode) { enter(); k.vfs().chmod(caller(), path, mode); }

    @Override public void chown(String path, int uid, int gid, boolean followLinks) {
        enter();
        k.vfs().chown(caller(), path, uid, gid, followLinks);
    }

    @Override public void utimes(String path, long atimeNanos, long mtimeNanos, boolean followLinks) {
        enter();
        k.vfs().utimes(caller(), path, atimeNanos, mtimeNanos, followLinks);
    }

    @Override public void truncate(String path, long size) { enter(); k.vfs().truncate(caller(), path, size); }
    @Override public void ftruncate(int fd, long size) { enter(); self.fds.get(fd).truncate(size); }
    @Override public void fsync(int fd) { enter(); self.fds.get(fd).sync(); }
    @Override public boolean access(String path, int mode) {
        enter();
        try {
            return k.vfs().access(caller(), path, mode);
        } catch (AgentOsException e) {
            return false; // missing, or a path component in the way: not accessible either
        }
    }
    @Override public String realpath(String path) { enter(); return k.vfs().realpath(caller(), path); }
    @Override public void mkfifo(String path, int mode) { enter(); k.vfs().mknod(caller(), path, FileType.FIFO, mode); }
    @Override public FsUsage statfs(String path) { enter(); return k.vfs().statfs(caller(), path); }

    // ---- processes ----

    @Override public int spawn(SpawnRequest request) {
        enter();
        return processes.spawn(self, self.credentials, request, null).pid;
    }

    @Override public Optional<WaitResult> waitpid(int pid, WaitOptions options) {
        enter();
        return table.waitpid(self, pid, options);
    }

    @Override public void kill(int pid, Signal signal) {
        enter();
        if (pid > 0) {
            KernelProcess p = table.find(pid).filter(q -> !q.exited() && q.pid != ProcessTable.INIT_PID)
                    .orElseThrow(() -> AgentOsException.errnoDetail(Errno.ESRCH, "kill " + pid));
            checkMaySignal(p);
            table.deliver(p, signal);
        } else {
            int group = pid == 0 ? self.pgid : -pid;
            List<KernelProcess> targets = table.all().stream()
                    .filter(q -> q.pid != ProcessTable.INIT_PID && !q.exited() && (pid == -1 ? q != self : q.pgid == group))
                    .filter(q -> self.credentials.isRoot() || q.credentials.uid() == self.credentials.uid())
                    .toList();
            if (targets.isEmpty()) throw AgentOsException.errnoDetail(Errno.ESRCH, "kill " + pid);
            for (KernelProcess q : targets) table.deliver(q, signal);
        }
        enter(); // a process that signalled itself to death stops here
    }

    private void checkMaySignal(KernelProcess target) {
        if (!self.credentials.isRoot() && target.credentials.uid() != self.credentials.uid()) {
            throw AgentOsException.errnoDetail(Errno.EPERM, "kill " + target.pid);
        }
    }

    @Override public void setpgid(int pid, int pgid) { enter(); table.setpgid(self, pid, pgid); }
    @Override public int setsid() { enter(); return table.setsid(self); }

    @Override public void signalDisposition(Signal signal, SignalDisposition disposition) {
        if (signal.uncatchable()) throw AgentOsException.errnoDetail(Errno.EINVAL, "sigaction " + signal.name());
        self.disposition(signal, disposition);
    }

    @Override public SignalDisposition signalDisposition(Signal signal) { return self.disposition(signal); }

    @Override public List<Signal> takePendingSignals() {
        List<Signal> out = self.takePending();
        Thread.interrupted();
        return out;
    }

    @Override public void checkSignals() { enter(); }

    @Override public void exit(int status) {
        self.requestedExit = status & 0xff;
        throw new ProcessUnwind();
    }

    @Override public List<ProcessInfo> processes() { return processes.list(); }

    @Override public ProcessTimes times() {
        return new ProcessTimes(self.cpuNanos(), table.childrenCpuNanos(self));
    }

    @Override public int nice() { return self.nice; }

    @Override public void setNice(int nice) {
        int n = Math.max(-20, Math.min(19, nice));
        if (n < self.nice && !self.credentials.isRoot()) throw AgentOsException.errnoDetail(Errno.EACCES, "setpriority");
        self.nice = n;
    }

    @Override public void sleep(Duration duration) {
        enter();
        waiting(() -> {
            sleepUninstrumented(duration);
            return null;
        });
    }

    private void sleepUninstrumented(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        lock.lock();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                try {
                    never.awaitNanos(left);
                } catch (InterruptedException e) {
                    if (self.exitStatus != null) throw new ProcessUnwind();
                    if (self.hasPending()) throw AgentOsException.errnoDetail(Errno.EINTR, "sleep");
                }
                enter();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- terminals ----

    @Override public boolean isatty(int fd) {
        return self.fds.isOpen(fd) && self.fds.get(fd).terminal().isPresent();
    }

    @Override public Terminal terminal(int fd) {
        return self.fds.get(fd).terminal().orElseThrow(() -> AgentOsException.errnoDetail(Errno.ENOTTY, "ioctl fd " + fd));
    }

    @Override public int[] openPty() {
        enter();
        Pty pty = k.ptys().open();
        int m = self.fds.install(pty.master());
        int s = self.fds.install(pty.openSlave(OpenFlags.O_RDWR));
        return new int[] {m, s};
    }

    // ---- network ----

    @Override public int listen(String host, int port, int backlog) {
        enter();
        return self.fds.install(k.network().listen(host, port, backlog));
    }

    @Override public int accept(int listenFd) {
        if (!(self.fds.get(listenFd) instanceof ListeningSocket l)) {
            throw AgentOsException.errnoDetail(Errno.ENOTSOCK, "accept fd " + listenFd);
        }
        SocketFile s = waiting(() -> blocking(l::accept));
        return self.fds.install(s);
    }

    @Override public int connect(String host, int port) {
        enter();
        return self.fds.install(k.network().connect(host, port));
    }

    @Override public int socketPort(int fd) {
        return switch (self.fds.get(fd)) {
            case ListeningSocket l -> l.port();
            case SocketFile s -> s.localPort();
            default -> throw AgentOsException.errnoDetail(Errno.ENOTSOCK, "getsockname fd " + fd);
        };
    }

    @Override public void shutdownOutput(int fd) {
        if (!(self.fds.get(fd) instanceof SocketFile s)) throw AgentOsException.errnoDetail(Errno.ENOTSOCK, "shutdown fd " + fd);
        s.shutdownOutput();
    }

    // ---- poll ----

    @Override public int poll(PollRequest[] requests, long timeoutMillis) {
        enter();
        return waiting(() -> pollUninstrumented(requests, timeoutMillis));
    }

    private int pollUninstrumented(PollRequest[] requests, long timeoutMillis) {
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        Runnable wake = () -> {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        };
        FileDescription[] files = new FileDescription[requests.length];
        for (int i = 0; i < requests.length; i++) {
            files[i] = self.fds.isOpen(requests[i].fd) ? self.fds.get(requests[i].fd) : null;
            if (files[i] != null) files[i].addReadinessListener(wake);
        }
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                int ready = 0;
                for (int i = 0; i < requests.length; i++) {
                    PollRequest r = requests[i];
                    r.revents = files[i] == null ? Pollable.POLLNVAL
                            : files[i].readyOps() & (r.events | Pollable.POLLERR | Pollable.POLLHUP);
                    if (r.revents != 0) ready++;
                }
                if (ready > 0) return ready;
                long left = deadline - System.nanoTime();
                if (left <= 0) return 0;
                try {
                    if (timeoutMillis < 0) changed.await(); else changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    if (self.exitStatus != null) throw new ProcessUnwind();
                    if (self.hasPending()) throw AgentOsException.errnoDetail(Errno.EINTR, "poll");
                }
                if (self.state == ProcessState.STOPPED) {
                    lock.unlock();
                    try { enter(); } finally { lock.lock(); }
                }
            }
        } finally {
            lock.unlock();
            for (FileDescription f : files) if (f != null) f.removeReadinessListener(wake);
        }
    }
}
