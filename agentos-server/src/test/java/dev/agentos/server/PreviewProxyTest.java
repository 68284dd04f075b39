package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The preview proxy and vmFetch against a guest web server, through a real server. */
class PreviewProxyTest {
    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    static Registry server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String actor;

    @BeforeAll static void start() throws Exception {
        InstantSource clock = () -> now.get();
        server = Registry.create(ServerConfig.DEFAULT.withPort(0), clock).register("vm", GuestWebServer.options()).start();
        actor = Json.MAPPER.readTree(send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"preview\"}").body()).get("actor").get("actor_id").textValue();
        action("spawn", "[\"webd\",[\"8080\"]]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (action("vmFetch", "[8080,\"/hello\"]").statusCode() != 200) {
            if (System.nanoTime() > deadline) throw new AssertionError("guest server never listened");
            Thread.onSpinWait();
        }
    }

    @AfterAll static void stop() { server.close(); }

    static String base() { return "http://127.0.0.1:" + server.port(); }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> action(String name, String args) throws Exception {
        return send("POST", "/gateway/" + actor + "/action/" + name, "{\"args\":" + args + "}");
    }

    static String preview(int port, long ttl) throws Exception {
        JsonNode out = Json.MAPPER.readTree(action("createSignedPreviewUrl", "[" + port + "," + ttl + "]").body()).get("output");
        return out.get("path").textValue();
    }

    @Test void vmFetchActionAnswersWithStatusHeadersAndBase64Body() throws Exception {
        HttpResponse<String> r = action("vmFetch", "[8080,\"/echo?x=1\",{\"method\":\"PUT\",\"headers\":{\"X-Test\":\"t\"},\"body\":\"ZGF0YQ==\"}]");
        JsonNode out = Json.MAPPER.readTree(r.body()).get("output");
        assertThat(out.get("status").intValue()).isEqualTo(200);
        assertThat(out.get("statusText").textValue()).isEqualTo("OK");
        assertThat(out.get("headers").get("x-guest").textValue()).isEqualTo("webd");
        assertThat(new String(out.get("body").binaryValue())).isEqualTo("PUT /echo?x=1 x-test=t body=data");
    }

    @Test void vmFetchToAPortNobodyListensOnIsConnectionRefused() throws Exception {
        HttpResponse<String> r = action("vmFetch", "[9,\"/\"]");
        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode err = Json.MAPPER.readTree(r.body());
        assertThat(err.get("code").textValue()).isEqualTo("ECONNREFUSED");
        assertThat(err.get("message").textValue()).contains("127.0.0.1:9");
    }

    @Test void getGoesThroughWithStatusHeadersAndBody() throws Exception {
        String path = preview(8080, 60);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path + "hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello from the VM\n");
        assertThat(r.headers().firstValue("x-guest")).contains("webd");
        HttpResponse<String> teapot = http.send(HttpRequest.newBuilder(URI.create(base() + path + "status/418")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("short and stout");
    }

    @Test void postCarriesMethodQueryHeadersAndBodyWithNoOtherCredential() throws Exception {
        String path = preview(8080, 60);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path + "echo?q=a%20b"))
                .header("X-Test", "proxied").POST(HttpRequest.BodyPublishers.ofString("form=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("POST /echo?q=a%20b x-test=proxied body=form=1");
    }

    @Test void chunkedResponsesStreamThrough() throws Exception {
        String path = preview(8080, 60);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path + "chunked")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello, world");
    }

    @Test void responsesStreamAsTheGuestWritesThem() throws Exception {
        String path = preview(8080, 60);
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base() + path + "stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (var body = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            // the guest has not finished: it waits for /tmp/go, which only exists after the first line arrived
            assertThat(body.readLine()).isEqualTo("first");
            action("writeFile", "[\"/tmp/go\",\"\"]");
            assertThat(body.readLine()).isEqualTo("second");
            assertThat(body.readLine()).isNull();
        }
    }

    @Test void previewExpiresByTheClock() throws Exception {
        String path = preview(8080, 60);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + path + "hello")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        now.updateAndGet(t -> t.plusSeconds(61));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path + "hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode err = Json.MAPPER.readTree(r.body());
        assertThat(err.get("group").textValue()).isEqualTo("auth");
        assertThat(err.get("code").textValue()).isEqualTo("preview_expired");
    }

    @Test void revokedPreviewIsForbidden() throws Exception {
        JsonNode out = Json.MAPPER.readTree(action("createSignedPreviewUrl", "[8080]").body()).get("output");
        action("expireSignedPreviewUrl", "[\"" + out.get("token").textValue() + "\"]");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + out.get("path").textValue())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(r.body()).get("code").textValue()).isEqualTo("preview_expired");
    }

    @Test void previewOfAPortNobodyListensOnIsBadGateway() throws Exception {
        String path = preview(9, 60);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(Json.MAPPER.readTree(r.body()).get("code").textValue()).isEqualTo("ECONNREFUSED");
    }

    @Test void webSocketEchoesThroughThePreview() throws Exception {
        String path = preview(8080, 60);
        LinkedBlockingQueue<Object> got = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base().replace("http", "ws") + path + "socket"), new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();

            @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    got.add(text.toString());
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                got.add(b);
                w.request(1);
                return null;
            }

            @Override public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                closed.complete(status);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        ws.sendText("hi", true).get(10, TimeUnit.SECONDS);
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: hi");
        String big = "x".repeat(70_000);
        ws.sendText(big, true).get(10, TimeUnit.SECONDS);
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: " + big);
        ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
        assertThat((byte[]) got.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
        ws.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        // the guest serves one connection at a time: it is free again, so the bridge let go of it
        assertThat(action("vmFetch", "[8080,\"/hello\"]").statusCode()).isEqualTo(200);
    }

    @Test void webSocketWithAnExpiredPreviewIsRefusedWith403() throws Exception {
        String path = preview(8080, 1);
        now.updateAndGet(t -> t.plusSeconds(2));
        assertThatThrownBy(() -> http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(base().replace("http", "ws") + path), new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }
}
