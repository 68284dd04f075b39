package dev.agentos.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    @Test void fiveFieldExpressionsFireAtTheNextMatchingMinuteInUtc() {
        CronSchedule s = CronSchedule.parse("*/15 9 * * 1-5");
        // 2026-11-24 is a Tuesday
        assertThat(s.nextAfter(Instant.parse("2026-11-24T08:59:00Z"))).contains(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-24T09:00:00Z"))).contains(Instant.parse("2026-11-24T09:15:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-27T09:50:00Z"))).contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test void anIsoInstantFiresOnce() {
        CronSchedule s = CronSchedule.parse("2026-11-24T10:00:00Z");
        assertThat(s).isInstanceOf(CronSchedule.Once.class);
        assertThat(s.nextAfter(Instant.parse("2026-11-24T09:00:00Z"))).contains(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-24T10:00:00Z"))).isEmpty();
    }

    @Test void badSchedulesAreEinvalWithTheReason() {
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *")).isInstanceOf(AgentOsException.class)
                .hasMessageStartingWith("EINVAL: invalid argument, cron schedule '61 * * * *': ")
                .satisfies(e -> assertThat(((AgentOsException) e).code()).isEqualTo("EINVAL"));
        assertThatThrownBy(() -> CronSchedule.parse("* * * *"))
                .hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("2026-13-40T10:00:00Z"))
                .hasMessageContaining("not an ISO-8601 instant");
        assertThatThrownBy(() -> CronSchedule.parse(" ")).hasMessageContaining("empty schedule");
    }
}
