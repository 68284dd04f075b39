package dev.agentos.cron;

import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled job as {@code listCronJobs} shows it. {@code nextRun} is empty once a one-shot job has
 * fired or was missed; {@code missedRuns} counts fires that fell while the server was down.
 */
public record CronJobInfo(String id, String schedule, CronAction action, Overlap overlap, Optional<Instant> lastRun,
                          Optional<Instant> nextRun, long runCount, int running, long missedRuns) {}
