package dev.agentos.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.protocol.AgentOsClientException;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.ErrorBody;
import dev.agentos.protocol.Json;
import dev.agentos.protocol.ProcessOutputList;
import dev.agentos.protocol.ProcessOutputPage;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A live WebSocket to one actor: every event of the actor arrives at the listeners registered here,
 * each process's output in sequence order and never twice. When the socket drops, the connection
 * reconnects and replays what it missed (process output via {@code readProcessOutput}, session events via
 * {@code getSessionEvents}) of every process and session it had heard from and of every process spawned
 * while it was away ({@code listProcessOutputs}), then resumes live delivery. Actions can also be sent
 * over the socket ({@link #call}).
 */
public final class AgentOsConnection implements AutoCloseable {
    private final AgentOsClient client;
    private final AgentOsHandle handle;
    private final List<Consumer<AgentOsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> lastSeq = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSessionSeq = new ConcurrentHashMap<>();
    private final Set<Integer> exited = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** The server's process cursor when this connection last knew every process (from hello, then from replays). */
    private final AtomicLong outputCursor = new AtomicLong(-1);
    private final Object deliveryLock = new Object();
    private List<JsonNode> buffered;          // live frames held back while a replay runs
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile int generation = 1;
    private final java.util.concurrent.atomic.AtomicBoolean reconnecting = new java.util.concurrent.atomic.AtomicBoolean();

    private AgentOsConnection(AgentOsClient client, AgentOsHandle handle) {
        this.client = client;
        this.handle = handle;
    }

    static AgentOsConnection open(AgentOsClient client, AgentOsHandle handle) {
        AgentOsConnection c = new AgentOsConnection(client, handle);
        c.socket = c.dial(c.generation);
        return c;
    }

    // ---- listeners ----

    public AgentOsConnection onEvent(Consumer<AgentOsEvent> l) { listeners.add(l); return this; }

    public AgentOsConnection onProcessOutput(Consumer<AgentOsEvent.ProcessOutput> l) { return on(AgentOsEvent.ProcessOutput.class, l); }

    public AgentOsConnection onProcessExit(Consumer<AgentOsEvent.ProcessExit> l) { return on(AgentOsEvent.ProcessExit.class, l); }

    public AgentOsConnection onShellData(Consumer<AgentOsEvent.ShellData> l) { return on(AgentOsEvent.ShellData.class, l); }

    public AgentOsConnection onShellExit(Consumer<AgentOsEvent.ShellExit> l) { return on(AgentOsEvent.ShellExit.class, l); }

    public AgentOsConnection onCronEvent(Consumer<AgentOsEvent.CronEvent> l) { return on(AgentOsEvent.CronEvent.class, l); }

    public AgentOsConnection onVmBooted(Consumer<AgentOsEvent.VmBooted> l) { return on(AgentOsEvent.VmBooted.class, l); }

    public AgentOsConnection onVmShutdown(Consumer<AgentOsEvent.VmShutdown> l) { return on(AgentOsEvent.VmShutdown.class, l); }

    /** Every event of every session of the actor (seq per session; never delivered twice). */
    public AgentOsConnection onSessionEvent(Consumer<AgentOsEvent.SessionEvent> l) { return on(AgentOsEvent.SessionEvent.class, l); }

    public AgentOsConnection onPermissionRequest(Consumer<AgentOsEvent.PermissionRequest> l) {
        return on(AgentOsEvent.PermissionRequest.class, l);
    }

    private <E extends AgentOsEvent> AgentOsConnection on(Class<E> type, Consumer<E> l) {
        listeners.add(e -> { if (type.isInstance(e)) l.accept(type.cast(e)); });
        return this;
    }

    /** Sends an action over the socket; completes with its output or an {@link AgentOsClientException}. */
    public CompletableFuture<JsonNode> call(String action, Object... args) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Object o : args) a.add(Json.tree(o));
        ObjectNode frame = Json.object().put("type", "action").put("id", id).put("name", action);
        frame.set("args", a);
        synchronized (this) {
            socket.sendText(frame.toString(), true).join();
        }
        return f;
    }

    @Override public void close() {
        closed = true;
        WebSocket s = socket;
        if (s != null) s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(t -> null).join();
        if (s != null) s.abort();
        pending.values().forEach(f -> f.completeExceptionally(new AgentOsClientException("client", "closed", "connection closed", 0, null)));
    }

    /** When set, reconnection waits for it (tests of what happens while the client is away). */
    volatile java.util.concurrent.CountDownLatch reconnectGateForTest;

    /** Drops the socket as a network failure would (tests of reconnection). */
    void dropForTest() {
        WebSocket s = socket;
        s.abort();
        onDropped(generation);
    }

    // ---- socket ----

    private WebSocket dial(int gen) {
        CompletableFuture<Void> hello = new CompletableFuture<>();
        String base = client.endpoint().toString().replaceFirst("^http", "ws");
        WebSocket.Builder b = client.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        client.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
        WebSocket ws = b.buildAsync(URI.create(base + "/gateway/" + handle.actorId() + "/connect"), new Listener(gen, hello)).join();
        try {
            hello.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            ws.abort();
            throw e.getCause() instanceof RuntimeException r ? r : new AgentOsClientException("client", "io_error", e.toString(), 0, null);
        } catch (Exception e) {
            ws.abort();
            throw new AgentOsClientException("client", "io_error", "no hello from server: " + e, 0, null);
        }
        return ws;
    }

    private final class Listener implements WebSocket.Listener {
        private final int gen;
        private final CompletableFuture<Void> hello;
        private final StringBuilder text = new StringBuilder();

        Listener(int gen, CompletableFuture<Void> hello) {
            this.gen = gen;
            this.hello = hello;
        }

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                try {
                    JsonNode n = Json.MAPPER.readTree(frame);
                    if (n.path("type").asText().equals("hello")) {
                        // the first hello fixes where "processes we have not seen" begin; later ones must not move it
                        if (n.has("outputCursor")) outputCursor.compareAndSet(-1, n.get("outputCursor").asLong());
                        hello.complete(null);
                    }
                    else if (n.path("type").asText().equals("error") && !hello.isDone()) {
                        hello.completeExceptionally(AgentOsClientException.of(Json.convert(n, ErrorBody.class), 0));
                    } else frame(n);
                } catch (IOException | RuntimeException e) {
                    // a frame we cannot read is skipped; the stream goes on
                }
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            hello.completeExceptionally(new AgentOsClientException("client", "closed", "closed: " + status + " " + reason, 0, null));
            if (status != 4404 && status != 4401 && status != 4403) onDropped(gen);
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) {
            hello.completeExceptionally(new AgentOsClientException("client", "io_error", error.toString(), 0, null));
            onDropped(gen);
        }
    }

    private void frame(JsonNode n) {
        switch (n.path("type").asText()) {
            case "result" -> {
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asLong());
                if (f != null) f.complete(n.get("output"));
            }
            case "error" -> {
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asLong());
                if (f != null) f.completeExceptionally(AgentOsClientException.of(Json.convert(n, ErrorBody.class), 0));
            }
            case "event" -> {
                synchronized (deliveryLock) {
                    if (buffered != null) buffered.add(n);
                    else event(n);
                }
            }
            default -> { }
        }
    }

    /** Delivers one event frame, dropping output already delivered (by seq) and repeated exits. */
    private void event(JsonNode n) {
        Class<? extends AgentOsEvent> type = AgentOsEvent.typeOf(n.path("name").asText());
        if (type == null) return;
        AgentOsEvent e = Json.convert(n.get("data"), type);
        deliver(e);
    }

    private void deliver(AgentOsEvent e) {
        if (e instanceof AgentOsEvent.ProcessOutput o) {
            long last = lastSeq.getOrDefault(o.pid(), 0L);
            if (o.seq() <= last) return;
            lastSeq.put(o.pid(), o.seq());
        } else if (e instanceof AgentOsEvent.SessionEvent se) {
            long last = lastSessionSeq.getOrDefault(se.sessionId(), 0L);
            if (se.seq() <= last) return;
            lastSessionSeq.put(se.sessionId(), se.seq());
        } else if (e instanceof AgentOsEvent.ProcessExit x) {
            if (!exited.add(x.pid())) return;
            lastSeq.putIfAbsent(x.pid(), 0L);
        }
        for (Consumer<AgentOsEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ignored) {
                // one broken listener must not starve the others
            }
        }
    }

    private void onDropped(int gen) {
        if (closed || gen != generation || !reconnecting.compareAndSet(false, true)) return;
        int myGen = ++generation;
        Thread.ofVirtual().name("agentos-reconnect").start(() -> {
            try {
                reconnect(myGen);
            } finally {
                reconnecting.set(false);
            }
        });
    }

    private void reconnect(int gen) {
        java.util.concurrent.CountDownLatch gate = reconnectGateForTest;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                return;
            }
        }
        long backoff = 50;
        for (int attempt = 0; attempt < 60 && !closed; attempt++) {
            try {
                synchronized (deliveryLock) { buffered = new ArrayList<>(); }
                socket = dial(gen);
                replay();
                return;
            } catch (RuntimeException e) {
                synchronized (deliveryLock) { buffered = null; }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(2000, backoff * 2);
            }
        }
    }

    /** Reads what each known process wrote while the socket was down, then releases held-back frames. */
    private void replay() {
        long cursor = outputCursor.get();
        if (cursor >= 0) {
            try {
                ProcessOutputList news = handle.listProcessOutputs(cursor);
                for (ProcessOutputList.Entry e : news.processes()) lastSeq.putIfAbsent(e.pid(), 0L);
                outputCursor.set(news.cursor());
            } catch (AgentOsClientException e) {
                // an older server without listProcessOutputs: replay the processes we know of
            }
        }
        for (Integer pid : List.copyOf(lastSeq.keySet())) {
            if (exited.contains(pid)) continue;
            try {
                ProcessOutputPage page = handle.readProcessOutput(pid, lastSeq.getOrDefault(pid, 0L));
                synchronized (deliveryLock) {
                    for (ProcessOutputPage.Chunk c : page.chunks()) {
                        deliver(new AgentOsEvent.ProcessOutput(pid, c.stream(), c.data(), c.seq()));
                    }
                    page.exitCode().ifPresent(code -> deliver(new AgentOsEvent.ProcessExit(pid, code)));
                }
            } catch (AgentOsClientException e) {
                // the server forgot this process (retention bound); nothing to replay
            }
        }
        for (String sid : List.copyOf(lastSessionSeq.keySet())) {
            try {
                List<dev.agentos.protocol.SessionEventEntry> missed = handle.getSessionEvents(sid, lastSessionSeq.getOrDefault(sid, 0L));
                synchronized (deliveryLock) {
                    for (dev.agentos.protocol.SessionEventEntry m : missed) {
                        deliver(new AgentOsEvent.SessionEvent(sid, m.seq(), m.event(), m.createdAt()));
                    }
                }
            } catch (AgentOsClientException e) {
                // the session is gone; nothing to replay
            }
        }
        synchronized (deliveryLock) {
            List<JsonNode> held = buffered;
            buffered = null;
            if (held != null) held.forEach(this::event);
        }
    }
}
