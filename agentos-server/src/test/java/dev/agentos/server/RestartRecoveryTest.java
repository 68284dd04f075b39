package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server restarted on its data directory brings every actor back, same id, same files; a broken store fails alone. */
class RestartRecoveryTest {
    @TempDir Path data;
    private final ManualClock clock = new ManualClock();

    @Test void actorsComeBackWithTheSameIdsFilesAndTokens() throws Exception {
        String id;
        String token;
        int pid;
        JsonNode page;
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            id = s.actor("keeper");
            s.writeFile(id, "/home/agentos/a.txt", "kept");
            s.ok(id, "exec", "[\"mkdir -p /workspace/x && echo deep > /workspace/x/y && rm /etc/motd 2>/dev/null; chmod 600 /home/agentos/a.txt\"]");
            token = s.server.mintActorToken(id);
            s.ok(id, "createSignedPreviewUrl", "[8080, 600]");
            pid = s.ok(id, "spawn", "[\"echo\", [\"said before the restart\"]]").get("pid").intValue();
            s.ok(id, "waitProcess", "[" + pid + "]");
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                page = s.ok(id, "readProcessOutput", "[" + pid + "]");
            } while (page.path("exitCode").isNull() && System.nanoTime() < deadline);
            assertThat(page.get("exitCode").intValue()).isZero();
        }
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            JsonNode again = s.putActor("keeper");
            assertThat(again.get("actor").get("actor_id").textValue()).isEqualTo(id);
            assertThat(again.get("created").booleanValue()).isFalse();
            assertThat(s.readFile(id, "/home/agentos/a.txt")).isEqualTo("kept");
            assertThat(s.ok(id, "exec", "[\"cat /workspace/x/y; stat -c %a /home/agentos/a.txt\"]").get("stdout").textValue())
                    .isEqualTo("deep\n600\n");
            assertThat(s.send("POST", "/gateway/" + id + "/action/exists", "{\"args\":[\"/home/agentos/a.txt\"]}", token)
                    .statusCode()).as("the actor token minted before the restart").isEqualTo(200);
            assertThat(s.send("POST", "/gateway/" + id + "/action/exists", "{\"args\":[\"/\"]}", "act_unknown").statusCode())
                    .isEqualTo(401);
            assertThat(s.ok(id, "readProcessOutput", "[" + pid + "]")).as("retained output").isEqualTo(page);
        }
    }

    @Test void aCorruptOrMissingStoreFailsThatActorOnlyNamingTheFile() throws Exception {
        String good;
        String bad;
        String gone;
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            good = s.actor("good");
            bad = s.actor("bad");
            gone = s.actor("gone");
            for (String id : new String[] {good, bad, gone}) s.writeFile(id, "/home/agentos/f", id);
        }
        Path badFile = data.resolve("actors").resolve(bad + ".db");
        Files.write(badFile, "not a database at all, sorry".repeat(200).getBytes());
        Files.deleteIfExists(Path.of(badFile + "-wal"));
        Files.deleteIfExists(Path.of(badFile + "-shm"));
        Path goneFile = data.resolve("actors").resolve(gone + ".db");
        Files.delete(goneFile);
        try (DurableActorFixture s = new DurableActorFixture(data, clock)) {
            HttpResponse<String> r = s.action(bad, "readFile", "[\"/home/agentos/f\"]");
            assertThat(r.statusCode()).isEqualTo(500);
            JsonNode err = Json.MAPPER.readTree(r.body());
            assertThat(err.get("group").textValue()).isEqualTo("actor");
            assertThat(err.get("code").textValue()).isEqualTo("store_corrupt");
            assertThat(err.get("message").textValue()).contains(badFile.toString());

            JsonNode missing = Json.MAPPER.readTree(s.action(gone, "exec", "[\"true\"]").body());
            assertThat(missing.get("code").textValue()).isEqualTo("store_corrupt");
            assertThat(missing.get("message").textValue()).contains("missing").contains(goneFile.toString());

            assertThat(s.readFile(good, "/home/agentos/f")).isEqualTo(good);
        }
    }
}
