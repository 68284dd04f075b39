package dev.agentos.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.protocol.AgentOsClientException;
import dev.agentos.protocol.ErrorBody;
import dev.agentos.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A typed client of an agentOS server: {@code AgentOsClient.create("http://localhost:6420")
 * .actor("vm").getOrCreate("my-agent")} gives a handle with every action as a method.
 */
public final class AgentOsClient {
    private final URI endpoint;
    private final Optional<String> token;
    private final HttpClient http;

    private AgentOsClient(URI endpoint, Optional<String> token) {
        String s = endpoint.toString();
        this.endpoint = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public static AgentOsClient create(String endpoint) {
        return new AgentOsClient(URI.create(endpoint), Optional.empty());
    }

    /** A client sending {@code Authorization: Bearer token} (the admin token or one actor's token). */
    public static AgentOsClient create(String endpoint, String token) {
        return new AgentOsClient(URI.create(endpoint), Optional.of(token));
    }

    /** The actors of one registered type (the server registers {@code vm} by default). */
    public ActorType actor(String name) {
        return new ActorType(this, name);
    }

    /** Mints a token limited to one actor (admin only). */
    public String mintActorToken(String actorId) {
        return send("POST", "/actors/" + actorId + "/tokens", Json.object()).get("token").textValue();
    }

    URI endpoint() { return endpoint; }

    Optional<String> token() { return token; }

    HttpClient http() { return http; }

    /** Sends one JSON request; a non-2xx answer becomes an {@link AgentOsClientException}. */
    JsonNode send(String method, String path, ObjectNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AgentOsClientException("client", "io_error", method + " " + path + ": " + e, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentOsClientException("client", "interrupted", method + " " + path + ": interrupted", 0, null);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AgentOsClientException("client", "bad_response", "HTTP " + r.statusCode() + ": not JSON", r.statusCode(), null);
        }
        if (r.statusCode() / 100 != 2) {
            throw AgentOsClientException.of(Json.convert(answer, ErrorBody.class), r.statusCode());
        }
        return answer;
    }
}
