package dev.agentos;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.net.LoopbackNetwork;
import dev.agentos.kernel.net.SocketFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP/1.1 from the host into a guest server: connects through the VM's loopback network (as a
 * guest client would), writes one request with {@code Connection: close} and reads the response head,
 * then the body by Content-Length, chunked coding or to the end of the connection.
 *
 * <p>Hand-written rather than a library: the JDK's HttpClient only speaks over host sockets, and the
 * HTTP parsers of Jetty or HttpCore would add their whole stacks to the embedded core for the small
 * subset a single-request client needs.
 */
final class VmNetwork {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 256;
    /** Connection-specific headers the fetch sets itself; a caller's copies are dropped. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding");

    private final LoopbackNetwork network;
    private final long maxBodyBytes;

    VmNetwork(LoopbackNetwork network, long maxBodyBytes) {
        this.network = network;
        this.maxBodyBytes = maxBodyBytes;
    }

    VmFetchResponse fetch(int port, String pathOrUrl, VmFetchOptions options) {
        try (VmHttpExchange x = open(port, pathOrUrl, options, false)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            InputStream in = x.body();
            for (int n; (n = in.read(buf)) > 0; ) {
                if (body.size() + (long) n > maxBodyBytes) {
                    throw AgentOsException.errnoDetail(Errno.EFBIG, "vmFetch " + target(port, pathOrUrl)
                            + " (response body over " + maxBodyBytes + " bytes)");
                }
                body.write(buf, 0, n);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : x.headers()) {
                headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
            }
            return new VmFetchResponse(x.status(), x.statusText(), headers, body.toByteArray());
        } catch (IOException e) {
            throw failure(port, pathOrUrl, e);
        }
    }

    /** Sends the request and reads the response head; {@code upgrade} keeps Connection/Upgrade headers. */
    VmHttpExchange open(int port, String pathOrUrl, VmFetchOptions options, boolean upgrade) {
        String path = requestTarget(pathOrUrl);
        SocketFile socket = network.connect("127.0.0.1", port);
        InputStream in = new BufferedInputStream(socket.inputStream());
        OutputStream out = socket.outputStream();
        try {
            writeRequest(out, port, path, options, upgrade);
            return readResponse(in, out, options.method().equals("HEAD"), port, pathOrUrl);
        } catch (IOException | RuntimeException e) {
            closeQuietly(in, out);
            if (e instanceof IOException io) throw failure(port, pathOrUrl, io);
            throw (RuntimeException) e;
        }
    }

    private static void writeRequest(OutputStream out, int port, String path, VmFetchOptions o, boolean upgrade) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(o.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        for (Map.Entry<String, String> h : o.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(name) && !(upgrade && name.equals("connection"))) continue;
            checkHeader(h.getKey(), h.getValue());
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        byte[] body = o.body().orElse(null);
        if (body != null || o.method().equals("POST") || o.method().equals("PUT") || o.method().equals("PATCH")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        if (!upgrade) head.append("Connection: close\r\n");
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.write(body);
        out.flush();
    }

    private static void checkHeader(String name, String value) {
        boolean nameOk = !name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127 && c != ':');
        boolean valueOk = value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
        if (!nameOk || !valueOk) {
            throw AgentOsException.errnoDetail(Errno.EINVAL, "vmFetch: invalid header '" + name + "'");
        }
    }

    private VmHttpExchange readResponse(InputStream in, OutputStream out, boolean head, int port, String pathOrUrl) throws IOException {
        while (true) {
            String statusLine = readLine(in, port, pathOrUrl);
            if (statusLine == null) throw protocol(port, pathOrUrl, "connection closed before a response");
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw protocol(port, pathOrUrl, "bad status line '" + abbreviate(statusLine) + "'");
            }
            int status = Integer.parseInt(parts[1]);
            String reason = parts.length > 2 ? parts[2] : "";
            List<Map.Entry<String, String>> headers = readHeaders(in, port, pathOrUrl);
            if (status >= 100 && status < 200 && status != 101) continue;   // 100 Continue and friends: the real answer follows
            InputStream body;
            if (status == 101) {
                body = in;
            } else if (head || status == 204 || status == 304) {
                body = InputStream.nullInputStream();
            } else if (value(headers, "transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
                body = new ChunkedInput(in, () -> protocol(port, pathOrUrl, "bad chunk"));
            } else if (value(headers, "content-length").isPresent()) {
                String v = value(headers, "content-length").get().trim();
                if (!v.matches("\\d{1,18}")) throw protocol(port, pathOrUrl, "bad Content-Length '" + abbreviate(v) + "'");
                body = new BoundedInput(in, Long.parseLong(v));
            } else {
                body = in;
            }
            return new VmHttpExchange(status, reason, headers, new ClosingInput(body, in, out), out);
        }
    }

