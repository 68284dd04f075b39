package dev.agentos.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** An agent's permission request: the id to answer with, a description, the agent's params as sent. */
public record PermissionRequestInfo(String permissionId, String description, JsonNode params) {}
