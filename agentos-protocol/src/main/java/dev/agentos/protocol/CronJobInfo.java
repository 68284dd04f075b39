package dev.agentos.protocol;

import java.time.Instant;
import java.util.Optional;

/** One job as {@code listCronJobs} returns it; {@code missedRuns} counts fires that fell while the server was down. */
public record CronJobInfo(String id, String schedule, CronActionSpec action, String overlap, Optional<Instant> lastRun,
                          Optional<Instant> nextRun, long runCount, int running, long missedRuns) {}
