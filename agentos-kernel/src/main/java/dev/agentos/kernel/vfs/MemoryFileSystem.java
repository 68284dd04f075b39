package dev.agentos.kernel.vfs;

import dev.agentos.kernel.Errno;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An in-memory file system (like tmpfs or Google jimfs): inodes on the heap, file data in 64 KiB
 * chunks, byte and inode quotas, timestamps from an injected clock. {@link #freeze()} turns it into a
 * read-only image that thousands of VMs can share without locking.
 */
public final class MemoryFileSystem implements FileSystemBackend {
    private final InstantSource clock;
    final SpaceQuota quota;
    private final AtomicLong inodeNumbers = new AtomicLong();
    /**
     * One lock for the whole tree: a rename or a nlink change touches several inodes at once, and one
     * lock makes those atomic without lock-ordering puzzles. j.u.c, not synchronized, so virtual
     * threads waiting here unmount from their carrier.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Set once; after it nothing changes, so readers skip the lock (volatile publishes the tree). */
    private volatile boolean frozen;
    private final MemoryDirectory root;

    public MemoryFileSystem(InstantSource clock, long maxBytes, long maxInodes) {
        this.clock = clock;
        this.quota = new SpaceQuota(maxBytes, maxInodes);
        quota.reserveInode();
        this.root = new MemoryDirectory(this, 0755, 0, 0);
    }

    /** A file system limited only by the heap. */
    public static MemoryFileSystem unlimited(InstantSource clock) {
        return new MemoryFileSystem(clock, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Makes the file system read-only for good: every later change fails with EROFS. */
    public void freeze() {
        lock.writeLock().lock();
        try {
            frozen = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override public Vnode root() { return root; }

    @Override public String type() { return "memory"; }

    @Override public FsUsage usage() { return quota.usage(); }

    // ---- for the nodes ----

    long nextIno() { return inodeNumbers.incrementAndGet(); }

    long now() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Takes the read lock unless frozen; returns whether {@link #unlockRead()} is owed. */
    boolean lockForRead() {
        if (frozen) return false;
        lock.readLock().lock();
        return true;
    }

    void unlockRead() { lock.readLock().unlock(); }

    <T> T read(Supplier<T> body) {
        boolean locked = lockForRead();
        try {
            return body.get();
        } finally {
            if (locked) unlockRead();
        }
    }

    <T> T mutate(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            if (frozen) throw MemoryNode.fail(Errno.EROFS);
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void mutate(Runnable body) {
        mutate(() -> {
            body.run();
            return null;
        });
    }
}
