package dev.agentos.protocol;

import java.util.Optional;

/** The outcome of one entry of {@code readFiles}: the bytes, or the error. */
public record ReadResult(String path, Optional<byte[]> content, Optional<ErrorBody> error) {
    public ReadResult {
        content = content == null ? Optional.empty() : content;
        error = error == null ? Optional.empty() : error;
    }

    public boolean success() { return content.isPresent(); }
}
