package dev.agentos.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code createSession} on the wire: the agent's cwd (default {@code /home/agentos}), extra
 * environment for the agent process, ACP {@code McpServer} objects passed to {@code session/new} as
 * given, and instructions appended to the OS instructions (after the actor's own).
 */
public record SessionOptions(Optional<String> cwd, Map<String, String> env, List<JsonNode> mcpServers,
                             Optional<String> additionalInstructions) {
    public static final SessionOptions DEFAULT = new SessionOptions(null, null, null, null);

    public SessionOptions {
        cwd = cwd == null ? Optional.empty() : cwd;
        env = env == null ? Map.of() : Map.copyOf(env);
        mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
        additionalInstructions = additionalInstructions == null ? Optional.empty() : additionalInstructions;
    }

    public SessionOptions withCwd(String dir) { return new SessionOptions(Optional.of(dir), env, mcpServers, additionalInstructions); }
    public SessionOptions withEnv(Map<String, String> e) { return new SessionOptions(cwd, e, mcpServers, additionalInstructions); }
    public SessionOptions withMcpServers(List<JsonNode> s) { return new SessionOptions(cwd, env, s, additionalInstructions); }
    public SessionOptions withAdditionalInstructions(String text) {
        return new SessionOptions(cwd, env, mcpServers, Optional.of(text));
    }
}
