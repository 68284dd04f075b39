package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProgramRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VmFetchTest {
    /**
     * A guest web server: {@code httpd PORT} answers each connection once, by path: /hello, /echo (method,
     * x-test header and body back), /status/N, /chunked (three chunks), /close (no length: ends at close).
     */
    static final Program HTTPD = ctx -> {
        int port = Integer.parseInt(ctx.argv().get(1));
        int listener = ctx.listen("0.0.0.0", port, 16);
        ctx.stdout().write("listening\n".getBytes(StandardCharsets.UTF_8));
        while (true) {
            int fd = ctx.accept(listener);
            try {
                serve(ctx, fd);
            } finally {
                ctx.close(fd);
            }
        }
    };

    private static void serve(ProcessContext ctx, int fd) throws IOException {
        InputStream in = new InputStream() {
            @Override public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) { return ctx.read(fd, b, off, len); }
        };
        String requestLine = VmNetwork.readLine(in, () -> new AgentOsException("net", "EPROTO", "long"));
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String path = parts[1];
        String xTest = "";
        int length = 0;
        for (String line; !(line = VmNetwork.readLine(in, () -> new AgentOsException("net", "EPROTO", "long"))).isEmpty(); ) {
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (name.equals("content-length")) length = Integer.parseInt(value);
            if (name.equals("x-test")) xTest = value;
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String answer = switch (path.replaceAll("\\?.*", "")) {
            case "/hello" -> response(200, "OK", "hello from the VM\n");
            case "/echo" -> response(200, "OK", method + " " + path + " x-test=" + xTest + " body=" + body);
            case "/chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Kind: chunks\r\n\r\n"
                    + "5\r\nhello\r\n1;ext=1\r\n,\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n";
            case "/close" -> "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end";
            default -> path.startsWith("/status/") ? response(Integer.parseInt(path.substring(8)), "Custom", "")
                    : response(404, "Not Found", "no " + path);
        };
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ctx.write(fd, out, 0, out.length);
    }

    private static String response(int status, String reason, String body) {
        return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private AgentOs vm;

    @BeforeEach void boot() throws Exception {
        vm = AgentOs.create(AgentOsOptions.builder().programs(ProgramRegistry.builder().add("httpd", HTTPD).build()).build());
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        vm.spawn("httpd", List.of("8080"), SpawnOptions.builder().onStdout(b -> listening.countDown()).build());
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach void close() { vm.close(); }

    @Test void getsAPageFromAGuestServer() {
        VmFetchResponse r = vm.vmFetch(8080, "/hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.statusText()).isEqualTo("OK");
        assertThat(r.text()).isEqualTo("hello from the VM\n");
        assertThat(r.headers()).containsEntry("content-type", "text/plain").containsEntry("set-cookie", "a=1, b=2");
    }

    @Test void sendsMethodHeadersAndBody() {
        VmFetchResponse r = vm.vmFetch(8080, "http://localhost:8080/echo?q=1",
                VmFetchOptions.of("POST", Map.of("X-Test", "yes"), "payload".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.text()).isEqualTo("POST /echo?q=1 x-test=yes body=payload");
    }

    @Test void readsChunkedAndCloseDelimitedBodies() {
        VmFetchResponse chunked = vm.vmFetch(8080, "/chunked");
        assertThat(chunked.text()).isEqualTo("hello, world");
        assertThat(chunked.headers()).containsEntry("x-kind", "chunks");
        assertThat(vm.vmFetch(8080, "/close").text()).isEqualTo("until the end");
    }

    @Test void passesAnyStatusThrough() {
        VmFetchResponse r = vm.vmFetch(8080, "/status/418");
        assertThat(r.status()).isEqualTo(418);
        assertThat(r.statusText()).isEqualTo("Custom");
        assertThat(r.body()).isEmpty();
    }

    @Test void headRequestHasNoBody() {
        VmFetchResponse r = vm.vmFetch(8080, "/hello", VmFetchOptions.of("HEAD"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test void nothingListeningIsConnectionRefusedNamingThePort() {
        assertThatThrownBy(() -> vm.vmFetch(9999, "/"))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.code()).isEqualTo("ECONNREFUSED"))
                .hasMessageContaining("9999");
    }

    @Test void streamingExchangeGivesTheHeadFirst() throws Exception {
        try (VmHttpExchange x = vm.vmFetchStreaming(8080, "/chunked", VmFetchOptions.DEFAULT, false)) {
            assertThat(x.status()).isEqualTo(200);
            assertThat(x.header("transfer-encoding")).contains("chunked");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            x.body().transferTo(all);
            assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
    }
}
