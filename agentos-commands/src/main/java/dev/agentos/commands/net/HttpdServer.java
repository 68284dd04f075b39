package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** httpd's serving half: accepts on a listening fd and answers each connection on its own virtual thread. */
final class HttpdServer {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ProcessContext ctx;
    private final Httpd.Config config;

    HttpdServer(ProcessContext ctx, Httpd.Config config) {
        this.ctx = ctx;
        this.config = config;
    }

    int serve(int listenFd) {
        while (true) {
            int fd = ctx.accept(listenFd);
            Thread.ofVirtual().name("httpd-" + ctx.pid() + "-conn").start(() -> connection(fd));
        }
    }

    private void connection(int fd) {
        SocketStream socket = new SocketStream(ctx, fd);
        try (socket) {
            InputStream in = new BufferedInputStream(socket.input(), 8192);
            OutputStream out = new BufferedOutputStream(socket.output(), 16 * 1024);
            boolean keepAlive = true;
            while (keepAlive) {
                String requestLine = HttpWire.readLine(in);
                if (requestLine == null) return;
                if (requestLine.isEmpty()) continue; // a stray CRLF between requests is allowed
                HttpHeaders headers = HttpWire.readFields(in);
                keepAlive = answer(requestLine, headers, in, out);
                out.flush();
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // the client went away, or the server process is ending (its unwind reaches this thread
            // too): nothing to answer any more, and nobody to tell
        }
    }

    /** Answers one request; false when the connection must close afterwards. */
    private boolean answer(String requestLine, HttpHeaders headers, InputStream in, OutputStream out) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            error(out, 400, "Bad Request", "Unsupported method", false, false);
            return false;
        }
        String method = parts[0];
        String version = parts[2];
        boolean keepAlive = version.equals("HTTP/1.1") ? !headers.lists("Connection", "close") : headers.lists("Connection", "keep-alive");
        discardBody(headers, in);
        boolean head = method.equals("HEAD");
        if (!method.equals("GET") && !head) {
            log(requestLine, 501);
            error(out, 501, "Not Implemented", "The requested method is not recognized", head, keepAlive);
            return keepAlive;
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String path;
        try {
            path = HttpUrl.removeDotSegments(URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log(requestLine, 400);
            error(out, 400, "Bad Request", "Unsupported method", head, false);
            return false;
        }
        String file = config.home() + path;
        FileStat st;
        try {
            st = ctx.stat(file);
            if (st.isDirectory()) {
                if (!path.endsWith("/")) {
                    log(requestLine, 302);
                    String location = rawPath + "/" + (q < 0 ? "" : target.substring(q));
                    respond(out, 302, "Found", head, keepAlive, "text/html", 0, Optional.of("Location: " + location), Optional.empty());
                    return keepAlive;
                }
                file = file + "index.html";
                st = ctx.stat(file);
            }
        } catch (AgentOsException e) {
            boolean denied = e.is(dev.agentos.kernel.Errno.EACCES);
            log(requestLine, denied ? 403 : 404);
            if (denied) error(out, 403, "Forbidden", "", head, keepAlive);
            else error(out, 404, "Not Found", "The requested URL was not found", head, keepAlive);
            return keepAlive;
        }
        if (!st.isRegular()) {
            log(requestLine, 403);
            error(out, 403, "Forbidden", "", head, keepAlive);
            return keepAlive;
        }
        int fd;
        try {
            fd = ctx.open(file, OpenFlags.O_RDONLY, 0);
        } catch (AgentOsException e) {
            log(requestLine, 403);
            error(out, 403, "Forbidden", "", head, keepAlive);
            return keepAlive;
        }
        try {
            sendFile(requestLine, headers, out, fd, file, st, head, keepAlive);
        } finally {
            ctx.close(fd);
        }
        return keepAlive;
    }

    private void sendFile(String requestLine, HttpHeaders headers, OutputStream out, int fd, String file, FileStat st,
                          boolean head, boolean keepAlive) throws IOException {
        long size = st.size();
        long from = 0;
        long to = size - 1;
        int status = 200;
        Optional<String> range = headers.first("Range");
        if (range.isPresent() && range.get().startsWith("bytes=") && !range.get().contains(",")) {
            String spec = range.get().substring(6).strip();
            int dash = spec.indexOf('-');
            try {
                if (dash == 0) {
                    from = Math.max(0, size - Long.parseLong(spec.substring(1)));
                } else if (dash > 0) {
                    from = Long.parseLong(spec.substring(0, dash));
                    if (dash + 1 < spec.length()) to = Math.min(size - 1, Long.parseLong(spec.substring(dash + 1)));
                }
                status = 206;
            } catch (NumberFormatException e) {
                from = 0;
            }
            if (status == 206 && (from >= size || from > to)) {
                log(requestLine, 416);
                respond(out, 416, "Range Not Satisfiable", head, keepAlive, "text/html", 0,
                        Optional.of("Content-Range: bytes */" + size), Optional.empty());
                return;
            }
        }
        long length = Math.max(0, to - from + 1);
        log(requestLine, status);
        String lastModified = "Last-Modified: " + HTTP_DATE.format(Instant.ofEpochSecond(0, st.mtimeNanos()));
        String extra = status == 206 ? lastModified + "\r\nContent-Range: bytes " + from + "-" + to + "/" + size : lastModified;
        respond(out, status, status == 206 ? "Partial Content" : "OK", head, keepAlive, MimeTypes.of(file), length,
                Optional.of(extra + "\r\nAccept-Ranges: bytes"), Optional.empty());
        if (head) return;
        byte[] buf = new byte[32 * 1024];
        long pos = from;
        while (pos <= to) {
            int n = ctx.pread(fd, pos, buf, 0, (int) Math.min(buf.length, to - pos + 1));
            if (n <= 0) break;
            out.write(buf, 0, n);
            pos += n;
        }
    }

    private void error(OutputStream out, int status, String reason, String text, boolean head, boolean keepAlive) throws IOException {
        String body = "<HTML><HEAD><TITLE>" + status + " " + reason + "</TITLE></HEAD>\n<BODY><H1>" + status + " " + reason
                + "</H1>\n" + text + "\n</BODY></HTML>\n";
        respond(out, status, reason, head, keepAlive, "text/html", body.length(), Optional.empty(), Optional.of(body));
    }

    private void respond(OutputStream out, int status, String reason, boolean head, boolean keepAlive, String type,
                         long length, Optional<String> extra, Optional<String> body) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        h.append("Date: ").append(HTTP_DATE.format(ctx.clock().instant())).append("\r\n");
        h.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        h.append("Content-Type: ").append(type).append("\r\n");
        h.append("Content-Length: ").append(length).append("\r\n");
        extra.ifPresent(e -> h.append(e).append("\r\n"));
        h.append("\r\n");
        HttpWire.writeAscii(out, h.toString());
        if (!head && body.isPresent()) out.write(body.get().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and drops a request body: a static server has no use for it, but the next request follows it. */
    private static void discardBody(HttpHeaders headers, InputStream in) throws IOException {
        InputStream body;
        if (headers.lists("Transfer-Encoding", "chunked")) body = HttpWire.chunked(in);
        else if (headers.first("Content-Length").isPresent()) {
            try {
                body = HttpWire.fixedLength(in, Long.parseLong(headers.first("Content-Length").get().strip()));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
        } else return;
        body.transferTo(OutputStream.nullOutputStream());
    }

    private void log(String requestLine, int status) {
        if (!config.verbose()) return;
        try {
            Gnu.print(ctx.stderr(), "httpd: " + requestLine + " " + status + "\n");
        } catch (RuntimeException ignored) {
            // logging must never take a connection down
        }
    }
}