    private static java.util.Optional<String> value(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    private List<Map.Entry<String, String>> readHeaders(InputStream in, int port, String pathOrUrl) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (true) {
            String line = readLine(in, port, pathOrUrl);
            if (line == null) throw protocol(port, pathOrUrl, "connection closed inside the response head");
            if (line.isEmpty()) return headers;
            int colon = line.indexOf(':');
            if (colon <= 0) throw protocol(port, pathOrUrl, "bad header line '" + abbreviate(line) + "'");
            if (headers.size() >= MAX_HEADERS) throw protocol(port, pathOrUrl, "more than " + MAX_HEADERS + " headers");
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
    }

    /** A CRLF (or bare LF) terminated line in ISO-8859-1; null at EOF before any byte. */
    private String readLine(InputStream in, int port, String pathOrUrl) throws IOException {
        return readLine(in, () -> protocol(port, pathOrUrl, "line longer than " + MAX_LINE + " bytes"));
    }

    static String readLine(InputStream in, java.util.function.Supplier<AgentOsException> tooLong) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) return line.isEmpty() ? null : line.toString();
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') line.setLength(len - 1);
                return line.toString();
            }
            if (line.length() >= MAX_LINE) throw tooLong.get();
            line.append((char) c);
        }
    }

    /** The request target: a path (with query) as given, or the path and query of a URL. */
    static String requestTarget(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            try {
                URI u = new URI(pathOrUrl);
                String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
            } catch (URISyntaxException e) {
                throw AgentOsException.errnoDetail(Errno.EINVAL, "vmFetch: invalid URL '" + pathOrUrl + "'");
            }
        }
        String p = pathOrUrl.isEmpty() ? "/" : pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl;
        if (p.chars().anyMatch(c -> c <= 32 || c >= 127)) {
            throw AgentOsException.errnoDetail(Errno.EINVAL, "vmFetch: invalid path '" + pathOrUrl + "' (encode spaces and non-ASCII)");
        }
        return p;
    }

    private static String target(int port, String pathOrUrl) {
        return "127.0.0.1:" + port + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    }

    private static AgentOsException protocol(int port, String pathOrUrl, String why) {
        return new AgentOsException("net", "EPROTO", "EPROTO: protocol error, vmFetch " + target(port, pathOrUrl) + ": " + why);
    }

    private static AgentOsException failure(int port, String pathOrUrl, IOException e) {
        if (e instanceof InterruptedIOException) {
            return AgentOsException.errnoDetail(Errno.EINTR, "vmFetch " + target(port, pathOrUrl));
        }
        if (e.getCause() instanceof AgentOsException k) return k;
        return AgentOsException.errnoDetail(Errno.ECONNRESET, "vmFetch " + target(port, pathOrUrl) + ": " + e.getMessage());
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static void closeQuietly(InputStream in, OutputStream out) {
        try {
            in.close();
        } catch (IOException ignored) {
            // kernel socket views do not fail to close
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // likewise
        }
    }

    /** The body view: closing it drops the whole connection. */
    private static final class ClosingInput extends java.io.FilterInputStream {
        private final InputStream socketIn;
        private final OutputStream socketOut;

        ClosingInput(InputStream body, InputStream socketIn, OutputStream socketOut) {
            super(body);
            this.socketIn = socketIn;
            this.socketOut = socketOut;
        }

        @Override public void close() {
            closeQuietly(socketIn, socketOut);
        }
    }

    /** Exactly {@code remaining} bytes, then EOF. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInput(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new IOException("connection closed " + remaining + " bytes before the end of the body");
            remaining -= n;
            return n;
        }
    }

    /** Chunked transfer coding (RFC 9112 §7.1): sizes in hex, extensions and trailers skipped. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private final java.util.function.Supplier<AgentOsException> bad;
        private long remaining;
        private boolean done;

        ChunkedInput(InputStream in, java.util.function.Supplier<AgentOsException> bad) {
            this.in = in;
            this.bad = bad;
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (remaining == 0) {
                String size = readLine(in, bad);
                if (size == null) throw new IOException("connection closed inside a chunked body");
                int semi = size.indexOf(';');
                String hex = (semi >= 0 ? size.substring(0, semi) : size).trim();
                if (!hex.matches("[0-9a-fA-F]{1,15}")) throw bad.get();
                remaining = Long.parseLong(hex, 16);
                if (remaining == 0) {
                    String trailer;
                    do trailer = readLine(in, bad); while (trailer != null && !trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new IOException("connection closed inside a chunk");
            remaining -= n;
            if (remaining == 0) readLine(in, bad);   // the CRLF after the chunk's data
            return n;
        }
    }
}
