package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsEvent;
import dev.agentos.AgentOsOptions;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.AgentOsConnection;
import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.SessionRecord;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import dev.agentos.session.ScriptedAcpAgent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Agent sessions with the scripted ACP agent (the SDK's agent side, no LLM): {@code createSession} to
 * the first session event of a one-chunk prompt, embedded and through a real server and client; and
 * how many session events per second reach a WebSocket client while the agent streams chunks. Each
 * is measured with two agents: the SDK-built scripted agent (the SDK runs its agent side on platform
 * threads: several OS-scheduled hand-offs per message) and {@link LineAgent}, a plain JSON-RPC agent on
 * its guest thread, which shows what agentOS's own client side costs.
 */
final class SessionScenario implements Scenario {
    static final long FIRST_EVENT_TARGET_NANOS = 50_000_000;
    static final double EVENTS_PER_SECOND_TARGET = 5_000;

    @Override public String name() { return "sessions"; }

    @Override public String description() {
        return "createSession -> first session event (embedded, server); session events/s to a connected client";
    }

    private static final dev.agentos.kernel.proc.ProgramRegistry PROGRAMS = dev.agentos.kernel.proc.ProgramRegistry.builder()
            .addAll(ScriptedAcpAgent.PROGRAMS).add(LineAgent.NAME, new LineAgent()).build();

    private static AgentOsOptions options() {
        return AgentOsOptions.builder().programs(PROGRAMS).agent(ScriptedAcpAgent.definition("scripted"))
                .agent(dev.agentos.session.AgentDefinition.of("line", LineAgent.NAME)).build();
    }

    @Override public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        List<Row> rows = new java.util.ArrayList<>();
        rows.addAll(run(config, progress, "scripted", "SDK scripted agent"));
        rows.addAll(run(config, progress, "line", "line agent"));
        return rows;
    }

    private List<Row> run(BenchConfig config, Progress progress, String agent, String label) throws Exception {
        int rounds = Math.max(2, Math.min(100, config.firstOutputIterations() / 20));
        int events = Math.max(250, Math.min(100_000, config.firstOutputIterations() * 50));
        long[] embedded = new long[rounds];
        try (AgentOs vm = AgentOs.create(options())) {
            for (int i = 0; i < rounds; i++) embeddedOnce(vm, agent);   // warm-up
            for (int i = 0; i < rounds; i++) {
                embedded[i] = embeddedOnce(vm, agent);
                progress.step(agent + ": embedded first event", i + 1, rounds);
            }
        }
        long[] served = new long[rounds];
        double perSecond;
        try (Registry server = Registry.create(ServerConfig.DEFAULT.withPort(0)).register("vm", options()).start()) {
            AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("bench-" + agent);
            try (AgentOsConnection c = h.connect()) {
                AtomicReference<CountDownLatch> next = new AtomicReference<>(new CountDownLatch(1));
                c.onSessionEvent(e -> next.get().countDown());
                for (int i = 0; i < rounds; i++) servedOnce(h, next, agent);
                for (int i = 0; i < rounds; i++) {
                    served[i] = servedOnce(h, next, agent);
                    progress.step(agent + ": server first event", i + 1, rounds);
                }
                SessionRecord s = h.createSession(agent);
                h.sendPrompt(s.sessionId(), "chunks " + Math.min(events, 1000));   // warm the path
                CountDownLatch all = new CountDownLatch(events);
                next.set(all);
                long start = System.nanoTime();
                h.sendPrompt(s.sessionId(), "chunks " + events);
                if (!all.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("events did not all arrive");
                long took = System.nanoTime() - start;
                perSecond = events / (took / 1e9);
                progress.step(agent + ": events to client", 1, 1);
                h.closeSession(s.sessionId());
            }
        }
        long e50 = Stats.percentile(embedded, 50);
        long s50 = Stats.percentile(served, 50);
        return List.of(
                Row.measured("createSession -> first event, embedded (" + label + ")", rounds,
                        "p50 " + Stats.millis(e50) + ", p99 " + Stats.millis(Stats.percentile(embedded, 99)),
                        "p50 <= " + Stats.millis(FIRST_EVENT_TARGET_NANOS), e50 <= FIRST_EVENT_TARGET_NANOS),
                Row.measured("createSession -> first event, server (" + label + ")", rounds,
                        "p50 " + Stats.millis(s50) + ", p99 " + Stats.millis(Stats.percentile(served, 99)),
                        "p50 <= " + Stats.millis(FIRST_EVENT_TARGET_NANOS), s50 <= FIRST_EVENT_TARGET_NANOS),
                Row.measured("session events to a WebSocket client (" + label + ")", events, String.format("%,.0f events/s", perSecond),
                        String.format(">= %,.0f events/s", EVENTS_PER_SECOND_TARGET), perSecond >= EVENTS_PER_SECOND_TARGET));
    }

    /** createSession, a one-chunk prompt, the chunk's event: nanoseconds from the first call to the event. */
    private static long embeddedOnce(AgentOs vm, String agent) throws Exception {
        CompletableFuture<Long> first = new CompletableFuture<>();
        try (AutoCloseable sub = vm.onEvent(e -> { if (e instanceof AgentOsEvent.SessionEvent) first.complete(System.nanoTime()); })) {
            long start = System.nanoTime();
            dev.agentos.session.SessionRecord s = vm.createSession(agent);
            vm.sendPrompt(s.sessionId(), "say hi");
            long t = first.get(30, TimeUnit.SECONDS) - start;
            vm.closeSession(s.sessionId());
            return t;
        }
    }

    private static long servedOnce(AgentOsHandle h, AtomicReference<CountDownLatch> next, String agent) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        next.set(first);
        long start = System.nanoTime();
        SessionRecord s = h.createSession(agent);
        h.sendPrompt(s.sessionId(), "say hi");
        if (!first.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no session event");
        long t = System.nanoTime() - start;
        h.closeSession(s.sessionId());
        return t;
    }
}
