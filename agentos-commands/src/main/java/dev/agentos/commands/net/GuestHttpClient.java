package dev.agentos.commands.net;

import dev.agentos.kernel.proc.ProcessContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.agentos.kernel.net.TlsTrust;

/**
 * An HTTP/1.1 client for programs inside a VM (curl, wget, the built-in agent): it reaches servers
 * only through its process's sockets, so the VM's loopback and egress policy apply. Responses stream
 * (see {@link HttpResponse#body()}); redirects are followed when asked, as curl -L does.
 */
public final class GuestHttpClient {
    /**
     * How exchanges run.
     *
     * @param followRedirects follow 3xx responses that carry a Location
     * @param maxRedirects    how many to follow before failing ({@code TOO_MANY_REDIRECTS}); -1 for no limit
     * @param timeout         the whole exchange, body included, must finish within this (curl's --max-time)
     * @param trace           told about each step
     */
    public record Options(boolean followRedirects, int maxRedirects, Optional<Duration> timeout, HttpTrace trace, TlsTrust trust) {
        /** No redirects, no timeout, https checked against the host JDK's certificate authorities. */
        public static final Options DEFAULT = new Options(false, 50, Optional.empty(), HttpTrace.NONE, TlsTrust.system());

        public Options withFollowRedirects(boolean follow) {
            return new Options(follow, maxRedirects, timeout, trace, trust);
        }

        public Options withMaxRedirects(int max) {
            return new Options(followRedirects, max, timeout, trace, trust);
        }

        public Options withTimeout(Duration t) {
            return new Options(followRedirects, maxRedirects, Optional.of(t), trace, trust);
        }

        public Options withTrace(HttpTrace t) {
            return new Options(followRedirects, maxRedirects, timeout, t, trust);
        }

        /** Which certificates https trusts: {@code TlsTrust.pem(...)} for curl's --cacert, {@code insecure()} for -k. */
        public Options withTrust(TlsTrust t) {
            return new Options(followRedirects, maxRedirects, timeout, trace, t);
        }
    }

    private final ProcessContext ctx;
    private final Options options;

    public GuestHttpClient(ProcessContext ctx) {
        this(ctx, Options.DEFAULT);
    }

    public GuestHttpClient(ProcessContext ctx, Options options) {
        this.ctx = ctx;
        this.options = options;
    }

    /** Sends {@code request} (following redirects if configured) and returns the response with its body unread. */
    public HttpResponse send(HttpRequest request) throws IOException {
        long deadline = options.timeout.map(t -> ctx.clock().millis() + t.toMillis()).orElse(Long.MAX_VALUE);
        List<HttpResponse.Exchange> earlier = new ArrayList<>();
        HttpRequest current = request;
        while (true) {
            HttpResponse response = exchange(current, deadline, earlier);
            Optional<String> location = response.headers().first("Location");
            if (!options.followRedirects || !response.head().isRedirect() || location.isEmpty()) return response;
            Optional<HttpRequest> next = redirected(current, response.status(), location.get());
            if (next.isEmpty()) return response;
            if (options.maxRedirects >= 0 && earlier.size() >= options.maxRedirects) {
                response.close();
                throw new HttpException(HttpException.Kind.TOO_MANY_REDIRECTS,
                        "Maximum (" + options.maxRedirects + ") redirects followed");
            }
            drain(response);
            earlier.add(new HttpResponse.Exchange(response.url(), response.head()));
            options.trace.redirecting(next.get().url());
            current = next.get();
        }
    }

    /** The request a redirect asks for; empty when its body cannot be sent again. */
    private static Optional<HttpRequest> redirected(HttpRequest from, int status, String location) throws HttpException {
        HttpUrl to;
        try {
            to = from.url().resolve(location);
        } catch (IllegalArgumentException e) {
            throw new HttpException(HttpException.Kind.MALFORMED_URL, e.getMessage());
        }
        HttpHeaders headers = from.headers().without("Host");
        // credentials are for the host they were given for, as curl does without --location-trusted
        if (!to.host().equals(from.url().host()) || to.port() != from.url().port()) headers = headers.without("Authorization");
        boolean keepMethod = status == 307 || status == 308 || from.method().equals("GET") || from.method().equals("HEAD");
        if (keepMethod) {
            if (from.body() instanceof HttpRequest.Body.Stream) return Optional.empty();
            return Optional.of(new HttpRequest(from.method(), to, headers, from.body()));
        }
        headers = headers.without("Content-Length").without("Content-Type").without("Transfer-Encoding");
        return Optional.of(new HttpRequest("GET", to, headers, HttpRequest.NO_BODY));
    }

    private static void drain(HttpResponse response) {
        try (response) {
            response.body().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the next request does not need this connection
        }
    }

