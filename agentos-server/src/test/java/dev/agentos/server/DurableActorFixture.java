package dev.agentos.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** A real server with a data directory on an ephemeral port, and the calls the durability tests make. */
final class DurableActorFixture implements AutoCloseable {
    final Registry server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ADMIN = "admin-token-for-tests";

    DurableActorFixture(Path dataDir, ManualClock clock) {
        this(dataDir, clock, null);
    }

    /** With {@code vm} as the options of the {@code vm} actor type (null: the config's defaults). */
    DurableActorFixture(Path dataDir, ManualClock clock, dev.agentos.AgentOsOptions vm) {
        Registry r = Registry.create(ServerConfig.DEFAULT.withPort(0).withDataDir(dataDir).withSleepAfter(Duration.ofMinutes(15))
                .withAdminToken(ADMIN), clock);
        if (vm != null) r.register("vm", vm);
        server = r.start();
    }

    String base() { return "http://127.0.0.1:" + server.port(); }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, ADMIN);
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode putActor(String key) throws Exception {
        HttpResponse<String> r = send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"" + key + "\"}");
        if (r.statusCode() != 200) throw new AssertionError(r.body());
        return Json.MAPPER.readTree(r.body());
    }

    String actor(String key) throws Exception { return putActor(key).get("actor").get("actor_id").textValue(); }

    HttpResponse<String> action(String id, String action, String argsJson) throws Exception {
        return send("POST", "/gateway/" + id + "/action/" + action, "{\"args\":" + argsJson + "}");
    }

    JsonNode ok(String id, String action, String argsJson) throws Exception {
        HttpResponse<String> r = action(id, action, argsJson);
        if (r.statusCode() != 200) throw new AssertionError(action + ": " + r.statusCode() + " " + r.body());
        return Json.MAPPER.readTree(r.body()).get("output");
    }

    void writeFile(String id, String path, String text) throws Exception {
        ok(id, "writeFile", "[" + Json.write(path) + "," + Json.write(b64(text)) + "]");
    }

    String readFile(String id, String path) throws Exception {
        return new String(Base64.getDecoder().decode(ok(id, "readFile", "[" + Json.write(path) + "]").textValue()),
                StandardCharsets.UTF_8);
    }

    static String b64(String text) { return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)); }

    @Override public void close() { server.close(); }
}
