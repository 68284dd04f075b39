package dev.agentos;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Moves what a guest writes to a pipe or PTY master out to host callbacks, on a virtual thread.
 * Every read happens under one lock, non-blocking, so {@link #drainNow()} can take everything a process
 * wrote before it exited without racing the pump: exec results never miss their last bytes.
 */
final class OutputPump {
    private static final int CHUNK = 64 * 1024;

    private final FileDescription source;
    private final Consumer<byte[]> sink;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Runnable listener = this::wake;
    private final byte[] buf = new byte[CHUNK];
    private boolean eof;

    OutputPump(FileDescription source, Consumer<byte[]> sink) {
        this.source = source;
        this.sink = sink;
        source.setStatusFlags(source.flags() | OpenFlags.O_NONBLOCK);
    }

    void start(String name) {
        source.addReadinessListener(listener);
        Thread.ofVirtual().name(name).start(this::run);
    }

    private void wake() {
        lock.lock();
        try {
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!eof) {
                if (!readOnce()) readable.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
            source.removeReadinessListener(listener);
            source.close();
        }
    }

    /** Reads and delivers everything available now; returns false when nothing was there. */
    private boolean readOnce() {
        if ((source.readyOps() & (Pollable.POLLIN | Pollable.POLLHUP)) == 0) return false;
        try {
            int n = source.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return true;
            }
            if (n == 0) return false;
            sink.accept(Arrays.copyOf(buf, n));
            return true;
        } catch (dev.agentos.AgentOsException e) {
            if (e.is(Errno.EAGAIN)) return false;
            if (e.is(Errno.EIO)) {
                eof = true;
                return true;
            }
            throw e;
        }
    }

    /** Delivers everything already written; call after the writer exited. */
    void drainNow() {
        lock.lock();
        try {
            while (!eof && readOnce()) {
                // keep going until the buffer is empty
            }
        } finally {
            lock.unlock();
        }
    }
}
