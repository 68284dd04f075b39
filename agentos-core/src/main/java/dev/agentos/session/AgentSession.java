package dev.agentos.session;

import com.agentclientprotocol.sdk.json.TypeRef;
import com.agentclientprotocol.sdk.spec.AcpClientSession;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.AgentOsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One live session: the agent's process, the SDK's JSON-RPC session over its pipes, the event log
 * (numbered here, kept in the store), the text of the running prompt, its permission desk and
 * terminals. Events are emitted one at a time, in order.
 */
final class AgentSession {
    static final TypeRef<JsonNode> JSON_NODE = new TypeRef<>() { };

    final String id;
    final String agentType;
    final String cwd;
    final Instant createdAt;
    final PermissionDesk permissions;
    final Terminals terminals;
    private final SessionEventStore store;
    private final Consumer<SessionEvent> onEvent;
    private final java.time.InstantSource clock;
    private volatile AgentProcess process;
    private volatile AcpClientSession rpc;
    private volatile String agentSessionId = "";
    private volatile JsonNode initializeResult;
    private volatile JsonNode newSessionResult;
    private volatile SessionModes modes = SessionModes.NONE;
    private volatile String state = "starting";
    private long seq;
    private StringBuilder promptText;   // guarded by this

    AgentSession(String id, String agentType, String cwd, Instant createdAt, SessionEventStore store, java.time.InstantSource clock,
                 PermissionDesk permissions, Terminals terminals, Consumer<SessionEvent> onEvent) {
        this.id = id;
        this.agentType = agentType;
        this.cwd = cwd;
        this.createdAt = createdAt;
        this.store = store;
        this.clock = clock;
        this.permissions = permissions;
        this.terminals = terminals;
        this.onEvent = onEvent;
        this.seq = store.lastSeq(id);
    }

    void attach(AgentProcess p, AcpClientSession session) {
        this.process = p;
        this.rpc = session;
    }

    AgentProcess process() { return process; }

    AcpClientSession rpcSession() { return rpc; }

    String state() { return state; }

    void state(String s) { state = s; }

    SessionModes modes() { return modes; }

    JsonNode initializeResult() { return initializeResult; }

    SessionRecord record() {
        AgentProcess p = process;
        return new SessionRecord(id, agentType, agentSessionId, p == null ? 0 : p.pid(), cwd, createdAt, state);
    }

    String agentSessionId() { return agentSessionId; }

    // ---- ACP calls ----

    /** Sends a request and waits for the result; the agent's exit or an error reply fails it. */
    JsonNode call(String method, Object params, long timeoutMillis) {
        CompletableFuture<JsonNode> f = rpc.sendRequest(method, params, JSON_NODE).toFuture();
        try {
            JsonNode r = timeoutMillis > 0 ? f.get(timeoutMillis, TimeUnit.MILLISECONDS) : f.get();
            return r == null ? Json.MAPPER.nullNode() : r;
        } catch (TimeoutException e) {
            throw new AgentOsException("session", "ETIMEDOUT", "ETIMEDOUT: agent '" + agentType + "' did not answer "
                    + method + " within " + timeoutMillis + " ms (session " + id + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentOsException("session", "EINTR", "EINTR: interrupted while waiting for " + method + " (session " + id + ")");
        } catch (ExecutionException e) {
            throw failure(method, e.getCause());
        }
    }

    void notify(String method, Object params) {
        rpc.sendNotification(method, params).subscribe();
    }

    AgentOsException failure(String method, Throwable cause) {
        if (cause instanceof AcpClientSession.AcpError err) {
            AcpSchema.JSONRPCError e = err.getError();
            String code = e.code() == -32601 ? "ENOSYS" : "EPROTO";
            return new AgentOsException("session", code, code + ": agent '" + agentType + "' answered " + method
                    + " with error " + e.code() + ": " + e.message());
        }
        if ("failed".equals(state) || "closed".equals(state)) {
            AgentProcess p = process;
            String how = p != null && p.exited().isDone() ? " (exit status " + p.exited().join() + ")" : "";
            return new AgentOsException("session", "ECONNRESET", "ECONNRESET: agent '" + agentType + "' of session " + id
                    + " is gone" + how + "; " + method + " got no answer");
        }
        return new AgentOsException("session", "EIO", "EIO: " + method + " failed: " + cause);
    }

    void initialized(JsonNode init, JsonNode newSession) {
        this.initializeResult = init;
        this.newSessionResult = newSession;
        this.agentSessionId = newSession.path("sessionId").asText();
        this.modes = modesOf(newSession.path("modes"));
        this.state = "ready";
    }

    JsonNode newSessionResult() { return newSessionResult; }

    void modeChanged(String modeId) { modes = modes.withCurrent(modeId); }

    private static SessionModes modesOf(JsonNode m) {
        if (!m.isObject()) return SessionModes.NONE;
        List<SessionModes.Mode> list = new ArrayList<>();
        for (JsonNode x : m.path("availableModes")) {
            list.add(new SessionModes.Mode(x.path("id").asText(), x.path("name").asText(), x.path("description").asText("")));
        }
        return new SessionModes(m.path("currentModeId").asText(""), list);
    }

    // ---- prompt text and events ----

    synchronized void startPrompt() {
        if (promptText != null) {
            throw new AgentOsException("session", "EBUSY", "EBUSY: a prompt is already running in session " + id);
        }
        promptText = new StringBuilder();
        state = "prompting";
    }

    synchronized String endPrompt() {
        String t = promptText == null ? "" : promptText.toString();
        promptText = null;
        if ("prompting".equals(state)) state = "ready";
        return t;
    }

    /** A {@code session/update} from the agent (params as sent). */
    void update(JsonNode params) {
        JsonNode u = params.path("update");
        String kind = u.path("sessionUpdate").asText();
        if (kind.equals("current_mode_update")) modeChanged(u.path("currentModeId").asText());
        ObjectNode event = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "session/update");
        event.set("params", params);
        synchronized (this) {
            if (kind.equals("agent_message_chunk") && promptText != null && u.path("content").path("type").asText().equals("text")) {
                promptText.append(u.path("content").path("text").asText());
            }
            emit(event);
        }
    }

    /** An event agentOS adds itself ({@code _agentos/...}). */
    synchronized void system(String method, ObjectNode params) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        params.put("sessionId", id);
        event.set("params", params);
        emit(event);
    }

    private void emit(JsonNode event) {
        SessionEvent e = new SessionEvent(++seq, event, clock.instant());
        store.append(id, e);
        onEvent.accept(e);
    }
}
