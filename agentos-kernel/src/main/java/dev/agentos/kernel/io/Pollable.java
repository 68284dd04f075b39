package dev.agentos.kernel.io;

/**
 * Readiness for poll(2): what an open file could do now without blocking, and a way to hear when
 * that changes. Listeners run on the thread that changed the state and must not block.
 */
public interface Pollable {
    int POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;

    /** The subset of POLLIN/POLLOUT/POLLERR/POLLHUP that holds now. */
    int readyOps();

    /** Registers a listener called after every readiness change. */
    void addReadinessListener(Runnable listener);

    void removeReadinessListener(Runnable listener);
}
