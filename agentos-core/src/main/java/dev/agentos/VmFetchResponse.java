package dev.agentos;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer of a {@link AgentOs#vmFetch}: status, reason phrase, headers (names in lower case, repeated
 * headers joined with {@code ", "}) and the whole body, de-chunked.
 */
public record VmFetchResponse(int status, String statusText, Map<String, String> headers, byte[] body) {
    public VmFetchResponse {
        headers = OrderedCopy.of(headers);
    }

    /** The body as UTF-8 text. */
    public String text() { return new String(body, StandardCharsets.UTF_8); }
}
