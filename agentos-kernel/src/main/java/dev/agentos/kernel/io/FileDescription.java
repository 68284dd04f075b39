package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;
import java.util.Optional;

/**
 * An open file description (Linux's {@code struct file}): what file descriptors point at. Shared by
 * dup'd and inherited descriptors, it holds the offset and status flags. Reference counted: every fd
 * that points here holds one reference; the last {@link #close()} releases the file (a pipe end
 * closes, a socket disconnects).
 *
 * <p>Blocking calls park the calling (virtual) thread; when it is interrupted because a signal arrived
 * they throw {@code EINTR}. Non-blocking descriptions ({@code O_NONBLOCK}) throw {@code EAGAIN}.
 */
public interface FileDescription extends Pollable {
    /** Reads up to {@code len} bytes, blocking until at least one is there; -1 at end of file. */
    int read(byte[] buf, int off, int len);

    /** Writes bytes, blocking until all are taken (or fewer when non-blocking); returns the count. */
    int write(byte[] buf, int off, int len);

    /** lseek(2); whence is 0 (SET), 1 (CUR) or 2 (END). Unseekable files throw ESPIPE. */
    default long seek(long offset, int whence) {
        throw AgentOsException.errnoDetail(Errno.ESPIPE, "lseek");
    }

    /** pread(2): reads at a position without moving the offset. */
    default int pread(long position, byte[] buf, int off, int len) {
        throw AgentOsException.errnoDetail(Errno.ESPIPE, "pread");
    }

    /** fstat(2). */
    FileStat stat();

    /** ftruncate(2). */
    default void truncate(long size) {
        throw AgentOsException.errnoDetail(Errno.EINVAL, "ftruncate");
    }

    /** The next directory entries (getdents); an empty list at the end. ENOTDIR for other files. */
    default List<DirEntry> readdir() {
        throw AgentOsException.errnoDetail(Errno.ENOTDIR, "getdents");
    }

    /** fsync(2). */
    default void sync() {}

    /** Open flags: access mode and status flags (O_APPEND, O_NONBLOCK). */
    int flags();

    /** fcntl(F_SETFL): changes O_APPEND and O_NONBLOCK only. */
    void setStatusFlags(int flags);

    /** The terminal behind this description, for isatty/ioctl. */
    default Optional<Terminal> terminal() { return Optional.empty(); }

    /** What /proc/PID/fd/N links to: a path, {@code pipe:[7]}, {@code socket:[9]}, {@code /dev/pts/0}. */
    String describe();

    /** Adds a reference (dup, fork inheritance). */
    void retain();

    /** Drops a reference; the last one releases the file. */
    void close();
}
