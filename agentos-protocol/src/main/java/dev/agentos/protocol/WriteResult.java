package dev.agentos.protocol;

import java.util.Optional;

/** The outcome of one entry of {@code writeFiles}: written, or the error that stopped it. */
public record WriteResult(String path, boolean success, Optional<ErrorBody> error) {
    public WriteResult {
        error = error == null ? Optional.empty() : error;
    }
}
