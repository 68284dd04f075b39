package dev.agentos.session;

import com.agentclientprotocol.sdk.error.AcpErrorCodes;
import com.agentclientprotocol.sdk.error.AcpProtocolException;
import com.agentclientprotocol.sdk.spec.AcpClientSession;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.AgentOs;
import dev.agentos.AgentOsEvent;
import dev.agentos.AgentOsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The agent sessions of one VM, reached through {@link AgentOs}: starts an installed agent as a guest
 * process, speaks ACP to it as the client (with the official SDK's JSON-RPC session over the process's
 * pipes), answers its file, terminal and permission requests against the VM, and turns every
 * {@code session/update} into a numbered {@link SessionEvent} for listeners, hooks and the store.
 */
public final class Sessions implements AutoCloseable {
    private static final long SETUP_TIMEOUT_MS = 60_000;
    private static final long SMALL_CALL_TIMEOUT_MS = 30_000;
    /** No SDK-level deadline: a prompt runs as long as the agent works; cancelPrompt and exits end it. */
    private static final Duration NO_DEADLINE = Duration.ofDays(3650);

    private final AgentOs vm;
    private final dev.agentos.kernel.Kernel kernel;
    private final SessionConfig config;
    private final Map<String, String> defaultEnv;
    private final Consumer<AgentOsEvent> publish;
    private final BooleanSupplier busListening;
    private final InstantSource clock;
    private final SessionEventStore store;
    private final Map<String, AgentSession> sessions = new ConcurrentHashMap<>();

    /** Made by {@link AgentOs}; {@code busListening} says whether an event listener answers permissions. */
    public Sessions(AgentOs vm, dev.agentos.kernel.Kernel kernel, SessionConfig config, Map<String, String> defaultEnv,
                    InstantSource clock, Consumer<AgentOsEvent> publish, BooleanSupplier busListening) {
        this.vm = vm;
        this.kernel = kernel;
        this.config = config;
        this.defaultEnv = defaultEnv;
        this.clock = clock;
        this.publish = publish;
        this.busListening = busListening;
        this.store = config.eventStore().get();
    }

    public List<AgentDefinition> listAgents() { return config.agents(); }

    private AgentDefinition agent(String type) {
        for (AgentDefinition a : config.agents()) if (a.name().equals(type)) return a;
        throw new AgentOsException("session", "ENOENT", "ENOENT: no agent named '" + type + "' is installed (installed: "
                + String.join(", ", config.agents().stream().map(AgentDefinition::name).toList()) + ")");
    }

    private AgentSession session(String id) {
        AgentSession s = sessions.get(id);
        if (s == null) throw new AgentOsException("session", "ENOENT", "ENOENT: no such session '" + id + "'");
        return s;
    }

    private AgentSession live(String id) {
        AgentSession s = session(id);
        String st = s.state();
        if (st.equals("closed") || st.equals("failed")) {
            throw new AgentOsException("session", "ESRCH", "ESRCH: session '" + id + "' is " + st);
        }
        return s;
    }

    // ---- create ----

