package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written ACP agent (plain JSON-RPC lines, no SDK) that offers its model as a config option of
 * category {@code model}, which the SDK's agent records cannot express: setModel must use
 * {@code session/set_config_option} with it. Any prompt answers with the current model.
 */
final class ConfigOptionAgent implements Program {
    static final String NAME = "acp-config-option";

    @Override public int run(ProcessContext ctx) throws Exception {
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8));
        OutputStream out = ctx.stdout();
        String model = "m-small";
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode msg = json.readTree(line);
            String method = msg.path("method").asText();
            ObjectNode result = json.createObjectNode();
            switch (method) {
                case "initialize" -> result.put("protocolVersion", 1).putObject("agentCapabilities");
                case "session/new" -> {
                    result.put("sessionId", "cfg-1");
                    ObjectNode opt = result.putArray("configOptions").addObject();
                    opt.put("id", "model-choice").put("name", "Model").put("category", "model").put("type", "select")
                            .put("currentValue", model);
                }
                case "session/set_config_option" -> {
                    if (msg.path("params").path("configId").asText().equals("model-choice")) model = msg.path("params").path("value").asText();
                    result.putArray("configOptions");
                }
                case "session/prompt" -> {
                    ObjectNode note = json.createObjectNode().put("jsonrpc", "2.0").put("method", "session/update");
                    ObjectNode update = note.putObject("params").put("sessionId", "cfg-1").putObject("update");
                    update.put("sessionUpdate", "agent_message_chunk").putObject("content").put("type", "text").put("text", model);
                    out.write((note + "\n").getBytes(StandardCharsets.UTF_8));
                    result.put("stopReason", "end_turn");
                }
                default -> {
                    if (!msg.has("id")) continue;
                    ObjectNode err = json.createObjectNode().put("jsonrpc", "2.0");
                    err.set("id", msg.get("id"));
                    err.putObject("error").put("code", -32601).put("message", "Method not found: " + method);
                    out.write((err + "\n").getBytes(StandardCharsets.UTF_8));
                    continue;
                }
            }
            ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0");
            reply.set("id", msg.get("id"));
            reply.set("result", result);
            out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }
}
