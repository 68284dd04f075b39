package dev.agentos.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.AgentOsOptions;
import dev.agentos.cron.CronStore;
import dev.agentos.protocol.ErrorBody;
import dev.agentos.protocol.Json;
import dev.agentos.server.store.ServerData;
import dev.agentos.server.store.StoreFileSystem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actor server: actor types registered by name, actors created on demand by name and key, each
 * owning one VM, reached over HTTP and WebSocket as described in docs/protocol.md.
 * <pre>{@code
 * try (Registry r = Registry.create(ServerConfig.DEFAULT).register("vm", AgentOsOptions.DEFAULT).start()) { ... }
 * }</pre>
 */
public final class Registry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerConfig config;
    private final Tokens tokens;
    private final ActionRunner runner;
    private final InstantSource clock;
    private final Map<String, AgentOsOptions> types = new LinkedHashMap<>();
    private final Map<String, Duration> sleepAfter = new ConcurrentHashMap<>();
    /** The data directory, when the config names one (else actors live in memory only). */
    private final ServerData data;
    private ScheduledExecutorService sleeper;
    private final Map<String, Actor> byId = new ConcurrentHashMap<>();
    private final Map<String, Actor> byNameKey = new ConcurrentHashMap<>();
    private Javalin app;

    private Registry(ServerConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.tokens = new Tokens(config.effectiveAdminToken());
        this.runner = new ActionRunner(config.actionTimeout());
        this.data = config.dataDir().map(ServerData::open).orElse(null);
        if (data != null) {
            data.tokens().forEach(tokens::restore);
            tokens.onMint(data::addToken);
        }
    }

    public static Registry create(ServerConfig config) { return new Registry(config, InstantSource.system()); }

    /** A registry whose preview tokens expire by the given clock (tests). */
    public static Registry create(ServerConfig config, InstantSource clock) { return new Registry(config, clock); }

    /** Registers an actor type: actors created under {@code name} boot their VM with {@code options}. */
    public synchronized Registry register(String name, AgentOsOptions options) {
        return register(name, options, config.sleepAfter());
    }

    /** Registers an actor type whose actors sleep after {@code sleepAfter} with nothing using them. */
    public synchronized Registry register(String name, AgentOsOptions options, Duration sleepAfter) {
        types.put(name, options);
        this.sleepAfter.put(name, sleepAfter);
        return this;
    }

    /** Starts listening; without a registered type, registers {@code vm} with the config's VM options. */
    public synchronized Registry start() {
        if (types.isEmpty()) register("vm", config.vmOptions());
        restoreActors();
        String host = config.effectiveHost();
        app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxTextMessageSize(config.maxBodyBytes());
                f.setIdleTimeout(Duration.ofMinutes(30));
            });
            c.routes.put("/actors", this::putActor);
            c.routes.delete("/actors/{actorId}", this::deleteActor);
            c.routes.post("/actors/{actorId}/tokens", this::mintToken);
            c.routes.post("/gateway/{actorId}/action/{action}", this::action);
            c.routes.ws("/gateway/{actorId}/connect", ws -> {
                ws.onConnect(this::wsConnect);
                ws.onMessage(ctx -> wsMessage(ctx, ctx.message()));
                ws.onClose(this::wsClose);
                ws.onError(this::wsClose);
            });
            new PreviewProxy(this::actor, config.maxBodyBytes()).register(c.routes);
            c.routes.get("/health", ctx -> json(ctx, 200, Map.of("ok", true)));
            c.routes.exception(WireError.class, (e, ctx) -> json(ctx, e.status, e.body));
            c.routes.exception(Exception.class, (e, ctx) -> {
                WireError w = WireError.of(e);
                json(ctx, w.status, w.body);
            });
        });
        app.start(host, config.port());
        sleeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("agentos-sleeper").factory());
        sleeper.scheduleWithFixedDelay(this::sleepIdleActorsQuietly, 1, 1, TimeUnit.SECONDS);
        if (!tokens.enabled()) {
            LOG.warn("agentOS server: no admin token configured (config adminToken or AGENTOS_TOKEN): listening on 127.0.0.1:{} only", port());
        } else {
            LOG.info("agentOS server listening on {}:{}", host, port());
        }
        return this;
    }

    /** The port the server listens on (the ephemeral one when configured with port 0). */
    public int port() { return app.port(); }

    public ServerConfig config() { return config; }

    /** Mints a token limited to one actor (the same as {@code POST /actors/{id}/tokens}). */
    public String mintActorToken(String actorId) {
        actor(actorId);
        return tokens.mint(actorId);
    }

    @Override public synchronized void close() {
        if (sleeper != null) sleeper.shutdownNow();
        for (Actor a : byId.values()) a.close("destroy");
        if (app != null) app.stop();
        runner.close();
        if (data != null) {
            saveOutput();
            data.close();
        }
    }

    // ---- sleep and persistence ----

    /**
     * Puts to sleep every actor idle for its type's grace period (by this registry's clock); returns how
     * many. The server does this every second by itself; tests and benchmarks call it to not wait.
     */
    public int sleepIdleActors() {
        int slept = 0;
        for (Actor a : byId.values()) {
            if (a.sleepIfIdle(sleepAfter.getOrDefault(a.name, config.sleepAfter()))) slept++;
        }
        return slept;
    }

    private void sleepIdleActorsQuietly() {
        try {
            saveOutput();
            sleepIdleActors();
        } catch (RuntimeException e) {
            LOG.warn("sleeping idle actors failed", e);
        }
    }

    /** Saves retained process output that changed (every second, and at close): at most a second is lost to a crash. */
    void saveOutput() {
        if (data == null) return;
        for (Actor a : byId.values()) {
            a.output.drain(new OutputLog.Sink() {
                @Override public void save(dev.agentos.protocol.ProcessOutputPage page) {
                    data.saveOutput(a.id, page.pid(), Json.write(page));
                }

                @Override public void drop(int pid) { data.dropOutput(a.id, pid); }
            });
        }
    }

    /** Actors of a previous run (same ids for the same name and key), asleep until first used. */
    private void restoreActors() {
        if (data == null) return;
        for (ServerData.ActorRecord r : data.actors()) {
            AgentOsOptions options = types.get(r.name());
            if (options == null) {
                LOG.warn("actor {} has type {}, which is not registered: left out", r.id(), r.name());
                continue;
            }
            Actor a = newActor(r.id(), r.name(), r.key(), options);
            byId.put(a.id, a);
            byNameKey.put(r.name() + "\u0000" + r.key(), a);
        }
    }

    private Actor newActor(String id, String name, String key, AgentOsOptions options) {
        PreviewTokens previews = new PreviewTokens(clock, config.preview());
        Actor.StoreOpener opener = null;
        List<String> outputs = List.of();
        if (data != null) {
            data.previews(id).forEach(p -> previews.restore(p.token(), p.port(), p.expiresAt()));
            previews.onChange((token, grant) -> {
                if (grant == null) data.removePreview(token);
                else data.putPreview(new ServerData.PreviewRecord(token, id, grant.port(), grant.expiresAt()));
            });
            outputs = data.outputs(id);
            opener = o -> StoreFileSystem.open(data.actorFile(id), o.clock(), o.limits().fsMaxBytes(),
                    o.limits().fsMaxInodes(), config.storeOptions());
            options = options.withSessions(options.sessions().toBuilder()
                    .eventStore(() -> new dev.agentos.server.store.StoredSessionEvents(data, id)).build());
        }
        Actor a = new Actor(id, name, key, options, config.outputRetentionBytes(), previews, opener, clock, cronStore(id));
        for (String page : outputs) {
            try {
                a.output.restore(Json.MAPPER.readValue(page, dev.agentos.protocol.ProcessOutputPage.class));
            } catch (JsonProcessingException e) {
                LOG.warn("actor {}: unreadable saved process output skipped: {}", id, e.getOriginalMessage());
            }
        }
        return a;
    }

    // ---- routes ----

    private Tokens.Principal auth(Context ctx) {
        return tokens.authenticate(ctx.header("Authorization"), null);
    }

    private void putActor(Context ctx) {
        Tokens.Principal who = auth(ctx);
        JsonNode body = readBody(ctx);
        JsonNode name = body.get("name");
        JsonNode key = body.get("key");
        if (name == null || !name.isTextual() || key == null || !key.isTextual()) {
            throw WireError.request(400, "invalid_body", "expected {\"name\":string,\"key\":string}");
        }
        AgentOsOptions options;
        synchronized (this) { options = types.get(name.textValue()); }
        if (options == null) throw new WireError(404, "actor", "unknown_actor_type", "no actor type named " + name.textValue());
        String nk = name.textValue() + "\u0000" + key.textValue();
        Actor existing = byNameKey.get(nk);
        if (existing != null) {
            who.requireActor(existing.id);
            json(ctx, 200, actorAnswer(existing, false));
            return;
        }
        who.requireAdmin();
        boolean[] created = {false};
        Actor a = byNameKey.computeIfAbsent(nk, k -> {
            created[0] = true;
            Actor n = newActor(newId(), name.textValue(), key.textValue(), options);
            if (data != null) data.addActor(new ServerData.ActorRecord(n.id, n.name, n.key, clock.instant()), clock);
            byId.put(n.id, n);
            return n;
        });
        json(ctx, 200, actorAnswer(a, created[0]));
    }

    private static Map<String, Object> actorAnswer(Actor a, boolean created) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("actor_id", a.id);
        actor.put("name", a.name);
        actor.put("key", a.key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("actor", actor);
        out.put("created", created);
        return out;
    }

    private void deleteActor(Context ctx) {
        Tokens.Principal who = auth(ctx);
        Actor a = actor(ctx.pathParam("actorId"));
        who.requireActor(a.id);
        byId.remove(a.id);
        byNameKey.remove(a.name + "\u0000" + a.key);
        a.close("destroy");
        config.dataDir().ifPresent(dir -> new CronFile(CronFile.of(dir, a.id)).delete());
        if (data != null) data.removeActor(a.id);
        json(ctx, 200, Map.of("destroyed", true));
    }

    private void mintToken(Context ctx) {
        Tokens.Principal who = auth(ctx);
        who.requireAdmin();
        Actor a = actor(ctx.pathParam("actorId"));
        json(ctx, 200, Map.of("token", tokens.mint(a.id), "actor_id", a.id));
    }

    private void action(Context ctx) {
        Tokens.Principal who = auth(ctx);
        Actor a = actor(ctx.pathParam("actorId"));
        who.requireActor(a.id);
        String name = ctx.pathParam("action");
        JsonNode body = readBody(ctx);
        List<JsonNode> args = argsOf(body.get("args"));
        Object output = runner.run(a, name, args);
        ObjectNode answer = Json.object();
        answer.set("output", Json.tree(output));
        ctx.status(200).contentType("application/json").result(answer.toString());
    }

    // ---- WebSocket ----

    private final Map<String, WsConnection> sockets = new ConcurrentHashMap<>();
    /** Bytes of frames one WebSocket client may have waiting before it is disconnected as too slow. */
    volatile long wsMaxQueuedBytes = WsConnection.DEFAULT_MAX_QUEUED_BYTES;
    volatile Duration wsCloseGrace = WsConnection.DEFAULT_CLOSE_GRACE;

    private void wsConnect(WsContext ctx) {
        try {
            Tokens.Principal who = tokens.authenticate(ctx.header("Authorization"), ctx.queryParam("token"));
            Actor a = actor(ctx.pathParam("actorId"));
            who.requireActor(a.id);
            WsConnection c = new WsConnection(ctx, wsMaxQueuedBytes, wsCloseGrace);
            sockets.put(ctx.sessionId(), c);
            a.subscribe(c);
            ctx.attribute("actor", a);
            c.send(Json.object().put("type", "hello").put("actor_id", a.id).put("outputCursor", a.output.cursor()).toString());
            try {
                // a connection wakes a sleeping actor; one never booted still boots on its first action
                if (a.sleeping()) a.vm();
            } catch (RuntimeException e) {
                c.send(errorFrame(null, WireError.of(e).body));
            }
            ctx.enableAutomaticPings(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (WireError e) {
            ctx.send(errorFrame(null, e.body));
            ctx.closeSession(4000 + Math.min(e.status, 999) % 1000, e.body.code());
        }
    }

    private void wsMessage(WsContext ctx, String text) {
        WsConnection c = sockets.get(ctx.sessionId());
        Actor a = ctx.attribute("actor");
        if (c == null || a == null) return;
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            c.send(errorFrame(null, ErrorBody.of("request", "malformed_json", "malformed JSON: " + e.getOriginalMessage())));
            return;
        }
        JsonNode id = frame.get("id");
        if (!frame.path("type").asText().equals("action") || !frame.path("name").isTextual()) {
            c.send(errorFrame(id, ErrorBody.of("request", "invalid_frame", "expected {\"type\":\"action\",\"id\":n,\"name\":...,\"args\":[...]}")));
            return;
        }
        String name = frame.get("name").textValue();
        Thread.ofVirtual().name("ws-action-" + name).start(() -> {
            try {
                Object output = runner.run(a, name, argsOf(frame.get("args")));
                ObjectNode r = Json.object();
                r.put("type", "result");
                r.set("id", id);
                r.set("output", Json.tree(output));
                c.send(r.toString());
            } catch (RuntimeException e) {
                c.send(errorFrame(id, WireError.of(e).body));
            }
        });
    }

    private void wsClose(WsContext ctx) {
        WsConnection c = sockets.remove(ctx.sessionId());
        Actor a = ctx.attribute("actor");
        if (c != null) {
            if (a != null) a.unsubscribe(c);
            c.close();
        }
    }

    private static String errorFrame(JsonNode id, ErrorBody body) {
        ObjectNode r = Json.object();
        r.put("type", "error");
        r.set("id", id);
        r.put("group", body.group());
        r.put("code", body.code());
        r.put("message", body.message());
        r.set("metadata", Json.tree(body.metadata()));
        return r.toString();
    }

    // ---- helpers ----

    /** The actor with this id; 404 actor/actor_not_found when there is none. */
    Actor actor(String id) {
        Actor a = byId.get(id);
        if (a == null) throw new WireError(404, "actor", "actor_not_found", "no actor with id " + id);
        return a;
    }

    private JsonNode readBody(Context ctx) {
        long max = config.maxBodyBytes();
        long declared = ctx.contentLength();
        if (declared > max) throw WireError.request(413, "body_too_large", "request body of " + declared + " bytes exceeds the limit of " + max);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw WireError.request(400, "unreadable_body", "cannot read request body: " + e.getMessage());
        }
        if (bytes.length > max) throw WireError.request(413, "body_too_large", "request body exceeds the limit of " + max + " bytes");
        if (bytes.length == 0) return Json.object();
        try {
            JsonNode n = Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) throw WireError.request(400, "invalid_body", "the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw WireError.request(400, "malformed_json", "malformed JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static List<JsonNode> argsOf(JsonNode args) {
        if (args == null || args.isNull()) return List.of();
        if (!args.isArray()) throw WireError.invalidArgs("\"args\" must be an array");
        List<JsonNode> out = new ArrayList<>(args.size());
        args.forEach(out::add);
        return out;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** Where an actor keeps its cron jobs: a file under the data directory, or nowhere without one. */
    private CronStore cronStore(String actorId) {
        return config.dataDir().<CronStore>map(dir -> new CronFile(CronFile.of(dir, actorId))).orElseGet(CronStore::none);
    }

    private static String newId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
