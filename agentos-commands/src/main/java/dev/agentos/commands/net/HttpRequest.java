package dev.agentos.commands.net;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One HTTP request for {@link GuestHttpClient}. Headers go out in the order given, except that
 * {@code Host} always leads (the URL's when none is given); the client adds the body's framing ({@code Content-Length}, or chunked
 * for a stream of unknown length) when neither framing header is given.
 */
public record HttpRequest(String method, HttpUrl url, HttpHeaders headers, Body body) {
    /** What follows the head. */
    public sealed interface Body {
        /** No body at all (no framing header either). */
        record None() implements Body {}
        /** A body in memory: it can be sent again after a 307/308 redirect. */
        record Bytes(byte[] data) implements Body {}
        /** A body read as it is sent; {@code length} -1 means unknown, sent chunked. */
        record Stream(InputStream data, long length) implements Body {}
    }

    public static final Body NO_BODY = new Body.None();

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public static HttpRequest get(String url) {
        return new HttpRequest("GET", HttpUrl.parse(url), HttpHeaders.EMPTY, NO_BODY);
    }

    public static HttpRequest post(String url, byte[] body) {
        return new HttpRequest("POST", HttpUrl.parse(url), HttpHeaders.EMPTY, new Body.Bytes(body));
    }

    public HttpRequest header(String name, String value) {
        return new HttpRequest(method, url, headers.with(name, value), body);
    }

    public HttpRequest withBody(Body newBody) {
        return new HttpRequest(method, url, headers, newBody);
    }

    /** {@code Basic base64(user:password)}: the Authorization value for basic auth. */
    public static String basicAuth(String userColonPassword) {
        String credentials = userColonPassword.indexOf(':') >= 0 ? userColonPassword : userColonPassword + ":";
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
