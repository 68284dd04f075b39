package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events reach every connected client, in order, and a reconnecting client replays what it missed. */
class EventBroadcastTest {
    static Registry server;

    @BeforeAll static void start() {
        server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    record Seen(List<AgentOsEvent.ProcessOutput> output, CompletableFuture<Integer> exit) {
        static Seen on(AgentOsConnection c, int[] pidBox) {
            Seen s = new Seen(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
            c.onProcessOutput(s.output::add);
            c.onProcessExit(x -> s.exit.complete(x.exitCode()));
            return s;
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (var o : output) b.append(new String(o.data(), StandardCharsets.UTF_8));
            return b.toString();
        }
    }

    @Test void twoClientsReceiveTheSameEventsOfAProcessEitherSpawned() throws Exception {
        AgentOsClient c1 = AgentOsClient.create("http://127.0.0.1:" + server.port());
        AgentOsClient c2 = AgentOsClient.create("http://127.0.0.1:" + server.port());
        AgentOsHandle h1 = c1.actor("vm").getOrCreate("multi");
        AgentOsHandle h2 = c2.actor("vm").getOrCreate("multi");
        try (AgentOsConnection a = h1.connect(); AgentOsConnection b = h2.connect()) {
            Seen sa = Seen.on(a, null);
            Seen sb = Seen.on(b, null);
            int pid = h1.spawn("cat", List.of());
            for (int i = 0; i < 20; i++) h2.writeProcessStdin(pid, "line " + i + "\n");
            h2.closeProcessStdin(pid);
            assertThat(sa.exit.get(20, TimeUnit.SECONDS)).isZero();
            assertThat(sb.exit.get(20, TimeUnit.SECONDS)).isZero();
            StringBuilder want = new StringBuilder();
            for (int i = 0; i < 20; i++) want.append("line ").append(i).append('\n');
            assertThat(sa.text()).isEqualTo(want.toString());
            assertThat(sb.text()).isEqualTo(want.toString());
            assertThat(sa.output).extracting(AgentOsEvent.ProcessOutput::seq).isSorted();
            assertThat(sb.output).extracting(AgentOsEvent.ProcessOutput::seq)
                    .containsExactlyElementsOf(sa.output.stream().map(AgentOsEvent.ProcessOutput::seq).toList());
        }
    }

    @Test void vmBootedReachesAClientConnectedBeforeTheFirstAction() throws Exception {
        AgentOsClient c = AgentOsClient.create("http://127.0.0.1:" + server.port());
        AgentOsHandle h = c.actor("vm").getOrCreate("boot");
        CompletableFuture<AgentOsEvent.VmBooted> booted = new CompletableFuture<>();
        try (AgentOsConnection conn = h.connect()) {
            conn.onVmBooted(booted::complete);
            h.exists("/");
            assertThat(booted.get(20, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test void readProcessOutputReplaysAfterASequenceNumber() {
        AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("replay");
        int pid = h.spawn("cat", List.of());
        h.writeProcessStdin(pid, "a");
        h.writeProcessStdin(pid, "b");
        h.closeProcessStdin(pid);
        h.waitProcess(pid);
        var all = h.readProcessOutput(pid, 0);
        assertThat(all.exitCode()).contains(0);
        assertThat(all.firstRetainedSeq()).isEqualTo(1);
        long first = all.chunks().get(0).seq();
        var rest = h.readProcessOutput(pid, first);
        assertThat(rest.chunks()).allSatisfy(ch -> assertThat(ch.seq()).isGreaterThan(first));
        assertThat(rest.chunks().size()).isEqualTo(all.chunks().size() - 1);
    }

    @Test void aReconnectingClientReplaysTheOutputItMissed() throws Exception {
        AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("reconnect");
        try (AgentOsConnection conn = h.connect()) {
            Seen s = Seen.on(conn, null);
            int pid = h.spawn("cat", List.of());
            h.writeProcessStdin(pid, "before\n");
            // wait for the first chunk live, then drop the socket and write while it is down
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.output.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
            conn.dropForTest();
            h.writeProcessStdin(pid, "during\n");
            h.closeProcessStdin(pid);
            h.waitProcess(pid);
            assertThat(s.exit.get(20, TimeUnit.SECONDS)).isZero();
            assertThat(s.text()).isEqualTo("before\nduring\n");
            assertThat(s.output).extracting(AgentOsEvent.ProcessOutput::seq).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test void aReconnectingClientDiscoversProcessesSpawnedWhileItWasAway() throws Exception {
        AgentOsHandle h = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("away");
        int old = h.spawn("cat", List.of());
        h.closeProcessStdin(old);
        h.waitProcess(old);
        try (AgentOsConnection conn = h.connect()) {
            Seen s = Seen.on(conn, null);
            List<Integer> pids = new CopyOnWriteArrayList<>();
            conn.onProcessOutput(o -> pids.add(o.pid()));
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            conn.reconnectGateForTest = gate;
            conn.dropForTest();
            int pid = h.spawn("echo", List.of("spawned while away"));
            assertThat(h.waitProcess(pid)).isZero();
            gate.countDown();
            assertThat(s.exit.get(20, TimeUnit.SECONDS)).isZero();
            assertThat(s.text()).isEqualTo("spawned while away\n");
            assertThat(pids).containsOnly(pid);   // not the process that ended before the client connected
        }
    }
}
