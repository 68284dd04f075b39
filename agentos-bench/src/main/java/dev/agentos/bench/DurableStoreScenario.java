package dev.agentos.bench;

import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server's durable store, measured as a client sees it (HTTP on loopback, reply sent only once the
 * change is committed to the actor's SQLite file): writeFile of 4 KiB and 1 MiB, writeFiles of 1,000
 * small files, and waking a sleeping actor that holds 10,000 files up to its first exec result.
 */
final class DurableStoreScenario implements Scenario {
    static final long WRITE_4K_TARGET = 2_000_000;
    static final long WAKE_TARGET = 50_000_000;

    /** A clock the scenario moves past the sleep grace period. */
    private static final class Clock implements InstantSource {
        private volatile Instant now = Instant.now();

        @Override public Instant instant() { return now; }

        void skip(Duration d) { now = now.plus(d); }
    }

    @Override public String name() { return "durable-store"; }

    @Override public String description() {
        return "server actions on the durable store: writeFile 4 KiB / 1 MiB, writeFiles 1,000, wake with 10,000 files";
    }

    @Override public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        Path data = Files.createTempDirectory("agentos-bench-store");
        Clock clock = new Clock();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The baseline runs first, on the colder JVM: a JIT warmed by the durable rows must not favour it.
        int small = config.smallFileRounds() * 20;
        long pMemory;
        try (Registry memory = Registry.create(ServerConfig.DEFAULT.withPort(0)).start()) {
            String mbase = "http://127.0.0.1:" + memory.port();
            String m = actorId(http, mbase, "memory");
            post(http, mbase, m, "mkdir", "[\"/home/agentos/b\", true]");
            pMemory = Stats.percentile(writeRepeatedly(http, mbase, m, 4096, small, progress, "in-memory baseline"), 50);
        }
        try (Registry server = Registry.create(ServerConfig.DEFAULT.withPort(0).withDataDir(data), clock).start()) {
            String base = "http://127.0.0.1:" + server.port();
            String actor = actorId(http, base, "bench");
            post(http, base, actor, "mkdir", "[\"/home/agentos/b\", true]");
            long[] w4k = writeRepeatedly(http, base, actor, 4096, small, progress, "writeFile 4 KiB");
            int big = Math.max(3, config.smallFileRounds() * 2);
            long[] w1m = writeRepeatedly(http, base, actor, 1 << 20, big, progress, "writeFile 1 MiB");
            int batches = Math.max(2, config.smallFileRounds() / 2);
            long[] many = new long[batches];
            for (int round = -1; round < batches; round++) {
                String body = filesJson("/home/agentos/many" + (round + 1), config.smallFiles(), config.smallFileBytes());
                post(http, base, actor, "mkdir", "[\"/home/agentos/many" + (round + 1) + "\", true]");
                long t = System.nanoTime();
                post(http, base, actor, "writeFiles", body);
                if (round >= 0) many[round] = System.nanoTime() - t;
                progress.step("writeFiles", round + 2, batches + 1);
            }

            int files = config.smallFiles() * 10;
            String sleeper = actorId(http, base, "sleeper");
            for (int done = 0; done < files; done += 1000) {
                String dir = "/home/agentos/tree/d" + done / 1000;
                post(http, base, sleeper, "mkdir", "[\"" + dir + "\", true]");
                post(http, base, sleeper, "writeFiles", filesJson(dir, Math.min(1000, files - done), 100));
            }
            int wakes = Math.max(2, config.smallFileRounds() / 5);
            long[] wake = new long[wakes];
            long[] awake = new long[wakes];
            for (int round = -1; round < wakes; round++) {
                clock.skip(Duration.ofHours(1));
                server.sleepIdleActors(); // (unless the server's own once-a-second check, on the same clock, just did)
                long t = System.nanoTime();
                String out = post(http, base, sleeper, "execArgv", "[\"cat\", [\"/home/agentos/tree/d0/file-00000.txt\"]]");
                if (round >= 0) wake[round] = System.nanoTime() - t;
                if (!out.contains("\"exitCode\":0")) throw new IllegalStateException("exec after wake: " + out);
                t = System.nanoTime();
                post(http, base, sleeper, "execArgv", "[\"cat\", [\"/home/agentos/tree/d0/file-00001.txt\"]]");
                if (round >= 0) awake[round] = System.nanoTime() - t;
                progress.step("wake", round + 2, wakes + 1);
            }
            long p4k = Stats.percentile(w4k, 50);
            long p1m = Stats.percentile(w1m, 50);
            long pMany = Stats.percentile(many, 50);
            long pWake = Stats.percentile(wake, 50);
            long pAwake = Stats.percentile(awake, 50);
            return List.of(
                    Row.measured("durable writeFile 4 KiB (HTTP)", small, "p50 " + Stats.millis(p4k),
                            "p50 <= " + Stats.millis(WRITE_4K_TARGET), p4k <= WRITE_4K_TARGET),
                    Row.info("durable writeFile 1 MiB (HTTP)", big, "p50 " + Stats.millis(p1m)),
                    Row.info("durable writeFiles " + config.smallFiles() + " x " + config.smallFileBytes() + " B (HTTP)",
                            batches, "p50 " + Stats.millis(pMany)),
                    Row.measured("wake with " + files + " files to first exec result (HTTP)", wakes,
                            "p50 " + Stats.millis(pWake), "p50 <= " + Stats.millis(WAKE_TARGET), pWake <= WAKE_TARGET),
                    Row.info("baseline: the same exec on the awake actor (HTTP)", wakes, "p50 " + Stats.millis(pAwake)),
                    Row.info("baseline: writeFile 4 KiB, no data directory (HTTP)", small, "p50 " + Stats.millis(pMemory)));
        } finally {
            try (Stream<Path> all = Files.walk(data)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long[] writeRepeatedly(HttpClient http, String base, String actor, int size, int n, Progress progress,
                                          String what) throws Exception {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) 'd');
        String b64 = Base64.getEncoder().encodeToString(content);
        long[] times = new long[n];
        int warm = Math.max(2, n / 4);
        for (int i = -warm; i < n; i++) {
            String body = "[\"/home/agentos/b/f" + (i & 63) + "\",\"" + b64 + "\"]";
            long t = System.nanoTime();
            post(http, base, actor, "writeFile", body);
            if (i >= 0) times[i] = System.nanoTime() - t;
            if ((i & 15) == 0 || i == n - 1) progress.step(what, i + warm + 1, n + warm);
        }
        return times;
    }

    private static String filesJson(String dir, int count, int bytes) {
        StringBuilder b = new StringBuilder("[[");
        byte[] content = new byte[bytes];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(content, (byte) ('a' + i % 26));
            if (i > 0) b.append(',');
            b.append("{\"path\":\"").append(String.format("%s/file-%05d.txt", dir, i)).append("\",\"content\":\"")
                    .append(Base64.getEncoder().encodeToString(content)).append("\"}");
        }
        return b.append("]]").toString();
    }

    private static String actorId(HttpClient http, String base, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actors"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"vm\",\"key\":\"" + key + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"actor_id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) throw new IllegalStateException("PUT /actors: " + r.body());
        return m.group(1);
    }

    private static String post(HttpClient http, String base, String actor, String action, String args) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/gateway/" + actor + "/action/" + action))
                .POST(HttpRequest.BodyPublishers.ofString("{\"args\":" + args + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(action + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }
}
