package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests are answered with {group:"request"} and never reach the VM; slow actions time out. */
class MalformedRequestTest {
    static ServerHarness h;
    static String id;

    @BeforeAll static void start() throws Exception {
        h = new ServerHarness(ServerConfig.DEFAULT.withMaxBodyBytes(1024));
        id = h.createActor("bad", null);
    }

    @AfterAll static void stop() { h.close(); }

    private java.net.http.HttpResponse<String> post(String action, String body) throws Exception {
        return h.send("POST", "/gateway/" + id + "/action/" + action, body, null);
    }

    @Test void malformedJsonIs400() throws Exception {
        var r = post("exists", "{\"args\":[\"/\"");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"group\":\"request\"", "\"code\":\"malformed_json\"");
    }

    @Test void unknownActionIs404() throws Exception {
        var r = post("formatDisk", "{\"args\":[]}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"code\":\"unknown_action\"");
    }

    @Test void wrongArgumentTypesAndCountsAre400() throws Exception {
        assertThat(post("readFile", "{\"args\":[42]}").body()).contains("\"code\":\"invalid_args\"", "expected a string");
        assertThat(post("readFile", "{\"args\":[]}").statusCode()).isEqualTo(400);
        assertThat(post("readFile", "{\"args\":[\"/a\",\"/b\"]}").body()).contains("expected 1 arguments, got 2");
        assertThat(post("writeFile", "{\"args\":[\"/tmp/x\",\"not base64!\"]}").body()).contains("expected base64");
        assertThat(post("waitProcess", "{\"args\":[\"12\"]}").statusCode()).isEqualTo(400);
        assertThat(post("exists", "{\"args\":\"/\"}").statusCode()).isEqualTo(400);
    }

    @Test void halfValidArgumentsNeverReachTheVm() throws Exception {
        // the path is fine, the content is not: the file must not be created
        assertThat(post("writeFile", "{\"args\":[\"/tmp/half\",17]}").statusCode()).isEqualTo(400);
        assertThat(post("exists", "{\"args\":[\"/tmp/half\"]}").body()).isEqualTo("{\"output\":false}");
    }

    @Test void oversizedBodyIs413() throws Exception {
        var r = post("writeFile", "{\"args\":[\"/tmp/big\",\"" + "A".repeat(2000) + "\"]}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"code\":\"body_too_large\"");
    }

    @Test void unknownActorIs404() throws Exception {
        var r = h.send("POST", "/gateway/nope/action/exists", "{\"args\":[\"/\"]}", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"code\":\"actor_not_found\"");
    }

    @Test void aSlowActionTimesOutAndTheActorStaysHealthy() throws Exception {
        try (ServerHarness t = new ServerHarness(ServerConfig.DEFAULT.withActionTimeout(Duration.ofMillis(100)))) {
            String a = t.createActor("slow", null);
            long start = System.nanoTime();
            var r = t.send("POST", "/gateway/" + a + "/action/execArgv", "{\"args\":[\"sleep\",[\"5\"]]}", null);
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(r.body()).contains("\"group\":\"actor\"", "\"code\":\"action_timed_out\"");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(t.send("POST", "/gateway/" + a + "/action/exists", "{\"args\":[\"/\"]}", null).body())
                    .isEqualTo("{\"output\":true}");
            assertThat(t.send("GET", "/health", "", null).statusCode()).isEqualTo(200);
        }
    }
}
