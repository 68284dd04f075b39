package dev.agentos.server;

import dev.agentos.AgentOsOptions;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProgramRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A guest web server for tests: {@code webd PORT} listens on a VM port and serves one connection at a
 * time. HTTP by path: /hello, /echo (method, path, x-test header and body back), /status/N, /chunked
 * (three chunks), /stream (a first chunk, the second once /tmp/go exists). A request with {@code Upgrade: websocket} becomes an echo WebSocket ("echo: " + text,
 * binary as is) until the client closes.
 */
final class GuestWebServer {
    private GuestWebServer() {}

    static final Program WEBD = ctx -> {
        int listener = ctx.listen("0.0.0.0", Integer.parseInt(ctx.argv().get(1)), 16);
        ctx.stdout().write("listening\n".getBytes(StandardCharsets.UTF_8));
        while (true) {
            int fd = ctx.accept(listener);
            try {
                serve(ctx, in(ctx, fd), out(ctx, fd));
            } catch (IOException | RuntimeException e) {
                // the client went away (EPIPE, ECONNRESET, EOF); serve the next one
            } finally {
                ctx.close(fd);
            }
        }
    };

    /** Server options with {@code webd} installed. */
    static AgentOsOptions options() {
        return AgentOsOptions.builder().programs(ProgramRegistry.builder().add("webd", WEBD).build()).build();
    }

    private static void serve(ProcessContext ctx, InputStream in, OutputStream out) throws IOException {
        String[] request = line(in).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l; !(l = line(in)).isEmpty(); ) {
            headers.put(l.substring(0, l.indexOf(':')).toLowerCase(Locale.ROOT), l.substring(l.indexOf(':') + 1).trim());
        }
        if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
            websocket(in, out, headers.get("sec-websocket-key"));
            return;
        }
        String body = new String(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))), StandardCharsets.UTF_8);
        String path = request[1];
        if (path.startsWith("/stream")) {
            stream(ctx, out);
            return;
        }
        String answer = switch (path.replaceAll("\\?.*", "")) {
            case "/hello" -> response(200, "OK", "hello from the VM\n");
            case "/echo" -> response(200, "OK", request[0] + " " + path + " x-test=" + headers.getOrDefault("x-test", "")
                    + " body=" + body);
            case "/chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                    + "5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n";
            default -> path.startsWith("/status/") ? response(Integer.parseInt(path.substring(8)), "Teapot", "short and stout")
                    : response(404, "Not Found", "no " + path);
        };
        out.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** A chunked answer whose second chunk waits until the file /tmp/go exists: streaming made visible. */
    private static void stream(ProcessContext ctx, OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nfirst\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        while (!ctx.access("/tmp/go", 0)) ctx.sleep(java.time.Duration.ofMillis(5));
        out.write("7\r\nsecond\n\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void websocket(InputStream in, OutputStream out, String key) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + WsFrames.accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        while (true) {
            WsFrames.Frame f = WsFrames.read(in, 1 << 20);
            switch (f.opcode()) {
                case WsFrames.TEXT -> WsFrames.write(out, WsFrames.TEXT, ("echo: " + f.text()).getBytes(StandardCharsets.UTF_8), false);
                case WsFrames.BINARY -> WsFrames.write(out, WsFrames.BINARY, f.payload(), false);
                case WsFrames.PING -> WsFrames.write(out, WsFrames.PONG, f.payload(), false);
                case WsFrames.CLOSE -> {
                    WsFrames.write(out, WsFrames.CLOSE, f.payload(), false);
                    return;
                }
                default -> { }
            }
        }
    }

    private static String response(int status, String reason, String body) {
        return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nX-Guest: webd\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("eof");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static InputStream in(ProcessContext ctx, int fd) {
        return new InputStream() {
            @Override public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) { return ctx.read(fd, b, off, len); }
        };
    }

    private static OutputStream out(ProcessContext ctx, int fd) {
        return new OutputStream() {
            @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

            @Override public void write(byte[] b, int off, int len) {
                for (int done = 0; done < len; ) done += ctx.write(fd, b, off + done, len - done);
            }
        };
    }
}
