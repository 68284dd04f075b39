package dev.agentos.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real server on an ephemeral port and a raw HTTP client for it. */
final class ServerHarness implements AutoCloseable {
    final Registry server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServerHarness(ServerConfig config) {
        server = Registry.create(config.withPort(0)).start();
    }

    /** A server whose {@code vm} actors boot with {@code vmOptions}. */
    ServerHarness(ServerConfig config, dev.agentos.AgentOsOptions vmOptions) {
        server = Registry.create(config.withPort(0)).register("vm", vmOptions).start();
    }

    String base() { return "http://127.0.0.1:" + server.port(); }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String createActor(String key, String token) throws Exception {
        HttpResponse<String> r = send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"" + key + "\"}", token);
        if (r.statusCode() != 200) throw new AssertionError(r.body());
        return dev.agentos.protocol.Json.MAPPER.readTree(r.body()).get("actor").get("actor_id").textValue();
    }

    @Override public void close() { server.close(); }
}
