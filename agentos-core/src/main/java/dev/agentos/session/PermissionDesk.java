package dev.agentos.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.AgentOsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The permission requests of one session: each agent {@code session/request_permission} gets an id and
 * waits for {@code once}/{@code always}/{@code reject} (mapped to the agent's {@code allow_once},
 * {@code allow_always}, {@code reject_once} options), a timeout (rejected), a cancel (answered
 * {@code cancelled}), or is decided at once: by an earlier {@code always} for the same kind of request,
 * or by the policy when nobody listens.
 */
final class PermissionDesk {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String sessionId;
    private final PermissionPolicy policy;
    private final Duration timeout;
    private final SessionTimer timer;
    private final BooleanSupplier anyoneListening;
    private final Consumer<PermissionRequest> announce;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> alwaysAllowed = ConcurrentHashMap.newKeySet();

    private record Pending(PermissionRequest request, String kind, CompletableFuture<JsonNode> answer,
                           SessionTimer.Cancellable[] timeout) {}

    PermissionDesk(String sessionId, PermissionPolicy policy, Duration timeout, SessionTimer timer,
                   BooleanSupplier anyoneListening, Consumer<PermissionRequest> announce) {
        this.sessionId = sessionId;
        this.policy = policy;
        this.timeout = timeout;
        this.timer = timer;
        this.anyoneListening = anyoneListening;
        this.announce = announce;
    }

    /** Answers an agent's request; the future completes with the JSON-RPC result for the agent. */
    CompletableFuture<JsonNode> request(JsonNode params) {
        JsonNode toolCall = params.path("toolCall");
        String kind = kindOf(toolCall);
        JsonNode options = params.path("options");
        if (alwaysAllowed.contains(kind)) {
            return CompletableFuture.completedFuture(select(options, "allow_always", "allow_once"));
        }
        boolean listening = anyoneListening.getAsBoolean();
        if (!listening && policy == PermissionPolicy.ALLOW_ALL) {
            return CompletableFuture.completedFuture(select(options, "allow_once", "allow_always"));
        }
        if (!listening && policy == PermissionPolicy.REJECT_ALL) {
            return CompletableFuture.completedFuture(select(options, "reject_once", "reject_always"));
        }
        String id = "perm-" + ids.incrementAndGet();
        String title = toolCall.path("title").asText("");
        PermissionRequest req = new PermissionRequest(id, title.isEmpty() ? "permission for " + kind : title, params);
        Pending p = new Pending(req, kind, new CompletableFuture<>(), new SessionTimer.Cancellable[1]);
        pending.put(id, p);
        p.timeout()[0] = timer.schedule(timeout, () -> {
            if (pending.remove(id) != null) p.answer().complete(select(options, "reject_once", "reject_always"));
        });
        announce.accept(req);
        return p.answer();
    }

    void respond(String permissionId, PermissionReply reply) {
        Pending p = pending.remove(permissionId);
        if (p == null) {
            throw new AgentOsException("session", "ENOENT", "ENOENT: no pending permission request " + permissionId
                    + " in session " + sessionId + " (answered, timed out or cancelled)");
        }
        cancelTimeout(p);
        JsonNode options = p.request().params().path("options");
        JsonNode answer = switch (reply) {
            case ONCE -> select(options, "allow_once", "allow_always");
            case ALWAYS -> {
                alwaysAllowed.add(p.kind());
                yield select(options, "allow_always", "allow_once");
            }
            case REJECT -> select(options, "reject_once", "reject_always");
        };
        p.answer().complete(answer);
    }

    /**
     * Stops a request's timeout. An answer can come before the timeout is even scheduled (a client sees
     * the request as soon as it is pending); the timeout then finds nothing pending and does nothing.
     */
    private static void cancelTimeout(Pending p) {
        SessionTimer.Cancellable c = p.timeout()[0];
        if (c != null) c.cancel();
    }

    /** Answers every pending request {@code cancelled} (the prompt was cancelled or the session ends). */
    void cancelAll() {
        for (String id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p == null) continue;
            cancelTimeout(p);
            p.answer().complete(cancelled());
        }
    }

    List<PermissionRequest> pending() {
        List<PermissionRequest> out = new ArrayList<>();
        for (Pending p : pending.values()) out.add(p.request());
        out.sort((a, b) -> Long.compare(num(a.permissionId()), num(b.permissionId())));
        return out;
    }

    private static long num(String id) { return Long.parseLong(id.substring(id.indexOf('-') + 1)); }

    /** "That kind of request": the tool kind (edit, execute, ...), else the title. */
    private static String kindOf(JsonNode toolCall) {
        String k = toolCall.path("kind").asText("");
        if (!k.isEmpty()) return "kind:" + k;
        return "title:" + toolCall.path("title").asText("");
    }

    /** The result selecting the first option of the preferred kind, else of the fallback kind, else cancelled. */
    private static JsonNode select(JsonNode options, String kind, String fallback) {
        for (String want : new String[] {kind, fallback}) {
            for (JsonNode o : options) {
                if (want.equals(o.path("kind").asText())) {
                    ObjectNode outcome = JSON.objectNode().put("outcome", "selected").put("optionId", o.path("optionId").asText());
                    return JSON.objectNode().set("outcome", outcome);
                }
            }
        }
        return cancelled();
    }

    private static JsonNode cancelled() {
        return JSON.objectNode().set("outcome", JSON.objectNode().put("outcome", "cancelled"));
    }
}
