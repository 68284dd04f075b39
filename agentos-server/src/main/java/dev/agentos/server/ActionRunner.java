package dev.agentos.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one action against an actor: looks it up, checks and reads its arguments, then runs the call on
 * a virtual thread bounded by the action timeout. On timeout the call is interrupted (an exec waiting
 * for its process kills it) and the caller gets {@code actor/action_timed_out}; the actor stays up.
 */
final class ActionRunner {
    private final Duration timeout;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("action-", 0).factory());

    ActionRunner(Duration timeout) {
        this.timeout = timeout;
    }

    Object run(Actor actor, String name, List<JsonNode> args) {
        Actions.Spec spec = Actions.find(name)
                .orElseThrow(() -> WireError.request(404, "unknown_action", "unknown action: " + name));
        if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
            String want = spec.minArgs() == spec.maxArgs() ? String.valueOf(spec.minArgs()) : spec.minArgs() + " to " + spec.maxArgs();
            throw WireError.invalidArgs(name + ": expected " + want + " arguments, got " + args.size());
        }
        Actions.Call call = spec.action().bind(new Args(name, args));
        Future<Object> f;
        actor.actionStarted();
        try {
            actor.vm();   // booting (or waking) is not the action's time
            // The reply waits for the action's filesystem changes to be durable (actionEnded).
            f = threads.submit(() -> {
                try {
                    return call.run(actor);
                } finally {
                    actor.actionEnded();
                }
            });
        } catch (RuntimeException | Error e) {
            actor.actionEnded();
            throw e;
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new WireError(504, "actor", "action_timed_out", name + ": action timed out after " + describe(timeout));
        } catch (ExecutionException e) {
            throw WireError.of(e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new WireError(503, "actor", "interrupted", name + ": interrupted");
        }
    }

    private static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0) return d.toMinutes() + " min";
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + " s";
        return d.toMillis() + " ms";
    }

    void close() {
        threads.shutdownNow();
    }
}
