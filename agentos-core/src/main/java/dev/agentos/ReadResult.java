package dev.agentos;

import java.util.Optional;

/** The outcome of one entry of {@link AgentOs#readFiles}: the bytes, or the error. */
public record ReadResult(String path, Optional<byte[]> content, Optional<AgentOsException> error) {
    public boolean success() { return content.isPresent(); }
}