    public SessionRecord createSession(String agentType, SessionOptions options) {
        AgentDefinition def = agent(agentType);
        String fresh;
        do {
            fresh = "s-" + HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
        } while (sessions.containsKey(fresh) || store.lastSeq(fresh) > 0);
        String id = fresh;
        String cwd = options.cwd().orElse("/home/agentos");
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.putAll(options.env());
        env.put("PWD", cwd);
        PermissionDesk desk = new PermissionDesk(id, config.permissionPolicy(), config.permissionTimeout(), config.timer(),
                () -> config.hasPermissionHook() || busListening.getAsBoolean(), req -> announce(id, req));
        AgentSession s = new AgentSession(id, agentType, cwd, clock.instant(), store, clock, desk, new Terminals(vm, cwd),
                e -> deliver(id, e));
        PipeTransport transport = new PipeTransport(Json.ACP, s::update);
        AcpClientSession rpc = new AcpClientSession(NO_DEADLINE, transport, handlers(s),
                Map.of(AcpSchema.METHOD_SESSION_UPDATE, params -> {
                    s.update(Json.MAPPER.valueToTree(params));
                    return Mono.empty();
                }), Function.identity());
        AgentProcess p = AgentProcess.start(kernel, def.command(), def.args(), env, cwd, transport::receive);
        transport.attach(p);
        s.attach(p, rpc);
        sessions.put(id, s);
        p.exited().thenAccept(code -> ended(s, code));
        try {
            ObjectNode caps = Json.MAPPER.createObjectNode();
            caps.putObject("fs").put("readTextFile", true).put("writeTextFile", true);
            caps.put("terminal", true);
            ObjectNode init = Json.MAPPER.createObjectNode().put("protocolVersion", AcpSchema.LATEST_PROTOCOL_VERSION);
            init.set("clientCapabilities", caps);
            init.putObject("clientInfo").put("name", "agentos").put("title", "agentOS").put("version", "0.1.0");
            JsonNode initResult = s.call(AcpSchema.METHOD_INITIALIZE, init, SETUP_TIMEOUT_MS);
            ObjectNode newSession = Json.MAPPER.createObjectNode().put("cwd", cwd);
            ArrayNode mcp = newSession.putArray("mcpServers");
            options.mcpServers().forEach(mcp::add);
            ObjectNode meta = newSession.putObject("_meta").putObject("agentos");
            String extra = joinInstructions(config.additionalInstructions(), options.additionalInstructions().orElse(""));
            meta.put("instructions", OsInstructions.text(vm, kernel, cwd, extra));
            meta.put("additionalInstructions", extra);
            JsonNode created = s.call(AcpSchema.METHOD_SESSION_NEW, newSession, SETUP_TIMEOUT_MS);
            s.initialized(initResult, created);
            return s.record();
        } catch (RuntimeException e) {
            s.state("closed");
            sessions.remove(id);
            p.kill();
            throw e;
        }
    }

    private static String joinInstructions(String a, String b) {
        if (a.isBlank()) return b;
        if (b.isBlank()) return a;
        return a + "\n\n" + b;
    }

    /** The agent's process ended: on its own it is a failure (error event), after closeSession it is expected. */
    private void ended(AgentSession s, int code) {
        boolean expected = s.state().equals("closed");
        if (!expected) s.state("failed");
        s.permissions.cancelAll();
        s.terminals.closeAll();
        if (!expected) {
            ObjectNode params = Json.MAPPER.createObjectNode();
            ObjectNode error = params.putObject("error");
            error.put("code", "agent_exited");
            error.put("exitCode", code);
            error.put("message", "agent '" + s.agentType + "' (pid " + s.process().pid() + ") exited with status " + code);
            error.put("stderr", s.process().stderrTail());
            s.system("_agentos/error", params);
        }
        // fails whatever still waits for an answer
        Thread.ofVirtual().start(() -> rpcClose(s));
    }

    private static void rpcClose(AgentSession s) {
        try {
            s.rpcSession().close();
        } catch (RuntimeException e) {
            // nothing left to release
        }
    }

    // ---- the agent's requests ----

    private Map<String, AcpClientSession.RequestHandler<?>> handlers(AgentSession s) {
        Map<String, AcpClientSession.RequestHandler<?>> h = new LinkedHashMap<>();
        h.put(AcpSchema.METHOD_SESSION_REQUEST_PERMISSION,
                params -> Mono.fromFuture(s.permissions.request(Json.MAPPER.valueToTree(params))));
        h.put(AcpSchema.METHOD_FS_READ_TEXT_FILE, params -> sync(() -> readTextFile(
                Json.MAPPER.convertValue(params, AcpSchema.ReadTextFileRequest.class))));
        h.put(AcpSchema.METHOD_FS_WRITE_TEXT_FILE, params -> sync(() -> writeTextFile(
                Json.MAPPER.convertValue(params, AcpSchema.WriteTextFileRequest.class))));
        h.put(AcpSchema.METHOD_TERMINAL_CREATE, params -> sync(() -> s.terminals.create(
                Json.MAPPER.convertValue(params, AcpSchema.CreateTerminalRequest.class))));
        h.put(AcpSchema.METHOD_TERMINAL_OUTPUT, params -> sync(() -> s.terminals.output(
                Json.MAPPER.convertValue(params, AcpSchema.TerminalOutputRequest.class))));
        h.put(AcpSchema.METHOD_TERMINAL_WAIT_FOR_EXIT, params -> Mono.defer(() -> Mono.fromFuture(s.terminals.waitForExit(
                Json.MAPPER.convertValue(params, AcpSchema.WaitForTerminalExitRequest.class)))));
        h.put(AcpSchema.METHOD_TERMINAL_KILL, params -> sync(() -> s.terminals.kill(
                Json.MAPPER.convertValue(params, AcpSchema.KillTerminalCommandRequest.class))));
        h.put(AcpSchema.METHOD_TERMINAL_RELEASE, params -> sync(() -> s.terminals.release(
                Json.MAPPER.convertValue(params, AcpSchema.ReleaseTerminalRequest.class))));
        return h;
    }

