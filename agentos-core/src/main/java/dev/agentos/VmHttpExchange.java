package dev.agentos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange with a guest server whose response head has arrived and whose body streams,
 * for proxies ({@link AgentOs#vmFetchStreaming}). After a {@code 101 Switching Protocols} the
 * connection belongs to the caller: {@link #body()} reads the guest's raw bytes and
 * {@link #upgradedOutput()} writes to it. Close it to drop the connection.
 */
public final class VmHttpExchange implements AutoCloseable {
    private final int status;
    private final String statusText;
    private final List<Map.Entry<String, String>> headers;
    private final InputStream body;
    private final OutputStream raw;

    VmHttpExchange(int status, String statusText, List<Map.Entry<String, String>> headers, InputStream body, OutputStream raw) {
        this.status = status;
        this.statusText = statusText;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.raw = raw;
    }

    public int status() { return status; }

    public String statusText() { return statusText; }

    /** The headers as sent, in order, repeated names kept apart (Set-Cookie). */
    public List<Map.Entry<String, String>> headers() { return headers; }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The body, de-chunked and ending where the response ends; after a 101, the raw connection. */
    public InputStream body() { return body; }

    /** After a 101: the connection's outgoing side. Empty otherwise. */
    public Optional<OutputStream> upgradedOutput() {
        return status == 101 ? Optional.of(raw) : Optional.empty();
    }

    @Override public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a kernel socket view does not fail
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // likewise
        }
    }
}
