package dev.agentos.cron;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a scheduler keeps its jobs so they outlive it (the server's is a file per actor). */
public interface CronStore {
    /** One job as stored: its spec (with id) and where its schedule stands. */
    record StoredJob(CronSpec spec, Optional<Instant> nextRun, Optional<Instant> lastRun, long runCount, long missedRuns) {}

    List<StoredJob> load();

    /** Replaces what is stored; durable when it returns. */
    void save(List<StoredJob> jobs);

    /** A store that keeps nothing beyond the scheduler's life (embedded VMs). */
    static CronStore none() {
        return new CronStore() {
            public List<StoredJob> load() { return List.of(); }
            public void save(List<StoredJob> jobs) {}
        };
    }
}
