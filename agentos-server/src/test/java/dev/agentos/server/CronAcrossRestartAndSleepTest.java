package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron jobs belong to the actor: they survive a restart (missed fires reported, not replayed) and wake a sleeping VM. */
class CronAcrossRestartAndSleepTest {
    @TempDir Path data;
    private final ManualClock clock = new ManualClock();   // 2025-01-01T00:00:00Z

    private static final String TICK = "[{\"id\":\"tick\",\"schedule\":\"*/10 * * * *\",\"overlap\":\"skip\","
            + "\"action\":{\"type\":\"exec\",\"command\":\"echo tick >> /tmp/ticks\"}}]";

    @Test void aRestartReportsMissedFiresAndKeepsTheSchedule() throws Exception {
        String id;
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            id = s.actor("cron");
            assertThat(s.ok(id, "scheduleCron", TICK).get("id").textValue()).isEqualTo("tick");
            assertThat(s.ok(id, "listCronJobs", "[]").get(0).get("nextRun").textValue()).isEqualTo("2025-01-01T00:10:00Z");
        }
        clock.advance(Duration.ofMinutes(45));   // down over the fires at 00:10, 00:20, 00:30 and 00:40
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            JsonNode job = s.ok(id, "listCronJobs", "[]").get(0);
            assertThat(job.get("id").textValue()).isEqualTo("tick");
            assertThat(job.get("overlap").textValue()).isEqualTo("skip");
            assertThat(job.get("missedRuns").intValue()).isEqualTo(4);
            assertThat(job.get("runCount").intValue()).isZero();
            assertThat(job.get("nextRun").textValue()).isEqualTo("2025-01-01T00:50:00Z");
            assertThat(s.ok(id, "exists", "[\"/tmp/ticks\"]").booleanValue()).as("missed fires are not replayed").isFalse();
        }
    }

    @Test void aDueJobWakesASleepingActor() throws Exception {
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            String id = s.actor("sleeper");
            s.writeFile(id, "/home/agentos/note", "kept");
            clock.advance(Duration.ofMinutes(16));
            assertThat(s.server.sleepIdleActors()).isEqualTo(1);
            assertThat(s.server.actor(id).awake()).isFalse();

            // scheduling an exec job does not wake the VM; the job, due at once, does
            s.ok(id, "scheduleCron", "[{\"id\":\"now\",\"schedule\":\"" + clock.instant() + "\","
                    + "\"action\":{\"type\":\"exec\",\"command\":\"cat /home/agentos/note > /tmp/woken\"}}]");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (s.ok(id, "listCronJobs", "[]").size() > 0) {   // a one-shot job leaves the table once it has run
                assertThat(System.nanoTime()).as("the job ran within 20 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(s.server.actor(id).awake()).isTrue();
            assertThat(s.readFile(id, "/tmp/woken")).isEqualTo("kept");
        }
    }
}
