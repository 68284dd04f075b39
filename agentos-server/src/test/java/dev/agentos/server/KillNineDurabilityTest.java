package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise under a real crash: a server in its own JVM takes 1,000 concurrent writes and
 * is killed (SIGKILL) half-way; restarted on the same data directory, it has every write it
 * acknowledged, with the content it was sent.
 */
class KillNineDurabilityTest {
    @TempDir Path data;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Server(Process process, String base) {}

    private Server start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerProcessMain.class.getName(), data.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("AGENTOS_TOKEN");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("port ");
        return new Server(p, "http://127.0.0.1:" + line.substring(5).trim());
    }

    private HttpResponse<String> post(Server s, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.base() + path)).timeout(Duration.ofSeconds(60))
                .method(path.equals("/actors") ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String content(int i) { return "write " + i + " " + "x".repeat(i % 500) + "\n"; }

    @Test void everyAcknowledgedWriteSurvivesAKillNine() throws Exception {
        Server first = start();
        String id;
        Map<Integer, Boolean> acked = new ConcurrentHashMap<>();
        try {
            HttpResponse<String> put = post(first, "/actors", "{\"name\":\"vm\",\"key\":\"crash\"}");
            id = Json.MAPPER.readTree(put.body()).get("actor").get("actor_id").textValue();
            assertThat(post(first, "/gateway/" + id + "/action/mkdir", "{\"args\":[\"/home/agentos/w\"]}").statusCode()).isEqualTo(200);
            CountDownLatch halfway = new CountDownLatch(300);
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(32);
            for (int t = 0; t < 32; t++) {
                writers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < 1000; i = next.getAndIncrement()) {
                        String body = "{\"args\":[\"/home/agentos/w/" + i + ".txt\",\""
                                + Base64.getEncoder().encodeToString(content(i).getBytes(StandardCharsets.UTF_8)) + "\"]}";
                        try {
                            if (post(first, "/gateway/" + id + "/action/writeFile", body).statusCode() == 200) {
                                acked.put(i, true);
                                halfway.countDown();
                            }
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                });
            }
            assertThat(halfway.await(120, TimeUnit.SECONDS)).isTrue();
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            writers.shutdown();
            assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.process().destroyForcibly();
        }
        assertThat(acked.size()).isBetween(300, 999);

        Server second = start();
        try {
            HttpResponse<String> put = post(second, "/actors", "{\"name\":\"vm\",\"key\":\"crash\"}");
            assertThat(Json.MAPPER.readTree(put.body()).get("actor").get("actor_id").textValue()).isEqualTo(id);
            List<String> paths = new ArrayList<>();
            for (int i : acked.keySet()) paths.add("/home/agentos/w/" + i + ".txt");
            HttpResponse<String> read = post(second, "/gateway/" + id + "/action/readFiles", "{\"args\":[" + Json.write(paths) + "]}");
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode results = Json.MAPPER.readTree(read.body()).get("output");
            int checked = 0;
            for (JsonNode r : results) {
                String path = r.get("path").textValue();
                int i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.indexOf(".txt")));
                assertThat(r.path("content").isTextual()).as("acknowledged %s is there: %s", path, r).isTrue();
                assertThat(new String(Base64.getDecoder().decode(r.get("content").textValue()), StandardCharsets.UTF_8))
                        .as(path).isEqualTo(content(i));
                checked++;
            }
            assertThat(checked).isEqualTo(acked.size());
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