    /** Runs a quick handler inline; a VM error becomes a JSON-RPC error carrying the Linux-worded message. */
    private static <T> Mono<T> sync(java.util.concurrent.Callable<T> body) {
        return Mono.defer(() -> {
            try {
                return Mono.just(body.call());
            } catch (AgentOsException e) {
                int code = "ENOENT".equals(e.code()) ? AcpErrorCodes.SESSION_NOT_FOUND : AcpErrorCodes.INTERNAL_ERROR;
                return Mono.error(new AcpProtocolException(code, e.getMessage(), Map.of("errno", e.code())));
            } catch (Exception e) {
                return Mono.error(e);
            }
        });
    }

    private AcpSchema.ReadTextFileResponse readTextFile(AcpSchema.ReadTextFileRequest r) {
        String text = new String(vm.readFile(r.path()), StandardCharsets.UTF_8);
        if (r.line() == null && r.limit() == null) return new AcpSchema.ReadTextFileResponse(text);
        List<String> lines = text.lines().toList();
        int from = Math.max(0, (r.line() == null ? 1 : r.line()) - 1);
        int to = r.limit() == null ? lines.size() : (int) Math.min(lines.size(), (long) from + r.limit());
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) b.append(lines.get(i)).append('\n');
        return new AcpSchema.ReadTextFileResponse(b.toString());
    }

    private AcpSchema.WriteTextFileResponse writeTextFile(AcpSchema.WriteTextFileRequest r) {
        String path = r.path();
        int slash = path.lastIndexOf('/');
        if (slash > 0 && !vm.exists(path.substring(0, slash))) vm.mkdir(path.substring(0, slash), true);
        vm.writeFile(path, r.content() == null ? "" : r.content());
        return new AcpSchema.WriteTextFileResponse();
    }

    // ---- events ----

    private void deliver(String sessionId, SessionEvent e) {
        if (config.onSessionEvent() != null) {
            try {
                config.onSessionEvent().accept(sessionId, e);
            } catch (RuntimeException ex) {
                // a broken hook must not stop the session
            }
        }
        publish.accept(new AgentOsEvent.SessionEvent(sessionId, e.seq(), e.event(), e.createdAt()));
    }

    private void announce(String sessionId, PermissionRequest req) {
        if (config.onPermissionRequest() != null) {
            try {
                config.onPermissionRequest().accept(sessionId, req);
            } catch (RuntimeException ex) {
                // a broken hook must not stop the session
            }
        }
        publish.accept(new AgentOsEvent.PermissionRequested(sessionId, req));
    }

    // ---- operations ----

    /**
     * session/prompt. Agents built with the ACP Java SDK answer a prompt before they clear their
     * "active prompt" mark, so a prompt sent right after the previous answer can be refused with
     * "There is already an active prompt execution"; that refusal is retried for up to a second.
     */
    private static JsonNode promptCall(AgentSession s, ObjectNode params) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (int attempt = 0; ; attempt++) {
            try {
                return s.call(AcpSchema.METHOD_SESSION_PROMPT, params, 0);
            } catch (AgentOsException e) {
                boolean busy = e.code().equals("EPROTO") && e.getMessage().contains("already an active prompt");
                if (!busy || System.nanoTime() > deadline) throw e;
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.min(10_000, 100L << Math.min(attempt, 7))));
            }
        }
    }

    public PromptResult sendPrompt(String sessionId, String text) {
        AgentSession s = live(sessionId);
        s.startPrompt();
        ObjectNode params = Json.MAPPER.createObjectNode().put("sessionId", s.agentSessionId());
        params.putArray("prompt").addObject().put("type", "text").put("text", text);
        JsonNode response;
        try {
            response = promptCall(s, params);
        } catch (AgentOsException e) {
            s.endPrompt();
            if (e.code().equals("EINTR")) cancelPrompt(sessionId);
            throw e;
        } catch (RuntimeException e) {
            s.endPrompt();
            throw e;
        }
        return new PromptResult(response, s.endPrompt());
    }

    /** Sends {@code session/cancel}; pending permission requests are answered {@code cancelled}. */
    public void cancelPrompt(String sessionId) {
        AgentSession s = live(sessionId);
        s.permissions.cancelAll();
        s.notify(AcpSchema.METHOD_SESSION_CANCEL, Map.of("sessionId", s.agentSessionId()));
    }

    public void setMode(String sessionId, String modeId) {
        AgentSession s = live(sessionId);
        s.call(AcpSchema.METHOD_SESSION_SET_MODE, Map.of("sessionId", s.agentSessionId(), "modeId", modeId), SMALL_CALL_TIMEOUT_MS);
        s.modeChanged(modeId);
    }

    public SessionModes getModes(String sessionId) { return session(sessionId).modes(); }

    /**
     * Chooses the model: through the agent's config option of category {@code model} when it offers
     * one ({@code session/set_config_option}), else with {@code session/set_model}.
     */
    public void setModel(String sessionId, String modelId) {
        AgentSession s = live(sessionId);
        for (JsonNode opt : s.newSessionResult().path("configOptions")) {
            if ("model".equals(opt.path("category").asText())) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("sessionId", s.agentSessionId());
                p.put("configId", opt.path("id").asText());
                p.put("value", modelId);
                try {
                    s.call(AcpSchema.METHOD_SESSION_SET_CONFIG_OPTION, p, SMALL_CALL_TIMEOUT_MS);
                    return;
                } catch (AgentOsException e) {
                    if (!e.code().equals("ENOSYS")) throw e;
                }
            }
        }
        s.call(AcpSchema.METHOD_SESSION_SET_MODEL, Map.of("sessionId", s.agentSessionId(), "modelId", modelId), SMALL_CALL_TIMEOUT_MS);
    }

    public void respondPermission(String sessionId, String permissionId, PermissionReply reply) {
        session(sessionId).permissions.respond(permissionId, reply);
    }

    /** Permission requests of a session still waiting for an answer, oldest first. */
    public List<PermissionRequest> pendingPermissions(String sessionId) { return session(sessionId).permissions.pending(); }

    /**
     * Ends a session: {@code session/close} when the agent supports it, then its stdin closes and the
     * agent gets two seconds to exit before it is killed. Its events stay readable.
     */
    public void closeSession(String sessionId) {
        AgentSession s = session(sessionId);
        if (s.state().equals("closed")) return;
        boolean wasLive = !s.state().equals("failed");
        s.state("closed");
        s.permissions.cancelAll();
        s.terminals.closeAll();
        AgentProcess p = s.process();
        if (wasLive && p.alive()) {
            JsonNode close = s.initializeResult().path("agentCapabilities").path("sessionCapabilities").path("close");
            if (!close.isMissingNode() && !close.isNull()) {
                try {
                    s.call(AcpSchema.METHOD_SESSION_CLOSE, Map.of("sessionId", s.agentSessionId()), 5_000);
                } catch (AgentOsException e) {
                    // closing anyway
                }
            }
            p.closeStdin();
            try {
                p.exited().get(2, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.kill();
            } catch (InterruptedException e) {
                p.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    public List<SessionRecord> listSessions() {
        List<SessionRecord> out = new ArrayList<>();
        for (AgentSession s : sessions.values()) out.add(s.record());
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt())
                : a.sessionId().compareTo(b.sessionId()));
        return out;
    }

    public SessionRecord getSession(String sessionId) { return session(sessionId).record(); }

    /** Every event of a session (also after it closed), in order; those with {@code seq > afterSeq}. */
    public List<SessionEvent> getSessionEvents(String sessionId, long afterSeq) {
        if (!sessions.containsKey(sessionId) && store.lastSeq(sessionId) == 0) session(sessionId);
        return store.read(sessionId, afterSeq);
    }

    /** Kills every agent (the VM is closing). */
    @Override public void close() {
        for (AgentSession s : sessions.values()) {
            if (s.state().equals("closed")) continue;
            s.state("closed");
            s.permissions.cancelAll();
            AgentProcess p = s.process();
            if (p != null) p.kill();
        }
    }

}
