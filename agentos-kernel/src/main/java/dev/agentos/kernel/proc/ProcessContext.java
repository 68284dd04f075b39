package dev.agentos.kernel.proc;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileSystemBackend.FsUsage;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guest process's only door to its kernel: the system calls. Paths are resolved against the
 * process's cwd; failures are {@link dev.agentos.AgentOsException}s with errno codes. Every call is a
 * signal safe point: a process killed by a signal stops at its next call.
 */
public interface ProcessContext {
    // ---- identity and environment ----
    int pid();
    int ppid();
    int pgid();
    int sid();
    Credentials credentials();

    /** argv, with argv[0] first. */
    List<String> argv();

    Optional<String> getenv(String name);
    void setenv(String name, String value);
    void unsetenv(String name);

    /** A copy of the environment, in insertion order. */
    Map<String, String> environment();

    String cwd();
    void chdir(String path);

    int umask();
    /** Sets the umask, returning the old one. */
    int umask(int mask);

    /** The VM's clock: wall time and timestamps. */
    InstantSource clock();

    /** The VM's resource limits (fixed for the VM's life: what ulimit reports). */
    dev.agentos.kernel.limit.Limits limits();

    // ---- standard streams (unbuffered views of fds 0, 1 and 2) ----
    InputStream stdin();
    OutputStream stdout();
    OutputStream stderr();

    // ---- files ----
    int open(String path, int flags, int mode);
    int read(int fd, byte[] buf, int off, int len);
    /** Writes all of buf[off..off+len) (blocking); EPIPE also raises SIGPIPE. */
    int write(int fd, byte[] buf, int off, int len);
    int pread(int fd, long position, byte[] buf, int off, int len);
    long seek(int fd, long offset, int whence);
    void close(int fd);
    int dup(int fd);
    int dup2(int fd, int newFd);
    /** F_DUPFD: the lowest free fd at or above {@code minFd}. */
    int dupAtLeast(int fd, int minFd);
    void setCloseOnExec(int fd, boolean closeOnExec);
    int getFlags(int fd);
    void setStatusFlags(int fd, int flags);
    /** pipe(2): {read end, write end}. */
    int[] pipe();
    FileStat stat(String path);
    FileStat lstat(String path);
    FileStat fstat(int fd);
    List<DirEntry> readdir(String path);
    void mkdir(String path, int mode);
    void rmdir(String path);
    void unlink(String path);
    void rename(String from, String to);
    void link(String existing, String newPath);
    void symlink(String target, String linkPath);
    String readlink(String path);
    void chmod(String path, int mode);
    void chown(String path, int uid, int gid, boolean followLinks);
    void utimes(String path, long atimeNanos, long mtimeNanos, boolean followLinks);
    void truncate(String path, long size);
    void ftruncate(int fd, long size);
    void fsync(int fd);
    /** access(2) with R_OK=4, W_OK=2, X_OK=1 or F_OK=0: true when allowed, false when denied or missing. */
    boolean access(String path, int mode);
    /** The canonical absolute path, all symlinks resolved. */
    String realpath(String path);
    void mkfifo(String path, int mode);
    FsUsage statfs(String path);

    // ---- processes ----
    /** posix_spawn: starts a child and returns its pid. */
    int spawn(SpawnRequest request);
    /**
     * waitpid: {@code pid} > 0 one child, -1 any child, 0 own group, < -1 group -pid. Empty only with
     * {@link WaitOptions#noHang}. ECHILD when there is nothing to wait for.
     */
    Optional<WaitResult> waitpid(int pid, WaitOptions options);
    /** kill(2): pid > 0 one process, 0 own group, -1 every process we may signal, < -1 group -pid. */
    void kill(int pid, Signal signal);
    void setpgid(int pid, int pgid);
    /** setsid: a new session and group led by this process. */
    int setsid();
    /** Sets what a signal does to this process. SIGKILL and SIGSTOP cannot be changed (EINVAL). */
    void signalDisposition(Signal signal, SignalDisposition disposition);
    SignalDisposition signalDisposition(Signal signal);
    /** Caught signals that arrived since the last call, oldest first (and clears them). */
    List<Signal> takePendingSignals();
    /** A safe point for long computations: stops here if killed or stopped. */
    void checkSignals();
    /** Ends the process now with {@code status} (unwinds the program). */
    void exit(int status);
    /** A snapshot of every process in the VM. */
    List<ProcessInfo> processes();
    /** Sleeps, waking early (EINTR) when a caught signal arrives. */
    void sleep(Duration duration);
    /** times(2): this process's runnable time and that of its reaped descendants. */
    ProcessTimes times();
    /** getpriority(2): this process's niceness, -20..19. */
    int nice();
    /**
     * setpriority(2) on this process: clamps to -20..19; lowering the niceness needs root (EACCES).
     * Children inherit it; it is recorded and reported, not used for scheduling.
     */
    void setNice(int nice);

    // ---- terminals ----
    boolean isatty(int fd);
    /** The terminal behind fd, or ENOTTY. */
    Terminal terminal(int fd);
    /** openpty: {master fd, slave fd}. */
    int[] openPty();

    // ---- network (VM loopback; other hosts go through the egress policy) ----
    /** A listening socket on a VM port (0 picks a free one). */
    int listen(String host, int port, int backlog);
    int accept(int listenFd);
    int connect(String host, int port);
    /** The local port of a socket fd. */
    int socketPort(int fd);
    /** shutdown(SHUT_WR). */
    void shutdownOutput(int fd);

    // ---- waiting on many fds ----
    /** poll(2): fills {@code revents}, returns how many are ready; -1 timeout waits forever. */
    int poll(PollRequest[] requests, long timeoutMillis);
}
