package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;

/**
 * What the memory devices of Linux's {@code drivers/char/mem.c} share: never block, always ready,
 * seek to 0, root-owned {@code crw-rw-rw-} nodes on devtmpfs. Subclasses say what reads and writes do.
 */
abstract class CharDevice extends AbstractFileDescription {
    /** devtmpfs's device number, so {@code stat -c %d /dev/null} is stable. */
    private static final long DEVTMPFS_DEV = 5;

    private final String path;
    private final FileStat stat;

    CharDevice(int flags, String path, int major, int minor, long ino) {
        super(flags);
        this.path = path;
        long now = System.currentTimeMillis() * 1_000_000L;
        this.stat = new FileStat(DEVTMPFS_DEV, ino, FileType.CHAR_DEVICE, 0666, 1, 0, 0,
                Devices.makedev(major, minor), 0, now, now, now, now);
    }

    /** The bytes a read returns; only called with a readable description and len > 0. */
    abstract int readDevice(byte[] buf, int off, int len);

    /** What a write does; only called with a writable description. */
    abstract int writeDevice(byte[] buf, int off, int len);

    @Override public final int read(byte[] buf, int off, int len) {
        if (!OpenFlags.readable(flags())) throw AgentOsException.errnoDetail(Errno.EBADF, "read");
        return len == 0 ? 0 : readDevice(buf, off, len);
    }

    @Override public final int pread(long position, byte[] buf, int off, int len) {
        return read(buf, off, len); // these devices ignore the position
    }

    @Override public final int write(byte[] buf, int off, int len) {
        if (!OpenFlags.writable(flags())) throw AgentOsException.errnoDetail(Errno.EBADF, "write");
        return writeDevice(buf, off, len);
    }

    // null_lseek, zero_lseek and full_lseek all leave the offset at 0 and succeed.
    @Override public final long seek(long offset, int whence) { return 0; }

    @Override public final int readyOps() { return POLLIN | POLLOUT; }

    @Override public final FileStat stat() { return stat; }

    @Override public final String describe() { return path; }

    @Override protected final void release() {}
}
