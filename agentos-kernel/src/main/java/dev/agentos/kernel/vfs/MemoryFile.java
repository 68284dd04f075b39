package dev.agentos.kernel.vfs;

import dev.agentos.kernel.Errno;

/** A regular file of a {@link MemoryFileSystem}: attributes plus {@link ChunkedData}. */
final class MemoryFile extends MemoryNode implements AtomicAppend {
    /** Largest file: keeps chunk indexes in an int with room to spare (Linux tmpfs allows more). */
    static final long MAX_SIZE = 1L << 44;

    private final ChunkedData data = new ChunkedData();
    /**
     * True once the last link is gone: the data stays readable through open descriptions, but its
     * bytes no longer count against the quota (they were given back at unlink).
     */
    private boolean orphan;

    MemoryFile(MemoryFileSystem fs, int mode, int uid, int gid) {
        super(fs, FileType.REGULAR, mode, uid, gid);
    }

    @Override long sizeLocked() { return data.size(); }

    @Override void lastLinkGone() {
        super.lastLinkGone();
        fs.quota.releaseBytes(data.allocated());
        orphan = true;
    }

    @Override public int read(long position, byte[] buf, int off, int len) {
        if (position < 0) throw fail(Errno.EINVAL);
        // Written out rather than through fs.read(lambda): this is the hot path of every file read.
        boolean locked = fs.lockForRead();
        try {
            return data.read(position, buf, off, len);
        } finally {
            if (locked) fs.unlockRead();
        }
    }

    @Override public void write(long position, byte[] buf, int off, int len) {
        if (position < 0) throw fail(Errno.EINVAL);
        fs.mutate(() -> writeLocked(position, buf, off, len));
    }

    @Override public long append(byte[] buf, int off, int len) {
        return fs.mutate(() -> {
            long at = data.size();
            writeLocked(at, buf, off, len);
            return at;
        });
    }

    private void writeLocked(long position, byte[] buf, int off, int len) {
        if (len == 0) return;
        if (position + len > MAX_SIZE || position + len < 0) throw fail(Errno.EFBIG);
        long growth = data.growthFor(position, len);
        if (!orphan) fs.quota.reserveBytes(growth); // throws before anything changes
        data.write(position, buf, off, len);
        mtime = ctime = fs.now();
    }

    @Override public void truncate(long size) {
        if (size < 0) throw fail(Errno.EINVAL);
        if (size > MAX_SIZE) throw fail(Errno.EFBIG);
        fs.mutate(() -> {
            long delta = data.truncate(size);
            if (!orphan) fs.quota.releaseBytes(-delta);
            mtime = ctime = fs.now();
        });
    }
}
