package dev.agentos.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Schedules the permission timeouts; injectable so tests fire them by hand instead of waiting.
 */
@FunctionalInterface
public interface SessionTimer {
    /** Runs {@code task} after {@code delay} unless the returned handle is cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Real time, on one shared daemon thread (tasks are short: they answer a request). */
    SessionTimer SYSTEM = new SessionTimer() {
        private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agentos-session-timer");
            t.setDaemon(true);
            return t;
        });

        @Override public Cancellable schedule(Duration delay, Runnable task) {
            ScheduledFuture<?> f = exec.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    };
}
