package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.protocol.AgentOsClientException;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.CronActionSpec;
import dev.agentos.protocol.CronEventData;
import dev.agentos.protocol.CronJobSpec;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron jobs scheduled through the client fire in the actor's VM and report to every connected client. */
class CronThroughServerTest {
    @TempDir Path dataDir;

    private Registry server() {
        return Registry.create(ServerConfig.DEFAULT.withPort(0).withDataDir(dataDir)).start();
    }

    @Test void aDueJobRunsInTheVmAndConnectedClientsSeeItsEvents() throws Exception {
        try (Registry server = server()) {
            AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("cron-fire");
            BlockingQueue<CronEventData> seen = new LinkedBlockingQueue<>();
            try (AgentOsConnection c = h.connect()) {
                c.onCronEvent(e -> seen.add(e.event()));
                String id = h.scheduleCron(CronJobSpec.of(Instant.now().minusSeconds(1).toString(),
                        CronActionSpec.exec("echo from-cron > /tmp/c.txt; exit 7")));
                CronEventData fire = seen.poll(10, TimeUnit.SECONDS);
                assertThat(fire).isNotNull();
                assertThat(fire.type()).isEqualTo("fire");
                assertThat(fire.jobId()).isEqualTo(id);
                CronEventData done = seen.poll(10, TimeUnit.SECONDS);
                assertThat(done.type()).isEqualTo("complete");
                assertThat(done.exitCode()).contains(7);
                assertThat(done.durationMs()).isPresent();
            }
            assertThat(h.readFileText("/tmp/c.txt")).isEqualTo("from-cron\n");
            assertThat(h.listCronJobs()).isEmpty();   // a one-shot job leaves the table once it has run
        }
    }

    @Test void jobsAreListedPersistedAndCancelled() throws Exception {
        try (Registry server = server()) {
            AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("cron-list");
            h.scheduleCron(CronJobSpec.of("30 2 * * *", CronActionSpec.exec("touch", List.of("/tmp/x"))).withId("nightly").withOverlap("queue"));
            assertThat(h.listCronJobs()).singleElement().satisfies(j -> {
                assertThat(j.id()).isEqualTo("nightly");
                assertThat(j.overlap()).isEqualTo("queue");
                assertThat(j.action()).isEqualTo(CronActionSpec.exec("touch", List.of("/tmp/x")));
                assertThat(j.nextRun()).isPresent();
                assertThat(j.nextRun().get().toString()).endsWith("T02:30:00Z");
            });
            Path file = dataDir.resolve("cron").resolve(h.actorId() + ".json");
            assertThat(Files.readString(file)).contains("\"nightly\"", "30 2 * * *");

            h.cancelCronJob("nightly");
            assertThat(h.listCronJobs()).isEmpty();
            assertThat(Files.readString(file)).doesNotContain("nightly");
            assertThatThrownBy(() -> h.cancelCronJob("nightly")).isInstanceOf(AgentOsClientException.class)
                    .satisfies(e -> assertThat(((AgentOsClientException) e).code()).isEqualTo("ENOENT"));
        }
    }

    @Test void badSpecsAreRefusedWithTheReason() throws Exception {
        try (Registry server = server()) {
            AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("cron-bad");
            assertThatThrownBy(() -> h.scheduleCron(CronJobSpec.of("* * *", CronActionSpec.exec("true"))))
                    .hasMessageContaining("expected 5 fields");
            assertThatThrownBy(() -> h.scheduleCron(CronJobSpec.of("* * * * *", CronActionSpec.exec("true")).withOverlap("sometimes")))
                    .hasMessageContaining("cron overlap 'sometimes'");
            assertThatThrownBy(() -> h.scheduleCron(CronJobSpec.of("* * * * *", CronActionSpec.session("pi", "hi", Map.of()))))
                    .satisfies(e -> assertThat(((AgentOsClientException) e).code()).isEqualTo("ENOENT"));
            assertThat(h.listCronJobs()).isEmpty();
        }
    }
}
