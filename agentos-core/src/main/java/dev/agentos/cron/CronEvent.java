package dev.agentos.cron;

import java.time.Instant;

/** What the scheduler reports about a job; {@code at} is the time the fire was due. */
public sealed interface CronEvent {
    String jobId();

    Instant at();

    /** The job started a run. */
    record Fired(String jobId, Instant at) implements CronEvent {}

    /** A run ended; {@code exitCode} is the command's status (128+N when killed by signal N). */
    record Completed(String jobId, Instant at, long durationMillis, int exitCode) implements CronEvent {}

    /** A run could not start or broke down: the message says why. */
    record Failed(String jobId, Instant at, long durationMillis, String message) implements CronEvent {}

    /** A fire was skipped because the previous run was still going ({@link Overlap#SKIP}). */
    record Skipped(String jobId, Instant at) implements CronEvent {}

    /**
     * Fires that fell while nothing was running the scheduler (the server was down): reported once at
     * start, never replayed. {@code at} is the first missed fire, {@code last} the last one.
     */
    record Missed(String jobId, Instant at, Instant last, long count) implements CronEvent {}
}
