package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import dev.agentos.kernel.vfs.FileStat;

/**
 * The shared state of one pipe (Linux's {@code pipe_inode_info}): the buffer, how many read and write
 * descriptions are open, and the blocking rules between them. Anonymous pipes and FIFOs both use it;
 * they differ only in how their ends are named and opened.
 *
 * <p>Readiness listeners are always fired after the lock is released: a poller may hold its own lock
 * while it calls {@link #readyOps}, so firing under ours could deadlock.
 */
final class PipeInode {
    /** POSIX PIPE_BUF: writes up to this size are never interleaved with other writers. */
    static final int PIPE_BUF = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when data arrives, the last writer leaves, or a writer opens. */
    private final Condition readable = lock.newCondition();
    /** Signalled when space frees, the last reader leaves, or a reader opens. */
    private final Condition writable = lock.newCondition();
    private final ByteRing buffer;
    private final int atomicLimit;
    private final CopyOnWriteArrayList<PipeEnd> ends = new CopyOnWriteArrayList<>();
    private int readers;
    private int writers;
    // Linux's r_counter/w_counter: a blocking FIFO open waits for these to move, so a partner that
    // opens and closes again before the opener wakes still counts as having come.
    private long readerOpens;
    private long writerOpens;
    private volatile Runnable onIdle = () -> {};

    PipeInode(int capacity) {
        buffer = new ByteRing(capacity);
        atomicLimit = Math.min(PIPE_BUF, capacity);
    }

    /** Runs when the last description of either side is released (FIFOs forget their pipe then). */
    void onIdle(Runnable action) { onIdle = action; }

    /** Attaches a new description without blocking; the access mode of {@code flags} says which side. */
    PipeEnd open(int flags, Supplier<FileStat> stat, String name) {
        boolean reads = OpenFlags.readable(flags);
        boolean writes = OpenFlags.writable(flags);
        PipeEnd end;
        lock.lock();
        try {
            // A non-blocking FIFO reader that arrives before any writer must not see POLLHUP until a
            // writer has come and gone (Linux keeps the writer count it saw in f_version for this).
            long hupAfter = reads && !writes && writers == 0 && (flags & OpenFlags.O_NONBLOCK) != 0
                    ? writerOpens : -1;
            end = new PipeEnd(this, flags, stat, name, hupAfter);
            if (reads) { readers++; readerOpens++; }
            if (writes) { writers++; writerOpens++; }
            ends.add(end);
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        fireAll();
        return end;
    }

    /** True when a reader is attached (a non-blocking FIFO writer needs one, else ENXIO). */
    boolean hasReaders() {
        lock.lock();
        try { return readers > 0; } finally { lock.unlock(); }
    }

    boolean isIdle() {
        lock.lock();
        try { return readers == 0 && writers == 0; } finally { lock.unlock(); }
    }

    /** Blocks a FIFO open until the other side has opened (POSIX open(2) on a FIFO). */
    void awaitPartner(PipeEnd end) {
        if (end.readable() == end.writable()) return; // O_RDWR is its own partner
        lock.lock();
        try {
            if (end.readable()) {
                long seen = writerOpens;
                while (writers == 0 && writerOpens == seen) readable.await();
            } else {
                long seen = readerOpens;
                while (readers == 0 && readerOpens == seen) writable.await();
            }
        } catch (InterruptedException e) {
            throw AgentOsException.errnoDetail(Errno.EINTR, "open");
        } finally {
            lock.unlock();
        }
    }

    int read(PipeEnd end, byte[] buf, int off, int len) {
        if (len == 0) return 0;
        int n;
        lock.lock();
        try {
            while (buffer.isEmpty()) {
                if (writers == 0) return -1;
                if (end.isNonBlocking()) throw AgentOsException.errnoDetail(Errno.EAGAIN, "read");
                try {
                    readable.await();
                } catch (InterruptedException e) {
                    throw AgentOsException.errnoDetail(Errno.EINTR, "read");
                }
            }
            n = buffer.read(buf, off, len);
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        fireAll();
        return n;
    }

    int write(PipeEnd end, byte[] buf, int off, int len) {
        if (len == 0) return 0;
        int written = 0;
        while (written < len) {
            try {
                written += writeSome(end, buf, off + written, len - written, len <= atomicLimit);
            } catch (AgentOsException e) {
                // Like Linux: once part of a large write went through, report that count instead.
                if (written > 0) return written;
                throw e;
            }
            fireAll(); // between chunks too, or a poller waiting for POLLIN sleeps while we block
        }
        return written;
    }

    /** Waits for room, then copies what fits (all of it when {@code atomic}); at least one byte. */
    private int writeSome(PipeEnd end, byte[] buf, int off, int len, boolean atomic) {
        lock.lock();
        try {
            while (true) {
                if (readers == 0) throw AgentOsException.errnoDetail(Errno.EPIPE, "write");
                int space = buffer.space();
                if (atomic ? space >= len : space > 0) break;
                if (end.isNonBlocking()) throw AgentOsException.errnoDetail(Errno.EAGAIN, "write");
                try {
                    writable.await();
                } catch (InterruptedException e) {
                    throw AgentOsException.errnoDetail(Errno.EINTR, "write");
                }
            }
            int n = buffer.write(buf, off, len);
            readable.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    int readyOps(PipeEnd end) {
        lock.lock();
        try {
            int ops = 0;
            if (end.readable()) {
                if (!buffer.isEmpty()) ops |= Pollable.POLLIN;
                if (writers == 0 && writerOpens != end.hupAfterWriterOpens()) ops |= Pollable.POLLIN | Pollable.POLLHUP;
            }
            if (end.writable()) {
                // Like Linux's free-slot test: POLLOUT promises that one PIPE_BUF write will not block.
                if (buffer.space() >= atomicLimit) ops |= Pollable.POLLOUT;
                if (readers == 0) ops |= Pollable.POLLERR;
            }
            return ops;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting to be read (FIONREAD). */
    int available() {
        lock.lock();
        try { return buffer.available(); } finally { lock.unlock(); }
    }

    void release(PipeEnd end) {
        boolean idle;
        lock.lock();
        try {
            if (end.readable()) readers--;
            if (end.writable()) writers--;
            ends.remove(end);
            idle = readers == 0 && writers == 0;
            if (idle) buffer.clear(); // Linux frees the pipe: a FIFO reopened later starts empty
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        fireAll();
        if (idle) onIdle.run();
    }

    private void fireAll() {
        for (PipeEnd e : ends) e.fireReadiness();
    }
}
