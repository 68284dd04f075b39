package dev.agentos.server.store;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileType;

/**
 * A regular file of a {@link StoreFileSystem}: attributes plus {@link FileChunks}, whose chunks come
 * from the database the first time they are touched.
 */
final class StoreFile extends StoreNode {
    static final long MAX_SIZE = 1L << 44;

    final FileChunks data;
    private final FileChunks.Source source;
    /** True once the last link is gone: the bytes left the quota at unlink. */
    private boolean orphan;

    StoreFile(StoreFileSystem fs, int mode, int uid, int gid) {
        super(fs, FileType.REGULAR, mode, uid, gid);
        this.data = new FileChunks();
        this.source = fs.chunkSource(ino);
    }

    StoreFile(StoreFileSystem fs, Rows.Inode row) {
        super(fs, row);
        this.data = new FileChunks(row.size(), row.alloc());
        this.source = fs.chunkSource(ino);
    }

    @Override long sizeLocked() { return data.size(); }

    @Override long allocatedLocked() { return data.allocated(); }

    @Override boolean needsStoredDataLocked() { return !data.fullyLoaded(); }

    @Override void lastLinkGone() {
        super.lastLinkGone();
        fs.quota.releaseBytes(data.allocated());
        orphan = true;
    }

    @Override public int read(long position, byte[] buf, int off, int len) {
        if (position < 0) throw fail(Errno.EINVAL);
        fs.lock.readLock().lock();
        try {
            if (data.loaded(position, len)) return data.read(position, buf, off, len);
        } finally {
            fs.lock.readLock().unlock();
        }
        // First touch of these chunks since the actor woke: fetch them under the write lock.
        fs.lock.writeLock().lock();
        try {
            data.load(position, len, source);
            return data.read(position, buf, off, len);
        } finally {
            fs.lock.writeLock().unlock();
        }
    }

    @Override public void write(long position, byte[] buf, int off, int len) {
        if (position < 0) throw fail(Errno.EINVAL);
        fs.mutate(() -> writeLocked(position, buf, off, len));
    }

    private void writeLocked(long position, byte[] buf, int off, int len) {
        if (len == 0) return;
        if (position + len > MAX_SIZE || position + len < 0) throw fail(Errno.EFBIG);
        data.load(position, len, source);
        long growth = data.growthFor(position, len);
        if (!orphan) fs.quota.reserveBytes(growth);
        data.write(position, buf, off, len);
        mtime = ctime = fs.now();
        fs.changed(this);
        fs.chunksChanged(this, FileChunks.chunkIndex(position), FileChunks.chunkIndex(position + len - 1));
    }

    @Override public void truncate(long size) {
        if (size < 0) throw fail(Errno.EINVAL);
        if (size > MAX_SIZE) throw fail(Errno.EFBIG);
        fs.mutate(() -> {
            long old = data.size();
            if (size < old) data.load(size, 1, source);
            long delta = data.truncate(size, source);
            if (!orphan) fs.quota.releaseBytes(-delta);
            mtime = ctime = fs.now();
            fs.changed(this);
            if (size < old) {
                fs.cut(this, FileChunks.chunkCount(size));
                if ((size & (FileChunks.CHUNK - 1)) != 0) fs.chunksChanged(this, FileChunks.chunkIndex(size), FileChunks.chunkIndex(size));
            }
        });
    }
}
