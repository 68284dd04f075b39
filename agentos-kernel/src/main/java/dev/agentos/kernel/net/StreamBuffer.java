package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.ByteRing;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a connection: a bounded ring of bytes that one endpoint writes and the other
 * reads. It also carries the direction's end states: the writer's FIN (EOF for the reader), the
 * reader going away (EPIPE for the writer) and a reset (ECONNRESET/EPIPE for both).
 *
 * <p>The ring starts empty and grows up to its capacity only as data backs up, so the hundreds of
 * idle connections a server holds cost a few bytes each rather than 256 KiB.
 */
final class StreamBuffer {
    static final int DEFAULT_CAPACITY = 256 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();

    private final ByteRing ring;
    private boolean writerDone;
    private boolean readerGone;
    private boolean reset;
    private boolean resetReported;
    /** Tells both endpoints' pollers that something changed; set once while wiring the connection. */
    private Runnable onChange = () -> {};

    StreamBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);

        this.ring = new ByteRing(capacity);
    }

    void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    /** Reads what is there (at most {@code len}), blocking while empty; -1 once the writer is done. */
    int read(byte[] b, int off, int len, boolean nonBlocking, String detail) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        int n;
        lock.lock();
        try {
            for (;;) {
                if (reset) {
                    // Like Linux: the reset is reported once, then the socket reads as closed.
                    if (resetReported) return -1;
                    resetReported = true;
                    throw AgentOsException.errnoDetail(Errno.ECONNRESET, "read " + detail);
                }
                if (!ring.isEmpty()) break;
                if (writerDone || readerGone) return -1;
                if (nonBlocking) throw AgentOsException.errnoDetail(Errno.EAGAIN, "read " + detail);
                Interruptible.awaitOrThrow(readable, "read " + detail);
            }
            n = take(b, off, len);
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        onChange.run();
        return n;
    }

    /**
     * Writes all of {@code len} bytes, blocking while the ring is full. A non-blocking write takes
     * what fits; a write cut short by a signal or a closing peer returns what it already moved, as
     * Linux does, and only fails when it moved nothing.
     */
    int write(byte[] b, int off, int len, boolean nonBlocking, String detail) {
        Objects.checkFromIndexSize(off, len, b.length);
        int done = 0;
        while (done < len) {
            lock.lock();
            try {
                for (;;) {
                    if (reset || readerGone || writerDone) {
                        if (done > 0) return done;
                        throw AgentOsException.errnoDetail(Errno.EPIPE, "write " + detail);
                    }
                    if (ring.space() > 0) break;
                    if (nonBlocking) {
                        if (done > 0) return done;
                        throw AgentOsException.errnoDetail(Errno.EAGAIN, "write " + detail);
                    }
                    if (!Interruptible.await(writable)) {
                        if (done == 0) throw AgentOsException.errnoDetail(Errno.EINTR, "write " + detail);
                        // Keep the signal visible to the kernel: the partial count is returned instead of EINTR.
                        Thread.currentThread().interrupt();
                        return done;
                    }
                }
                done += put(b, off + done, len - done);
                readable.signalAll();
            } finally {
                lock.unlock();
            }
            onChange.run();
        }
        return done;
    }

    /** FIN from the writer: the reader drains what is left, then reads EOF. */
    void closeWriter() {
        update(() -> writerDone = true);
    }

    /** The reader is gone: unread bytes are dropped and the writer gets EPIPE. */
    void closeReader() {
        update(() -> {
            readerGone = true;
            discard();
        });
    }

    /** RST: unread bytes are dropped; the reader gets ECONNRESET, the writer EPIPE. */
    void reset() {
        update(() -> {
            reset = true;
            discard();
        });
    }

    /** Bytes a read would return now without blocking. */
    int available() {
        lock.lock();
        try {
            return ring.available();
        } finally {
            lock.unlock();
        }
    }

    /** POLLIN: a read would not block (data, EOF or a reset to report). */
    boolean readReady() {
        lock.lock();
        try {
            return !ring.isEmpty() || writerDone || readerGone || reset;
        } finally {
            lock.unlock();
        }
    }

    /** POLLOUT: a write would not block (room, or an error it will report at once). */
    boolean writeReady() {
        lock.lock();
        try {
            return ring.space() > 0 || writerDone || readerGone || reset;
        } finally {
            lock.unlock();
        }
    }

    /** No more bytes will ever flow this way. */
    boolean finished() {
        lock.lock();
        try {
            return writerDone || readerGone || reset;
        } finally {
            lock.unlock();
        }
    }

    boolean isReset() {
        lock.lock();
        try {
            return reset;
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        onChange.run();
    }

    private void discard() {
        ring.clear();
    }

    private int take(byte[] b, int off, int len) {
        return ring.read(b, off, len);
    }

    private int put(byte[] b, int off, int len) {
        return ring.write(b, off, len);
    }
}
