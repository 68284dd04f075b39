package dev.agentos.cron;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test says so. */
final class ManualClock implements InstantSource {
    private volatile Instant now;

    ManualClock(String start) { this.now = Instant.parse(start); }

    @Override public Instant instant() { return now; }

    Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }
}
