package dev.agentos.kernel.io;

import dev.agentos.kernel.vfs.OpenFlags;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Reference counting, status flags and readiness listeners shared by every kind of open file. */
public abstract class AbstractFileDescription implements FileDescription {
    private static final int SETTABLE = OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK;

    private final AtomicInteger references = new AtomicInteger(1);
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile int flags;

    protected AbstractFileDescription(int flags) {
        this.flags = flags & ~OpenFlags.O_CLOEXEC;
    }

    @Override public int flags() { return flags; }

    @Override public void setStatusFlags(int newFlags) {
        flags = (flags & ~SETTABLE) | (newFlags & SETTABLE);
    }

    protected final boolean nonBlocking() { return (flags & OpenFlags.O_NONBLOCK) != 0; }

    @Override public void retain() {
        if (references.getAndIncrement() <= 0) {
            references.decrementAndGet();
            throw new IllegalStateException("retain of a released file: " + describe());
        }
    }

    @Override public void close() {
        int left = references.decrementAndGet();
        if (left == 0) release();
        else if (left < 0) references.incrementAndGet(); // double close: ignored, the fd table reports EBADF
    }

    /** True while some descriptor still points here. */
    public final boolean isOpen() { return references.get() > 0; }

    /** Called once, when the last reference is closed. */
    protected abstract void release();

    @Override public void addReadinessListener(Runnable listener) { listeners.add(listener); }

    @Override public void removeReadinessListener(Runnable listener) { listeners.remove(listener); }

    /** Tells pollers that readiness may have changed. */
    protected final void fireReadiness() {
        for (Runnable r : listeners) r.run();
    }
}
