package dev.agentos.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored session event ({@code getSessionEvents}): its per-session seq, the JSON-RPC notification, when. */
public record SessionEventEntry(long seq, JsonNode event, Instant createdAt) {}
