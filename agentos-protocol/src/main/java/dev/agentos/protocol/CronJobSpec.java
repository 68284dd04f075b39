package dev.agentos.protocol;

import java.util.Optional;

/**
 * The argument of {@code scheduleCron}: an optional id (the same id again replaces the job), a 5-field
 * cron expression (UTC) or an ISO-8601 instant, the action, and {@code overlap}: allow (default), skip
 * or queue.
 */
public record CronJobSpec(Optional<String> id, String schedule, CronActionSpec action, Optional<String> overlap) {
    public CronJobSpec {
        id = id == null ? Optional.empty() : id;
        overlap = overlap == null ? Optional.empty() : overlap;
    }

    public static CronJobSpec of(String schedule, CronActionSpec action) {
        return new CronJobSpec(Optional.empty(), schedule, action, Optional.empty());
    }

    public CronJobSpec withId(String id) { return new CronJobSpec(Optional.of(id), schedule, action, overlap); }

    public CronJobSpec withOverlap(String overlap) { return new CronJobSpec(id, schedule, action, Optional.of(overlap)); }
}
