package dev.agentos.commands.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A response whose body streams from the socket as the caller reads it (SSE, large downloads):
 * nothing is buffered beyond one socket read. Close it to release the connection.
 */
public final class HttpResponse implements AutoCloseable {
    /** A status line and header block as received. */
    public record Head(String version, int status, String reason, HttpHeaders headers, String raw) {
        /** The status line, such as {@code HTTP/1.1 200 OK}. */
        public String statusLine() {
            return version + " " + status + (reason.isEmpty() ? "" : " " + reason);
        }

        public boolean isRedirect() {
            return switch (status) {
                case 301, 302, 303, 307, 308 -> true;
                default -> false;
            };
        }
    }

    private final HttpUrl url;
    private final Head head;
    private final InputStream body;
    private final SocketStream socket;
    private final List<Exchange> earlier;
    private final long bytesSent;

    /** A response already answered and left behind by a redirect (its URL and head). */
    public record Exchange(HttpUrl url, Head head) {}

    HttpResponse(HttpUrl url, Head head, InputStream body, SocketStream socket, List<Exchange> earlier, long bytesSent) {
        this.url = url;
        this.head = head;
        this.body = body;
        this.socket = socket;
        this.earlier = List.copyOf(earlier);
        this.bytesSent = bytesSent;
    }

    /** The URL this response answers (after redirects). */
    public HttpUrl url() { return url; }

    public Head head() { return head; }

    public int status() { return head.status; }

    public HttpHeaders headers() { return head.headers; }

    /** The body as it arrives; EOF at the end of its framing. Errors are IOExceptions (HttpException on timeout). */
    public InputStream body() { return body; }

    /** The redirect responses followed to get here, oldest first. */
    public List<Exchange> redirects() { return earlier; }

    /** Request bytes written for the last exchange (head and body). */
    public long bytesSent() { return bytesSent; }

    /** The local port of the connection (curl's %{local_port}). */
    public int localPort() { return socket.localPort(); }

    @Override public void close() {
        socket.close();
    }

    /** The whole body (for small responses). */
    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }
}
