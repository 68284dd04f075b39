package dev.agentos.kernel.vfs;

import java.util.concurrent.locks.ReentrantLock;

/**
 * O_APPEND writes: atomic through {@link AtomicAppend} when the vnode offers it, else under a lock
 * striped by vnode identity, which serialises appenders that go through this VFS.
 */
final class Appender {
    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
    }

    private Appender() {}

    /** Writes at the end of {@code vnode}; returns the position written at. */
    static long append(Vnode vnode, byte[] buf, int off, int len) {
        if (vnode instanceof AtomicAppend atomic) return atomic.append(buf, off, len);
        ReentrantLock lock = STRIPES[(System.identityHashCode(vnode) & 0x7fffffff) % STRIPES.length];
        lock.lock();
        try {
            long at = vnode.stat().size();
            vnode.write(at, buf, off, len);
            return at;
        } finally {
            lock.unlock();
        }
    }
}
