package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.AgentOsOptions;
import dev.agentos.session.ScriptedAcpAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getSessionEvents answers from server.db: while the actor sleeps, after it wakes and after a restart. */
class SessionEventsSurviveSleepAndRestartTest {
    @TempDir Path data;
    private final ManualClock clock = new ManualClock();
    private static final AgentOsOptions VM = AgentOsOptions.builder().programs(ScriptedAcpAgent.PROGRAMS)
            .agent(ScriptedAcpAgent.definition("scripted")).build();

    private static List<String> texts(JsonNode events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) out.add(e.get("seq").asLong() + ":" + e.get("event").path("params").path("update").path("content").path("text").asText());
        return out;
    }

    @Test void sessionEventsOutliveTheVmAndTheServer() throws Exception {
        String id;
        String session;
        List<String> before;
        try (DurableActorFixture s = new DurableActorFixture(data, clock, VM)) {
            id = s.actor("agent");
            session = s.ok(id, "createSession", "[\"scripted\"]").get("sessionId").textValue();
            s.ok(id, "sendPrompt", "[\"" + session + "\", \"chunks 3\"]");
            before = texts(s.ok(id, "getSessionEvents", "[\"" + session + "\"]"));
            assertThat(before).containsExactly("1:c1 ", "2:c2 ", "3:c3 ");

            s.ok(id, "closeSession", "[\"" + session + "\"]");   // the agent's process ends, so the actor can sleep
            clock.advance(Duration.ofMinutes(16));
            assertThat(s.server.sleepIdleActors()).isEqualTo(1);
            assertThat(texts(s.ok(id, "getSessionEvents", "[\"" + session + "\"]"))).as("after sleep and wake").isEqualTo(before);
            assertThat(texts(s.ok(id, "getSessionEvents", "[\"" + session + "\", 2]"))).containsExactly("3:c3 ");
        }
        try (DurableActorFixture s = new DurableActorFixture(data, clock, VM)) {
            assertThat(texts(s.ok(id, "getSessionEvents", "[\"" + session + "\"]"))).as("after a restart").isEqualTo(before);
        }
    }
}
