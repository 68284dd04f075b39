package dev.agentos.server.store;

import java.time.Duration;

/**
 * How an actor's durable store commits: {@code flushInterval} bounds how long a guest's write may wait
 * before it is committed (actions, close and fsync never wait for it: they commit at once);
 * {@code fullSync} makes every commit an fsync (SQLite {@code synchronous=FULL}: safe against power
 * loss, about 2 ms a commit) instead of {@code NORMAL} (safe against the server process dying).
 */
public record StoreOptions(Duration flushInterval, boolean fullSync) {
    public static final StoreOptions DEFAULT = new StoreOptions(Duration.ofSeconds(1), false);

    public StoreOptions {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) flushInterval = Duration.ofSeconds(1);
    }
}
