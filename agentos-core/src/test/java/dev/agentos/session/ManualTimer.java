package dev.agentos.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link SessionTimer} whose tasks run when the test says so. */
final class ManualTimer implements SessionTimer {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override public synchronized Cancellable schedule(Duration delay, Runnable task) {
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    synchronized int scheduled() { return tasks.size(); }

    void fireAll() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(tasks);
            tasks.clear();
        }
        now.forEach(Runnable::run);
    }
}
