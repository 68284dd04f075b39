package dev.agentos.commands.net;

/** Watches an exchange as it happens: what {@code curl -v} prints. Every method defaults to nothing. */
public interface HttpTrace {
    HttpTrace NONE = new HttpTrace() {};

    /** About to connect to {@code url}'s host and port. */
    default void connecting(HttpUrl url) {}

    default void connected(HttpUrl url) {}

    /** The request head as sent, CRLF line ends, ending with the empty line. */
    default void requestHead(String head) {}

    default void responseHead(HttpUrl url, HttpResponse.Head head) {}

    /** A redirect about to be followed. */
    default void redirecting(HttpUrl to) {}
}
