package dev.agentos.bench;

import dev.agentos.client.AgentOsClient;
import dev.agentos.client.AgentOsConnection;
import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.ExecResult;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The actor server over real loopback sockets, driven by the Java client: HTTP action round trips
 * ({@code exec("true")}, {@code readFile} of 1 KiB), {@code PUT /actors} of a new key to the first exec
 * result, and event delivery to 1 and 50 connected WebSocket clients. Rounds scale with the run's
 * first-output rounds (2,000 full, 200 quick).
 */
final class ServerScenario implements Scenario {

    @Override
    public String name() { return "server"; }

    @Override
    public String description() { return "HTTP action round trips, new actor -> first exec, events/s to 1 and 50 clients"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        int rounds = Math.max(5, config.firstOutputIterations());
        List<Row> rows = new ArrayList<>();
        try (Registry server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start()) {
            AgentOsClient client = AgentOsClient.create("http://127.0.0.1:" + server.port());
            AgentOsHandle vm = client.actor("vm").getOrCreate("bench");
            vm.writeFile("/tmp/1k", new byte[1024]);

            long[] exec = timed(rounds, progress, "exec(\"true\")", () -> {
                ExecResult r = vm.exec("true");
                if (r.exitCode() != 0) throw new IllegalStateException("true exited " + r.exitCode());
            });
            rows.add(Row.info("HTTP exec(\"true\") round trip", exec.length, p50p99(exec)));

            long[] read = timed(rounds, progress, "readFile 1 KiB", () -> {
                if (vm.readFile("/tmp/1k").length != 1024) throw new IllegalStateException("short read");
            });
            rows.add(Row.info("HTTP readFile 1 KiB round trip", read.length, p50p99(read)));

            int actors = Math.max(5, rounds / 10);
            AtomicLong n = new AtomicLong();
            long[] fresh = timed(actors, progress, "new actor -> exec", () -> {
                AgentOsHandle h = client.actor("vm").getOrCreate("fresh-" + n.incrementAndGet());
                if (h.exec("true").exitCode() != 0) throw new IllegalStateException("true failed");
            });
            rows.add(Row.info("PUT /actors new key -> first exec", fresh.length, p50p99(fresh)));

            int lines = Math.max(2_000, rounds * 1_000);
            rows.add(events(client, 1, lines, progress));
            rows.add(events(client, 50, lines / 10, progress));
        }
        return rows;
    }

    private interface Body {
        void run() throws Exception;
    }

    /** As many warm-up rounds as measured ones, then the measured rounds' durations. */
    private static long[] timed(int rounds, Progress progress, String what, Body body) throws Exception {
        for (int i = 0; i < rounds; i++) {
            body.run();
            progress.step(what + " warm-up", i + 1, rounds);
        }
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            body.run();
            samples[i] = System.nanoTime() - t;
            progress.step(what, i + 1, rounds);
        }
        return samples;
    }

    /**
     * {@code clients} connections to one actor; {@code yes | head -n lines} writes as fast as it can
     * (the VM's output pump coalesces what it finds in the pipe into one event, so events carry up to
     * 64 KiB each); the time from spawn until every client has the exit event, and the events and
     * output bytes delivered in total.
     */
    private static Row events(AgentOsClient client, int clients, int lines, Progress progress) throws Exception {
        AgentOsHandle vm = client.actor("vm").getOrCreate("events-" + clients);
        List<AgentOsConnection> conns = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch exited = new CountDownLatch(clients);
        try {
            for (int i = 0; i < clients; i++) {
                AgentOsConnection c = vm.connect();
                c.onProcessOutput(o -> {
                    delivered.incrementAndGet();
                    bytes.addAndGet(o.data().length);
                });
                c.onProcessExit(x -> exited.countDown());
                conns.add(c);
                progress.step("connect " + clients, i + 1, clients);
            }
            long t = System.nanoTime();
            vm.spawn("sh", List.of("-c", "yes 'an event line of output' | head -n " + lines));
            if (!exited.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("clients never saw the exit");
            long elapsed = System.nanoTime() - t;
            double seconds = elapsed / 1e9;
            return Row.info("events to " + clients + " client" + (clients == 1 ? "" : "s"), delivered.get(),
                    String.format(Locale.ROOT, "%,.0f events/s, %.1f MiB/s in total (%,d events, %s each client, in %s)",
                            delivered.get() / seconds, bytes.get() / (double) BenchConfig.MIB / seconds,
                            delivered.get() / clients, Stats.bytes(bytes.get() / (double) clients), Stats.millis(elapsed)));
        } finally {
            for (AgentOsConnection c : conns) c.close();
        }
    }

    private static String p50p99(long[] samples) {
        return "p50 " + Stats.millis(Stats.percentile(samples, 50)) + ", p99 " + Stats.millis(Stats.percentile(samples, 99));
    }
}
