package dev.agentos;

import java.util.Optional;

/** The outcome of one entry of {@link AgentOs#writeFiles}: written, or the error that stopped it. */
public record WriteResult(String path, boolean success, Optional<AgentOsException> error) {}
