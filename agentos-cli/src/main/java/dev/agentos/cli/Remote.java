package dev.agentos.cli;

import dev.agentos.client.AgentOsClient;
import dev.agentos.client.AgentOsHandle;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The server a remote subcommand talks to: {@code --endpoint} and {@code --token}, defaulting to
 * {@code AGENTOS_ENDPOINT} / {@code AGENTOS_TOKEN} and then to a local server without a token.
 */
final class Remote {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:6420";

    @Option(names = "--endpoint", paramLabel = "URL", description = "Server URL (default: $AGENTOS_ENDPOINT, else " + DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (default: $AGENTOS_TOKEN).")
    String token;

    String endpoint() {
        return Optional.ofNullable(endpoint).or(() -> env("AGENTOS_ENDPOINT")).orElse(DEFAULT_ENDPOINT);
    }

    AgentOsClient client() {
        Optional<String> t = Optional.ofNullable(token).or(() -> env("AGENTOS_TOKEN"));
        return t.isPresent() ? AgentOsClient.create(endpoint(), t.get()) : AgentOsClient.create(endpoint());
    }

    /** The VM actor with this key, created on first use. */
    AgentOsHandle vm(String key) {
        return client().actor("vm").getOrCreate(key);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
