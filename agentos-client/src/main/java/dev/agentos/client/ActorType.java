package dev.agentos.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.protocol.Json;

/** The actors of one type on a server, addressed by key. */
public final class ActorType {
    private final AgentOsClient client;
    private final String name;

    ActorType(AgentOsClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** The actor with this key, created on first use ({@code PUT /actors}, idempotent). */
    public AgentOsHandle getOrCreate(String key) {
        ObjectNode body = Json.object().put("name", name).put("key", key);
        JsonNode answer = client.send("PUT", "/actors", body);
        return new AgentOsHandle(client, answer.get("actor").get("actor_id").textValue(), answer.get("created").booleanValue());
    }

    /** A handle on an actor known by id (no request is made). */
    public AgentOsHandle get(String actorId) {
        return new AgentOsHandle(client, actorId, false);
    }
}
