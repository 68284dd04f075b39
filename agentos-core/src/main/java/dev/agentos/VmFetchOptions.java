package dev.agentos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request of a {@link AgentOs#vmFetch}: method (GET by default), headers and an optional body.
 * {@code Host}, {@code Content-Length} and {@code Connection} are set by the fetch itself.
 */
public record VmFetchOptions(String method, Map<String, String> headers, Optional<byte[]> body) {
    public static final VmFetchOptions DEFAULT = new VmFetchOptions("GET", Map.of(), Optional.empty());

    public VmFetchOptions {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("invalid HTTP method: '" + method + "'");
        }
        headers = OrderedCopy.of(headers);
        Objects.requireNonNull(body, "body");
    }

    public static VmFetchOptions of(String method) { return new VmFetchOptions(method, Map.of(), Optional.empty()); }

    public static VmFetchOptions of(String method, Map<String, String> headers, byte[] body) {
        return new VmFetchOptions(method, headers, Optional.ofNullable(body));
    }

    /** The same request with one more header. */
    public VmFetchOptions withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new VmFetchOptions(method, h, body);
    }
}
