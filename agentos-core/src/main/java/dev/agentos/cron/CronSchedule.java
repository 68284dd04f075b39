package dev.agentos.cron;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.agentos.AgentOsException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a cron job fires: a 5-field Unix cron expression (evaluated in UTC) or one ISO-8601 instant.
 * Parsing is strict, so a typo is an error at {@code scheduleCron} time rather than a job that never runs.
 */
public sealed interface CronSchedule {
    /** The next time strictly after {@code t}, or empty when the schedule has no more fires. */
    Optional<Instant> nextAfter(Instant t);

    /** The text the schedule was written as. */
    String text();

    /** {@code minute hour day-of-month month day-of-week}, like crontab(5). */
    record Recurring(String text, ExecutionTime times) implements CronSchedule {
        public Optional<Instant> nextAfter(Instant t) {
            return times.nextExecution(ZonedDateTime.ofInstant(t, ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
        }
    }

    /** One fire at an instant ({@code 2026-11-24T10:00:00Z}). */
    record Once(String text, Instant at) implements CronSchedule {
        public Optional<Instant> nextAfter(Instant t) {
            return at.isAfter(t) ? Optional.of(at) : Optional.empty();
        }
    }

    CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Parses a schedule; a bad one is {@code EINVAL} with cron-utils' reason. */
    static CronSchedule parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) throw invalid(text, "empty schedule");
        if (Character.isDigit(s.charAt(0)) && s.contains("T") && !s.contains(" ")) {
            try {
                return new Once(s, Instant.parse(s));
            } catch (DateTimeParseException e) {
                throw invalid(text, "not an ISO-8601 instant (like 2026-11-24T10:00:00Z)");
            }
        }
        if (s.split("\\s+").length != 5) {
            throw invalid(text, "expected 5 fields (minute hour day-of-month month day-of-week) or an ISO-8601 instant");
        }
        try {
            return new Recurring(s, ExecutionTime.forCron(UNIX.parse(s)));
        } catch (IllegalArgumentException e) {
            throw invalid(text, String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", ""));
        }
    }

    private static AgentOsException invalid(String text, String why) {
        return new AgentOsException("cron", "EINVAL", "EINVAL: invalid argument, cron schedule '" + text + "': " + why);
    }
}
