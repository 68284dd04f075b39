package dev.agentos.protocol;

import java.util.Map;

/** The body of every non-2xx answer: {@code {"group","code","message","metadata"}}. */
public record ErrorBody(String group, String code, String message, Map<String, Object> metadata) {
    public ErrorBody {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ErrorBody of(String group, String code, String message) {
        return new ErrorBody(group, code, message, Map.of());
    }
}
