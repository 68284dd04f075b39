package dev.agentos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal ACP agent for the sessions benchmark: plain JSON-RPC lines handled on the guest process's
 * own (virtual) thread, no SDK. Next to the SDK-built scripted agent it separates what agentOS's client
 * side costs from what the agent's own threading costs. Prompts: {@code say TEXT}, {@code chunks N}.
 */
final class LineAgent implements Program {
    static final String NAME = "acp-line-agent";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public int run(ProcessContext ctx) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8));
        OutputStream out = new BufferedOutputStream(ctx.stdout(), 64 * 1024);
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode msg = JSON.readTree(line);
            if (!msg.has("id")) continue;   // notifications (session/cancel) need no answer here
            String method = msg.path("method").asText();
            ObjectNode result = JSON.createObjectNode();
            switch (method) {
                case "initialize" -> result.put("protocolVersion", 1).putObject("agentCapabilities");
                case "session/new" -> result.put("sessionId", "line-1");
                case "session/prompt" -> {
                    String text = msg.path("params").path("prompt").path(0).path("text").asText();
                    if (text.startsWith("chunks ")) {
                        int n = Integer.parseInt(text.substring(7).strip());
                        for (int i = 1; i <= n; i++) chunk(out, "c" + i + " ");
                    } else {
                        chunk(out, text.startsWith("say ") ? text.substring(4) : text);
                    }
                    result.put("stopReason", "end_turn");
                }
                default -> {
                    ObjectNode err = JSON.createObjectNode().put("jsonrpc", "2.0");
                    err.set("id", msg.get("id"));
                    err.putObject("error").put("code", -32601).put("message", "Method not found: " + method);
                    write(out, err);
                    continue;
                }
            }
            ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
            reply.set("id", msg.get("id"));
            reply.set("result", result);
            write(out, reply);
        }
        return 0;
    }

    private static void chunk(OutputStream out, String text) throws Exception {
        ObjectNode note = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "session/update");
        ObjectNode update = note.putObject("params").put("sessionId", "line-1").putObject("update");
        update.put("sessionUpdate", "agent_message_chunk").putObject("content").put("type", "text").put("text", text);
        write(out, note);
    }

    /** One message per line, flushed at once (as an agent streaming tokens would). */
    private static void write(OutputStream out, JsonNode msg) throws Exception {
        out.write(JSON.writeValueAsBytes(msg));
        out.write('\n');
        out.flush();
    }
}
