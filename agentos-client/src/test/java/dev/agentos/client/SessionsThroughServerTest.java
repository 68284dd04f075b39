package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsOptions;
import dev.agentos.protocol.AgentInfo;
import dev.agentos.protocol.AgentOsClientException;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.PromptResult;
import dev.agentos.protocol.SessionEventEntry;
import dev.agentos.protocol.SessionOptions;
import dev.agentos.protocol.SessionRecord;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import dev.agentos.session.ScriptedAcpAgent;
import dev.agentos.session.SessionConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions through a real server and the typed client: events to every client, permissions, hooks. */
class SessionsThroughServerTest {
    static Registry server;
    static final List<String> hooked = new CopyOnWriteArrayList<>();
    static AgentOsClient client;

    @BeforeAll static void start() {
        AgentOsOptions plain = AgentOsOptions.builder().programs(ScriptedAcpAgent.PROGRAMS)
                .agent(ScriptedAcpAgent.definition("scripted")).build();
        AgentOsOptions withHook = AgentOsOptions.builder().programs(ScriptedAcpAgent.PROGRAMS)
                .sessions(SessionConfig.builder().agent(ScriptedAcpAgent.definition("scripted"))
                        .onSessionEvent((sid, e) -> hooked.add(sid + "#" + e.seq() + " " + e.event().path("method").asText()))
                        .build()).build();
        server = Registry.create(ServerConfig.DEFAULT.withPort(0)).register("vm", plain).register("hooked", withHook).start();
        client = AgentOsClient.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll static void stop() {
        server.close();
    }

    /** Collects one connection's session events and answers nothing. */
    static final class Seen {
        final List<AgentOsEvent.SessionEvent> events = new CopyOnWriteArrayList<>();
        final BlockingQueue<AgentOsEvent.PermissionRequest> asks = new LinkedBlockingQueue<>();

        Seen(AgentOsConnection c) {
            c.onSessionEvent(events::add);
            c.onPermissionRequest(asks::add);
        }

        AgentOsEvent.PermissionRequest ask() throws InterruptedException {
            AgentOsEvent.PermissionRequest p = asks.poll(20, TimeUnit.SECONDS);
            assertThat(p).as("a permission request").isNotNull();
            return p;
        }
    }

    private static void await(CountDownLatch l) throws InterruptedException {
        assertThat(l.await(20, TimeUnit.SECONDS)).as("in time").isTrue();
    }

    @Test void twoClientsSeeTheSameSessionEventsAndThePromptResolvesWithTheText() throws Exception {
        AgentOsHandle h1 = client.actor("vm").getOrCreate("sessions-two");
        AgentOsHandle h2 = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("sessions-two");
        assertThat(h1.listAgents()).extracting(AgentInfo::name).containsExactly("scripted");
        try (AgentOsConnection a = h1.connect(); AgentOsConnection b = h2.connect()) {
            CountDownLatch both = new CountDownLatch(10);
            Seen sa = new Seen(a);
            Seen sb = new Seen(b);
            a.onSessionEvent(e -> both.countDown());
            b.onSessionEvent(e -> both.countDown());
            SessionRecord s = h1.createSession("scripted");
            PromptResult r = h2.sendPrompt(s.sessionId(), "chunks 5");
            assertThat(r.text()).isEqualTo("c1 c2 c3 c4 c5 ");
            assertThat(r.response().path("stopReason").asText()).isEqualTo("end_turn");
            await(both);
            assertThat(sa.events).extracting(AgentOsEvent.SessionEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(sb.events).extracting(AgentOsEvent.SessionEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(sa.events).extracting(e -> e.event().toString()).isEqualTo(sb.events.stream().map(e -> e.event().toString()).toList());
            assertThat(sa.events.get(0).sessionId()).isEqualTo(s.sessionId());
            List<SessionEventEntry> stored = h2.getSessionEvents(s.sessionId());
            assertThat(stored).extracting(SessionEventEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(h1.getSessionEvents(s.sessionId(), 3)).extracting(SessionEventEntry::seq).containsExactly(4L, 5L);
            assertThat(h1.listSessions()).extracting(SessionRecord::sessionId).contains(s.sessionId());
        }
    }

    @Test void permissionsAreAnsweredByAConnectedClient() throws Exception {
        AgentOsHandle h = client.actor("vm").getOrCreate("sessions-perm");
        try (AgentOsConnection c = h.connect()) {
            Seen seen = new Seen(c);
            SessionRecord s = h.createSession("scripted", SessionOptions.DEFAULT.withCwd("/tmp"));
            CompletableFuture<PromptResult> once = CompletableFuture.supplyAsync(() -> h.sendPrompt(s.sessionId(), "write /tmp/once.txt one"));
            AgentOsEvent.PermissionRequest ask = seen.ask();
            assertThat(ask.sessionId()).isEqualTo(s.sessionId());
            assertThat(ask.request().description()).isEqualTo("Write /tmp/once.txt");
            assertThat(h.listPendingPermissions(s.sessionId())).hasSize(1);
            h.respondPermission(s.sessionId(), ask.request().permissionId(), "once");
            assertThat(once.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /tmp/once.txt (allow)");
            assertThat(h.readFileText("/tmp/once.txt")).isEqualTo("one");

            CompletableFuture<PromptResult> always = CompletableFuture.supplyAsync(() -> h.sendPrompt(s.sessionId(), "write /tmp/a1 x"));
            h.respondPermission(s.sessionId(), seen.ask().request().permissionId(), "always");
            assertThat(always.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /tmp/a1 (always)");
            assertThat(h.sendPrompt(s.sessionId(), "write /tmp/a2 y").text()).isEqualTo("wrote /tmp/a2 (always)");
            assertThat(seen.asks).isEmpty();

            SessionRecord t = h.createSession("scripted");
            CompletableFuture<PromptResult> reject = CompletableFuture.supplyAsync(() -> h.sendPrompt(t.sessionId(), "write /tmp/r z"));
            h.respondPermission(t.sessionId(), seen.ask().request().permissionId(), "reject");
            assertThat(reject.get(20, TimeUnit.SECONDS).text()).isEqualTo("rejected");
            assertThat(h.exists("/tmp/r")).isFalse();
            assertThatThrownBy(() -> h.respondPermission(t.sessionId(), "perm-1", "maybe"))
                    .isInstanceOf(AgentOsClientException.class).hasMessageContaining("expected \"once\", \"always\" or \"reject\"");
        }
    }

    @Test void cancelMidStreamTerminalAndModesWorkThroughTheServer() throws Exception {
        AgentOsHandle h = client.actor("vm").getOrCreate("sessions-cancel");
        try (AgentOsConnection c = h.connect()) {
            CountDownLatch waiting = new CountDownLatch(1);
            c.onSessionEvent(e -> { if (e.event().toString().contains("\"waiting\"")) waiting.countDown(); });
            SessionRecord s = h.createSession("scripted");
            CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> h.sendPrompt(s.sessionId(), "hang"));
            await(waiting);
            h.cancelPrompt(s.sessionId());
            assertThat(r.get(20, TimeUnit.SECONDS).response().path("stopReason").asText()).isEqualTo("cancelled");

            assertThat(h.sendPrompt(s.sessionId(), "run echo from-terminal").text()).isEqualTo("exit=0 output=from-terminal\n");
            assertThat(h.getModes(s.sessionId()).currentModeId()).isEqualTo("default");
            h.setMode(s.sessionId(), "plan");
            assertThat(h.getModes(s.sessionId()).currentModeId()).isEqualTo("plan");
            h.setModel(s.sessionId(), "big");
            assertThat(h.sendPrompt(s.sessionId(), "model").text()).isEqualTo("big");
            h.closeSession(s.sessionId());
            assertThat(h.listSessions()).filteredOn(x -> x.sessionId().equals(s.sessionId())).extracting(SessionRecord::state)
                    .containsExactly("closed");
        }
    }

    @Test void aCrashingAgentSendsAnErrorEventAndTheActorLivesOn() throws Exception {
        AgentOsHandle h = client.actor("vm").getOrCreate("sessions-crash");
        try (AgentOsConnection c = h.connect()) {
            CompletableFuture<AgentOsEvent.SessionEvent> error = new CompletableFuture<>();
            c.onSessionEvent(e -> { if (e.event().path("method").asText().equals("_agentos/error")) error.complete(e); });
            SessionRecord s = h.createSession("scripted");
            assertThatThrownBy(() -> h.sendPrompt(s.sessionId(), "crash")).isInstanceOf(AgentOsClientException.class)
                    .hasMessageContaining("ECONNRESET");
            AgentOsEvent.SessionEvent e = error.get(20, TimeUnit.SECONDS);
            assertThat(e.event().path("params").path("error").path("exitCode").asInt()).isEqualTo(3);
            assertThat(h.exec("echo alive").stdout()).isEqualTo("alive\n");
        }
    }

    @Test void theSessionEventHookRunsWithNoClientConnectedAndPermissionsWaitForOne() throws Exception {
        AgentOsHandle h = client.actor("hooked").getOrCreate("sessions-hook");
        SessionRecord s = h.createSession("scripted", SessionOptions.DEFAULT.withEnv(Map.of("K", "v")));
        assertThat(h.sendPrompt(s.sessionId(), "chunks 3").text()).isEqualTo("c1 c2 c3 ");
        assertThat(hooked).containsSequence(s.sessionId() + "#1 session/update", s.sessionId() + "#2 session/update",
                s.sessionId() + "#3 session/update");
        // nobody connected and the policy asks: the request waits, visible to a client that comes later
        CompletableFuture<PromptResult> w = CompletableFuture.supplyAsync(() -> h.sendPrompt(s.sessionId(), "write /tmp/later ok"));
        List<dev.agentos.protocol.PermissionRequestInfo> pending = List.of();
        for (int i = 0; i < 2000 && pending.isEmpty(); i++) {
            pending = h.listPendingPermissions(s.sessionId());
            if (pending.isEmpty()) Thread.onSpinWait();
        }
        assertThat(pending).hasSize(1);
        h.respondPermission(s.sessionId(), pending.get(0).permissionId(), "once");
        assertThat(w.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /tmp/later (allow)");
    }
}
