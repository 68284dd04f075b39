package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@code createSession}: the agent's working directory (default {@code /home/agentos}),
 * extra environment for the agent process, MCP servers handed to the agent in {@code session/new}
 * (ACP's {@code McpServer} objects, passed through as given), and instructions appended to the OS
 * instructions the agent receives.
 */
public record SessionOptions(Optional<String> cwd, Map<String, String> env, List<JsonNode> mcpServers,
                             Optional<String> additionalInstructions) {
    public static final SessionOptions DEFAULT = builder().build();

    public SessionOptions {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        mcpServers = List.copyOf(mcpServers);
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private String cwd;
        private final Map<String, String> env = new LinkedHashMap<>();
        private List<JsonNode> mcpServers = List.of();
        private String additionalInstructions;

        public Builder cwd(String cwd) { this.cwd = cwd; return this; }
        public Builder env(String name, String value) { env.put(name, value); return this; }
        public Builder env(Map<String, String> all) { env.putAll(all); return this; }
        public Builder mcpServers(List<JsonNode> servers) { this.mcpServers = servers; return this; }
        public Builder additionalInstructions(String text) { this.additionalInstructions = text; return this; }

        public SessionOptions build() {
            return new SessionOptions(Optional.ofNullable(cwd), env, mcpServers, Optional.ofNullable(additionalInstructions));
        }
    }
}
