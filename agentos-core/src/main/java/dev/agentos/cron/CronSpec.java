package dev.agentos.cron;

import java.util.Objects;
import java.util.Optional;

/**
 * A job to schedule: an optional id (scheduling the same id again replaces the job), when it fires, what
 * it does, and what to do when a fire comes while the last run is still going.
 */
public record CronSpec(Optional<String> id, String schedule, CronAction action, Overlap overlap) {
    public CronSpec {
        id = id == null ? Optional.empty() : id;
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(action, "action");
        overlap = overlap == null ? Overlap.ALLOW : overlap;
    }

    public static CronSpec of(String schedule, CronAction action) {
        return new CronSpec(Optional.empty(), schedule, action, Overlap.ALLOW);
    }

    public CronSpec withId(String id) { return new CronSpec(Optional.of(id), schedule, action, overlap); }

    public CronSpec withOverlap(Overlap overlap) { return new CronSpec(id, schedule, action, overlap); }
}
