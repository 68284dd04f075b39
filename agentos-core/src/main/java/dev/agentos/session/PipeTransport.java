package dev.agentos.session;

import com.agentclientprotocol.sdk.json.AcpJsonMapper;
import com.agentclientprotocol.sdk.json.TypeRef;
import com.agentclientprotocol.sdk.spec.AcpClientTransport;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import java.io.IOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The ACP SDK's client transport over an agent's guest pipes (the SDK's own stdio transport starts a
 * host process, which a VM must never do). Each line is one JSON-RPC message; incoming messages are
 * handed to the SDK on the reader thread, in order, so a {@code session/prompt} response is handled
 * only after every {@code session/update} the agent sent before it.
 */
final class PipeTransport implements AcpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PipeTransport.class);

    private final AcpJsonMapper mapper;
    private volatile Function<Mono<AcpSchema.JSONRPCMessage>, Mono<AcpSchema.JSONRPCMessage>> handler;
    private volatile AgentProcess process;
    private final java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> onUpdate;

    /**
     * {@code onUpdate} gets the params of every {@code session/update} straight from one parse of the
     * line: the hot path of a streaming agent skips the SDK's map-then-record decoding (twice per
     * message); every other message goes through the SDK.
     */
    PipeTransport(AcpJsonMapper mapper, java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> onUpdate) {
        this.mapper = mapper;
        this.onUpdate = onUpdate;
    }

    void attach(AgentProcess p) { this.process = p; }

    @Override public Mono<Void> connect(Function<Mono<AcpSchema.JSONRPCMessage>, Mono<AcpSchema.JSONRPCMessage>> h) {
        this.handler = h;
        return Mono.empty();
    }

    /** One line the agent wrote on stdout. */
    void receive(String line) {
        if (line.contains("\"session/update\"")) {
            try {
                com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(line);
                if (AcpSchema.METHOD_SESSION_UPDATE.equals(n.path("method").asText()) && !n.has("id") && n.path("params").isObject()) {
                    onUpdate.accept(n.get("params"));
                    return;
                }
            } catch (IOException e) {
                LOG.debug("agent wrote a line that is not JSON: {}", line);
                return;
            }
        }
        AcpSchema.JSONRPCMessage msg;
        try {
            msg = AcpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("agent wrote a line that is not JSON-RPC: {}", line);
            return;
        }
        handler.apply(Mono.just(msg)).subscribe(v -> { }, e -> LOG.debug("ACP message failed: {}", e.toString()));
    }

    @Override public Mono<Void> sendMessage(AcpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                // JSON text never holds a raw newline (strings escape it), so one message is one line
                process.send(mapper.writeValueAsString(message));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            AgentProcess p = process;
            if (p != null) p.closeStdin();
        });
    }

    @Override public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }
}
