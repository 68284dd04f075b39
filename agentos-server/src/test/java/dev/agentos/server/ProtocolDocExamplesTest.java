package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every curl example of docs/protocol.md verbatim and compares the answers (a "…" value matches anything). */
class ProtocolDocExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)\\n```\\n(?:\\n```(json|text)\\n(.*?)\\n```)?", Pattern.DOTALL);

    @Test void everyCurlExampleAnswersAsDocumented() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "no curl on this host");
        String doc = Files.readString(Path.of("../docs/protocol.md"));
        Matcher m = BLOCK.matcher(doc);
        List<String[]> examples = new ArrayList<>();
        while (m.find()) examples.add(new String[] {m.group(1), m.group(3), m.group(2)});
        assertThat(examples).hasSizeGreaterThan(20);
        // The VM has a small test web server, webd, standing in for the app the network examples reach,
        // and the scripted ACP test agent, installed as "scripted", for the sessions examples.
        dev.agentos.AgentOsOptions vm = dev.agentos.AgentOsOptions.builder()
                .programs(dev.agentos.kernel.proc.ProgramRegistry.builder().addAll(GuestWebServer.options().extraPrograms())
                        .addAll(dev.agentos.session.ScriptedAcpAgent.PROGRAMS).build())
                .agent(dev.agentos.session.ScriptedAcpAgent.definition("scripted")).build();
        try (ServerHarness h = new ServerHarness(ServerConfig.DEFAULT, vm)) {
            String actor = "";
            String pid = "";
            String preview = "";
            String token = "";
            String session = "";
            for (String[] ex : examples) {
                String cmd = ex[0].replace("localhost:6420", "127.0.0.1:" + h.server.port());
                ProcessBuilder pb = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true);
                pb.environment().putAll(Map.of("ACTOR", actor, "PID", pid, "PREVIEW", preview, "TOKEN", token, "SESSION", session));
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as(cmd).isZero();
                if ("text".equals(ex[2])) {
                    assertThat(out).as(cmd).isEqualTo(ex[1] + "\n");
                    continue;
                }
                JsonNode got = Json.MAPPER.readTree(out);
                if (cmd.contains("/actors") && got.has("actor") && actor.isEmpty()) {
                    actor = got.get("actor").get("actor_id").textValue();
                    startWebServer(h, actor);
                }
                if (cmd.contains("/action/createSignedPreviewUrl")) {
                    preview = got.get("output").get("path").textValue();
                    token = got.get("output").get("token").textValue();
                }
                if (cmd.contains("/action/spawn")) pid = got.get("output").get("pid").asText();
                if (cmd.contains("/action/createSession")) session = got.get("output").get("sessionId").asText();
                if (ex[1] != null) {
                    JsonNode want = Json.MAPPER.readTree(ex[1]);
                    assertThat(matches(want, got)).as("%s%n  documented: %s%n  got:        %s", cmd, want, got).isTrue();
                }
            }
        }
    }

    /** Runs webd on VM port 3000 of the actor and waits until it answers. */
    private static void startWebServer(ServerHarness h, String actor) throws Exception {
        h.send("POST", "/gateway/" + actor + "/action/spawn", "{\"args\":[\"webd\",[\"3000\"]]}", null);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (h.send("POST", "/gateway/" + actor + "/action/vmFetch", "{\"args\":[3000,\"/hello\"]}", null).statusCode() != 200) {
            if (System.nanoTime() > deadline) throw new AssertionError("webd never listened");
            Thread.onSpinWait();
        }
    }

    private static boolean matches(JsonNode want, JsonNode got) {
        if (want.isTextual() && want.textValue().equals("…")) return true;
        if (want.isObject()) {
            if (!got.isObject() || got.size() != want.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!got.has(e.getKey()) || !matches(e.getValue(), got.get(e.getKey()))) return false;
            }
            return true;
        }
        if (want.isArray()) {
            if (!got.isArray() || got.size() != want.size()) return false;
            for (int i = 0; i < want.size(); i++) if (!matches(want.get(i), got.get(i))) return false;
            return true;
        }
        return want.equals(got);
    }
}
