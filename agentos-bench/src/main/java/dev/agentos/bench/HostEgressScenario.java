package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsOptions;
import dev.agentos.kernel.net.SocketFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Host egress through the bridge: connect latency to a host server on an exempt loopback port, and
 * bytes per second each way between a guest socket and a real host socket.
 */
final class HostEgressScenario implements Scenario {
    private static final int CHUNK = 64 * 1024;

    @Override public String name() { return "egress"; }

    @Override public String description() { return "guest connect to a host loopback server, and throughput both ways"; }

    @Override public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        long bytes = Math.min(config.fileBytesPerSize(), 256 * BenchConfig.MIB);
        int connects = Math.max(10, config.smallFiles());
        List<Row> rows = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
             AgentOs vm = AgentOs.create(AgentOsOptions.builder().loopbackExemptPorts(server.getLocalPort()).build())) {
            int port = server.getLocalPort();

            long[] samples = new long[connects];
            for (int i = 0; i < connects; i++) {
                long start = System.nanoTime();
                SocketFile s = vm.kernel().network().connect("127.0.0.1", port);
                samples[i] = System.nanoTime() - start;
                s.close();
                server.accept().close();
                progress.step("connect", i + 1, connects);
            }
            rows.add(Row.info("egress connect p50", connects, Stats.millis(Stats.percentile(samples, 50))));
            rows.add(Row.info("egress connect p99", connects, Stats.millis(Stats.percentile(samples, 99))));

            // Guest → host: the host drains and counts.
            SocketFile up = vm.kernel().network().connect("127.0.0.1", port);
            Socket upPeer = server.accept();
            CompletableFuture<Long> drained = CompletableFuture.supplyAsync(() -> drain(upPeer));
            byte[] chunk = new byte[CHUNK];
            long start = System.nanoTime();
            for (long sent = 0; sent < bytes; sent += CHUNK) {
                for (int done = 0; done < CHUNK; ) done += up.write(chunk, done, CHUNK - done);
                progress.step("guest → host", sent / CHUNK + 1, bytes / CHUNK);
            }
            up.shutdownOutput();
            long got = drained.join();
            double upRate = Stats.mibPerSecond(got, System.nanoTime() - start);
            up.close();
            rows.add(Row.info("egress guest → host " + Stats.size(bytes), 1, Stats.throughput(upRate)));

            // Host → guest: the guest reads to EOF.
            SocketFile down = vm.kernel().network().connect("127.0.0.1", port);
            Socket downPeer = server.accept();
            CompletableFuture.runAsync(() -> fill(downPeer, bytes));
            byte[] buf = new byte[CHUNK];
            long read = 0;
            start = System.nanoTime();
            for (int n; (n = down.read(buf, 0, buf.length)) >= 0; ) read += n;
            double downRate = Stats.mibPerSecond(read, System.nanoTime() - start);
            down.close();
            rows.add(Row.info("egress host → guest " + Stats.size(bytes), 1, Stats.throughput(downRate)));
        }
        return rows;
    }

    private static long drain(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            byte[] buf = new byte[CHUNK];
            long total = 0;
            for (int n; (n = in.read(buf)) >= 0; ) total += n;
            return total;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void fill(Socket s, long bytes) {
        try (s; OutputStream out = s.getOutputStream()) {
            byte[] chunk = new byte[CHUNK];
            for (long sent = 0; sent < bytes; sent += CHUNK) out.write(chunk);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
