package dev.agentos.protocol;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code cronEvent} carries: {@code type} is {@code fire}, {@code complete} (with durationMs and
 * exitCode), {@code error} (with durationMs and message), {@code skip} or {@code missed} (with count and
 * the last missed time in {@code last}); {@code at} is when the fire was due.
 */
public record CronEventData(String type, String jobId, Instant at, Optional<Instant> last, Optional<Long> durationMs,
                            Optional<Integer> exitCode, Optional<String> message, Optional<Long> count) {
    public CronEventData {
        last = last == null ? Optional.empty() : last;
        durationMs = durationMs == null ? Optional.empty() : durationMs;
        exitCode = exitCode == null ? Optional.empty() : exitCode;
        message = message == null ? Optional.empty() : message;
        count = count == null ? Optional.empty() : count;
    }
}
