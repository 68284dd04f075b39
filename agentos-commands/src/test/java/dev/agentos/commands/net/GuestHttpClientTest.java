package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client library as a guest program uses it: streaming bodies (SSE), chunked uploads, URL handling. */
class GuestHttpClientTest {
    private final NetVm vm = new NetVm();

    @AfterEach void close() { vm.close(); }

    /** Runs {@code body} as a guest process and returns what it returned. */
    private <T> T asGuest(GuestCall<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Program p = ctx -> {
            try {
                result.complete(body.call(ctx));
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
            return 0;
        };
        vm.start(p, "client").onExit().join();
        return result.join();
    }

    interface GuestCall<T> {
        T call(ProcessContext ctx) throws Exception;
    }

    @Test void responseBodiesStreamAsTheServerSendsThem() throws Exception {
        CountDownLatch firstEventRead = new CountDownLatch(1);
        CountDownLatch listening = new CountDownLatch(1);
        Program server = ctx -> {
            int l = ctx.listen("", 9200, 4);
            listening.countDown();
            try (SocketStream s = new SocketStream(ctx, ctx.accept(l))) {
                HttpWire.readLine(s.input());
                HttpWire.writeAscii(s.output(), "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
                var chunks = HttpWire.chunkedOutput(s.output());
                chunks.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
                // the second event waits until the client has read the first: a buffering client would hang here
                try {
                    if (!firstEventRead.await(10, TimeUnit.SECONDS)) return 1;
                } catch (InterruptedException e) {
                    return 1;
                }
                chunks.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
                chunks.close();
            }
            return 0;
        };
        vm.start(server, "sse-server");
        listening.await();
        String all = asGuest(ctx -> {
            try (HttpResponse r = new GuestHttpClient(ctx).send(HttpRequest.get("http://localhost:9200/events"))) {
                assertThat(r.status()).isEqualTo(200);
                byte[] buf = new byte[64];
                int n = r.body().read(buf);
                String first = new String(buf, 0, n, StandardCharsets.UTF_8);
                assertThat(first).isEqualTo("data: one\n\n");
                firstEventRead.countDown();
                return first + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        assertThat(all).isEqualTo("data: one\n\ndata: two\n\n");
    }

    @Test void streamBodiesOfUnknownLengthGoChunked() throws Exception {
        ScriptedHttp script = new ScriptedHttp("HTTP/1.1 204 No Content\r\n\r\n");
        vm.serve(script, 9201);
        int status = asGuest(ctx -> {
            HttpRequest req = new HttpRequest("POST", HttpUrl.parse("localhost:9201/in"), HttpHeaders.EMPTY,
                    new HttpRequest.Body.Stream(new ByteArrayInputStream("x".repeat(40_000).getBytes(StandardCharsets.UTF_8)), -1));
            try (HttpResponse r = new GuestHttpClient(ctx).send(req)) {
                return r.status();
            }
        });
        assertThat(status).isEqualTo(204);
        assertThat(script.requests.getFirst()).contains("Transfer-Encoding: chunked\n").endsWith("x".repeat(40_000));
    }

    @Test void urlsResolveLikeBrowsersAndCarryBasicAuth() {
        assertThat(HttpUrl.parse("http://u:p@localhost:1/a").userInfo()).contains("u:p");
        assertThat(HttpUrl.parse("localhost:1/a/b/c").resolve("../d?q=1#frag").toString()).isEqualTo("http://localhost:1/a/d?q=1");
        assertThat(HttpUrl.parse("http://h/a/b").resolve("//other:8080/x").toString()).isEqualTo("http://other:8080/x");
        assertThat(HttpUrl.parse("http://h/a/b").resolve("https://s/").toString()).isEqualTo("https://s/");
        assertThat(HttpUrl.parse("http://h/a/b").resolve("?x").toString()).isEqualTo("http://h/a/b?x");
        assertThat(HttpUrl.parse("http://[::1]:8080/p").hostHeader()).isEqualTo("[::1]:8080");
        assertThat(HttpUrl.parse("HTTP://Example.COM").toString()).isEqualTo("http://example.com/");
        assertThat(HttpRequest.basicAuth("user:secret")).isEqualTo("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test void urlsThatCannotBeParsed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpUrl.parse("http://h:99999/"))
                .isInstanceOf(HttpUrl.MalformedUrl.class).hasMessageContaining("Port number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpUrl.parse("http:///x")).isInstanceOf(HttpUrl.MalformedUrl.class);
    }
}
