package dev.agentos.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code sendPrompt} answers: the agent's raw {@code session/prompt} result and the streamed message text. */
public record PromptResult(JsonNode response, String text) {}