    private HttpResponse exchange(HttpRequest request, long deadline, List<HttpResponse.Exchange> earlier) throws IOException {
        HttpUrl url = request.url();
        options.trace.connecting(url);
        SocketStream socket = Transport.open(ctx, url, options.trust());
        try {
            options.trace.connected(url);
            socket.deadline(deadline);
            InputStream in = new BufferedInputStream(socket.input(), 16 * 1024);
            Sent sent = writeRequest(socket, in, request);
            HttpResponse.Head head;
            if (sent.early().isPresent()) {
                head = sent.early().get();
            } else {
                do {
                    head = readHead(in);
                    options.trace.responseHead(url, head);
                } while (head.status() >= 100 && head.status() < 200 && head.status() != 101);
            }
            InputStream body = bodyOf(request.method(), head, in);
            return new HttpResponse(url, head, body, socket, earlier, sent.bytes());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** What writing a request did: bytes sent, and a final answer that came before the body was (Expect). */
    private record Sent(long bytes, Optional<HttpResponse.Head> early) {}

    /** How long to wait for "100 Continue" before sending the body anyway: curl's default. */
    private static final long EXPECT_WAIT_MILLIS = 1000;

    private Sent writeRequest(SocketStream socket, InputStream in, HttpRequest request) throws IOException {
        OutputStream raw = socket.output();
        HttpUrl url = request.url();
        HttpHeaders headers = request.headers();
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(url.target()).append(" HTTP/1.1\r\n");
        // Host leads, as in curl, whether it is ours or the caller's
        head.append("Host: ").append(headers.first("Host").orElse(url.hostHeader())).append("\r\n");
        headers = headers.without("Host");
        if (!headers.has("Authorization") && url.userInfo().isPresent()) {
            head.append("Authorization: ").append(HttpRequest.basicAuth(URLDecoder.decode(url.userInfo().get(), StandardCharsets.UTF_8))).append("\r\n");
        }
        boolean framed = headers.has("Content-Length") || headers.has("Transfer-Encoding");
        boolean chunked = headers.lists("Transfer-Encoding", "chunked");
        for (HttpHeaders.Field f : headers.fields()) {
            head.append(f.name()).append(':').append(f.value().isEmpty() ? "" : " ").append(f.value()).append("\r\n");
        }
        if (!framed) {
            switch (request.body()) {
                case HttpRequest.Body.None n -> { }
                case HttpRequest.Body.Bytes b -> head.append("Content-Length: ").append(b.data().length).append("\r\n");
                case HttpRequest.Body.Stream s when s.length() >= 0 -> head.append("Content-Length: ").append(s.length()).append("\r\n");
                case HttpRequest.Body.Stream s -> {
                    head.append("Transfer-Encoding: chunked\r\n");
                    chunked = true;
                }
            }
        }
        head.append("\r\n");
        options.trace.requestHead(head.toString());
        CountingOutput counted = new CountingOutput(raw);
        BufferedOutputStream out = new BufferedOutputStream(counted, 16 * 1024);
        try {
            HttpWire.writeAscii(out, head.toString());
            if (headers.lists("Expect", "100-continue") && !(request.body() instanceof HttpRequest.Body.None)) {
                out.flush();
                if (socket.awaitReadable(EXPECT_WAIT_MILLIS)) {
                    HttpResponse.Head answer = readHead(in);
                    options.trace.responseHead(url, answer);
                    if (answer.status() != 100) return new Sent(counted.count, Optional.of(answer));
                }
            }
            OutputStream bodyOut = chunked ? HttpWire.chunkedOutput(out) : out;
            switch (request.body()) {
                case HttpRequest.Body.None n -> { }
                case HttpRequest.Body.Bytes b -> bodyOut.write(b.data());
                case HttpRequest.Body.Stream s -> s.data().transferTo(bodyOut);
            }
            if (chunked) bodyOut.close();
            out.flush();
        } catch (HttpException e) {
            throw e;
        } catch (IOException e) {
            throw new HttpException(HttpException.Kind.SEND, "Failed sending data to the peer: " + e.getMessage(), e);
        }
        return new Sent(counted.count, Optional.empty());
    }

    /** Reads a status line and its header block. */
    static HttpResponse.Head readHead(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = HttpWire.readLine(in);
        } catch (HttpException e) {
            throw e;
        } catch (IOException e) {
            throw new HttpException(HttpException.Kind.RECEIVE, "Recv failure: " + e.getMessage(), e);
        }
        if (statusLine == null) throw new HttpException(HttpException.Kind.RECEIVE_EMPTY, "Empty reply from server");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3 || !parts[1].chars().allMatch(Character::isDigit)) {
            throw new HttpException(HttpException.Kind.WEIRD_REPLY, "Unsupported HTTP version in response");
        }
        HttpHeaders fields;
        try {
            fields = HttpWire.readFields(in);
        } catch (HttpException e) {
            throw e;
        } catch (IOException e) {
            throw new HttpException(HttpException.Kind.WEIRD_REPLY, "Weird server reply: " + e.getMessage(), e);
        }
        StringBuilder raw = new StringBuilder(statusLine).append("\r\n");
        for (HttpHeaders.Field f : fields.fields()) raw.append(f.name()).append(": ").append(f.value()).append("\r\n");
        raw.append("\r\n");
        return new HttpResponse.Head(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", fields, raw.toString());
    }

    /** The body's framing, as RFC 9112 section 6.3 orders the rules. */
    static InputStream bodyOf(String method, HttpResponse.Head head, InputStream in) {
        int status = head.status();
        if (method.toUpperCase(Locale.ROOT).equals("HEAD") || status == 204 || status == 304 || status < 200) {
            return InputStream.nullInputStream();
        }
        if (head.headers().lists("Transfer-Encoding", "chunked")) return HttpWire.chunked(in);
        Optional<String> length = head.headers().first("Content-Length");
        if (length.isPresent()) {
            try {
                return HttpWire.fixedLength(in, Long.parseLong(length.get().strip()));
            } catch (NumberFormatException e) {
                return in;
            }
        }
        return in;
    }

    /** Counts bytes on their way to the socket (curl's %{size_upload}, %{size_request}). */
    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        @Override public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override public void flush() throws IOException {
            out.flush();
        }
    }
}
