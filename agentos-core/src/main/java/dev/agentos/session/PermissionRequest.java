package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agent's {@code session/request_permission}, waiting for {@code respondPermission}: an id to reply
 * with, a one-line description (the tool call's title) and the agent's params as sent.
 */
public record PermissionRequest(String permissionId, String description, JsonNode params) {}
