package dev.agentos.kernel.tty;

import java.time.Duration;

final class Threads {
    private Threads() {}

    /** Waits until {@code t} is parked in a wait, without sleeping a fixed time. */
    static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || !t.isAlive()) throw new AssertionError("thread never blocked: " + t.getState());
            Thread.yield();
        }
    }
}
