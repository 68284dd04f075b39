package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code sendPrompt} resolves to: the agent's raw {@code session/prompt} result (with its
 * {@code stopReason}) and the text of every {@code agent_message_chunk} the agent streamed meanwhile.
 */
public record PromptResult(JsonNode response, String text) {}
