package dev.agentos.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer of {@code vmFetch} on the wire: status, reason phrase, headers (lower-case names, repeated
 * ones joined with ", ") and the body (base64).
 */
public record FetchResponse(int status, String statusText, Map<String, String> headers, byte[] body) {
    public FetchResponse {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** The body as UTF-8 text. */
    public String text() { return new String(body, StandardCharsets.UTF_8); }
}
