package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The auth matrix: no token, wrong token, an actor token on its own and on another actor, admin. */
class AuthTest {
    static ServerHarness h;
    static String mine;
    static String other;
    static String actorToken;

    @BeforeAll static void start() throws Exception {
        h = new ServerHarness(ServerConfig.DEFAULT.withAdminToken("admin-secret"));
        mine = h.createActor("mine", "admin-secret");
        other = h.createActor("other", "admin-secret");
        var r = h.send("POST", "/actors/" + mine + "/tokens", "", "admin-secret");
        assertThat(r.statusCode()).isEqualTo(200);
        actorToken = dev.agentos.protocol.Json.MAPPER.readTree(r.body()).get("token").textValue();
    }

    @AfterAll static void stop() { h.close(); }

    private int exists(String actor, String token) throws Exception {
        return h.send("POST", "/gateway/" + actor + "/action/exists", "{\"args\":[\"/\"]}", token).statusCode();
    }

    @Test void noTokenIsUnauthorized() throws Exception {
        var r = h.send("POST", "/gateway/" + mine + "/action/exists", "{\"args\":[\"/\"]}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"group\":\"auth\"", "\"code\":\"unauthorized\"");
        assertThat(h.send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"x\"}", null).statusCode()).isEqualTo(401);
    }

    @Test void wrongTokenIsUnauthorized() throws Exception {
        assertThat(exists(mine, "wrong")).isEqualTo(401);
    }

    @Test void adminReachesEveryActor() throws Exception {
        assertThat(exists(mine, "admin-secret")).isEqualTo(200);
        assertThat(exists(other, "admin-secret")).isEqualTo(200);
    }

    @Test void actorTokenReachesOnlyItsActor() throws Exception {
        assertThat(exists(mine, actorToken)).isEqualTo(200);
        var r = h.send("POST", "/gateway/" + other + "/action/exists", "{\"args\":[\"/\"]}", actorToken);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"code\":\"forbidden\"");
    }

    @Test void actorTokenCannotMintTokensNorCreateActors() throws Exception {
        assertThat(h.send("POST", "/actors/" + mine + "/tokens", "", actorToken).statusCode()).isEqualTo(403);
        assertThat(h.send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"new-one\"}", actorToken).statusCode()).isEqualTo(403);
        assertThat(h.send("PUT", "/actors", "{\"name\":\"vm\",\"key\":\"mine\"}", actorToken).statusCode()).isEqualTo(200);
    }

    @Test void withATokenConfiguredTheServerMayListenOnAllInterfaces() {
        assertThat(ServerConfig.DEFAULT.withAdminToken("t").effectiveHost()).isEqualTo("0.0.0.0");
        if (System.getenv("AGENTOS_TOKEN") == null) {
            assertThat(ServerConfig.DEFAULT.effectiveHost()).isEqualTo("127.0.0.1");
        }
    }
}
