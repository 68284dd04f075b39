package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event of a session: {@code event} is the JSON-RPC notification as the agent sent it
 * ({@code {"jsonrpc":"2.0","method":"session/update","params":{...}}}), or one agentOS adds
 * ({@code _agentos/error} when the agent died); {@code seq} counts from 1 per session.
 */
public record SessionEvent(long seq, JsonNode event, Instant createdAt) {}
