package dev.agentos.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code vmFetch} on the wire: the HTTP method (GET when absent), request headers and a body
 * (base64).
 */
public record FetchOptions(Optional<String> method, Map<String, String> headers, Optional<byte[]> body) {
    public static final FetchOptions DEFAULT = new FetchOptions(Optional.empty(), Map.of(), Optional.empty());

    public FetchOptions {
        method = method == null ? Optional.empty() : method;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        body = body == null ? Optional.empty() : body;
    }

    public FetchOptions withMethod(String method) { return new FetchOptions(Optional.of(method), headers, body); }
    public FetchOptions withHeaders(Map<String, String> headers) { return new FetchOptions(method, headers, body); }
    public FetchOptions withBody(byte[] body) { return new FetchOptions(method, headers, Optional.of(body)); }
    public FetchOptions withBody(String body) { return withBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
}
