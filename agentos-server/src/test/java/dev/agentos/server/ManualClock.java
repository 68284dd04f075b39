package dev.agentos.server;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand (sleep grace periods, preview expiry). */
final class ManualClock implements InstantSource {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override public Instant instant() { return now; }

    void advance(Duration d) { now = now.plus(d); }
}
