package dev.agentos.server;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsOptions;
import dev.agentos.cron.CronRunner;
import dev.agentos.cron.CronScheduler;
import dev.agentos.cron.CronStore;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.kernel.proc.ProcessState;
import dev.agentos.protocol.Json;
import dev.agentos.server.store.StoreFileSystem;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor: an id, the name and key it was created under, and the VM it owns, booted lazily on first
 * use. Every event of the VM is retained for replay and broadcast to every connected client. With a
 * data directory the VM's own files live in a durable store; an actor idle for its grace period
 * sleeps (VM and store closed, memory freed) and the next use wakes it with its files.
 */
final class Actor {
    private static final Logger LOG = LoggerFactory.getLogger(Actor.class);

    /** Opens the actor's durable filesystem (each wake opens it anew). */
    interface StoreOpener {
        StoreFileSystem open(AgentOsOptions options);
    }

    final String id;
    final String name;
    final String key;
    final OutputLog output;
    final PreviewTokens previews;
    /** The actor's cron jobs; they live with the actor, not its VM, so a due job wakes a sleeping VM. */
    final CronScheduler cron;
    private final AgentOsOptions options;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final StoreOpener storeOpener;
    private final InstantSource clock;
    private final AtomicInteger pendingActions = new AtomicInteger();
    private AgentOs vm;
    private volatile StoreFileSystem store;
    private volatile Instant lastActive;
    private boolean closed;
    private boolean everBooted;

    Actor(String id, String name, String key, AgentOsOptions options, long retentionBytes, PreviewTokens previews,
          StoreOpener storeOpener, InstantSource clock, CronStore cronStore) {
        this.id = id;
        this.name = name;
        this.key = key;
        this.options = options;
        this.output = new OutputLog(retentionBytes);
        this.previews = previews;
        this.storeOpener = storeOpener;
        this.clock = clock;
        this.lastActive = clock.instant();
        this.cron = CronScheduler.start(clock, cronStore, CronRunner.forVm(this::vm),
                e -> broadcast(new AgentOsEvent.CronEvent(CronWire.event(e))));
    }

    /** The actor's VM, booting it (and telling connected clients) on first use or after a sleep. */
    synchronized AgentOs vm() {
        if (closed) throw new WireError(410, "actor", "actor_destroyed", "actor " + id + " was destroyed");
        lastActive = clock.instant();
        if (vm == null) {
            StoreFileSystem s = storeOpener == null ? null : storeOpener.open(options);
            try {
                vm = AgentOs.create(s == null ? options : options.withRootUpper(s));
            } catch (RuntimeException e) {
                if (s != null) s.close();
                throw e;
            }
            store = s;
            everBooted = true;
            output.newGeneration();
            // relaying answers permission requests only while a client is connected to answer them
            vm.onEvent(this::onVmEvent, () -> !subscribers.isEmpty());
            broadcast(new AgentOsEvent.VmBooted());
        }
        return vm;
    }

    /** An action is about to run: the actor is busy until {@link #actionEnded}. */
    void actionStarted() { pendingActions.incrementAndGet(); }

    /** An action ended; its filesystem changes are made durable first (the reply is sent after this). */
    void actionEnded() {
        try {
            StoreFileSystem s = store;
            if (s != null) s.awaitDurable();
        } finally {
            lastActive = clock.instant();
            pendingActions.decrementAndGet();
        }
    }

    /** Whether the VM booted once and is now asleep. */
    synchronized boolean sleeping() { return vm == null && everBooted && !closed; }

    /** Whether the VM is up (not asleep, not yet booted). */
    synchronized boolean awake() { return vm != null; }

    /**
     * Puts the VM to sleep if nothing has used it for {@code grace}: no connected client, no pending
     * action, no running process (an open shell is one). Returns whether it went to sleep.
     */
    synchronized boolean sleepIfIdle(Duration grace) {
        if (vm == null || closed) return false;
        Instant now = clock.instant();
        // pid 1 is the VM's init, always there; any other live process (an open shell is one) keeps it awake.
        boolean busy = pendingActions.get() > 0 || !subscribers.isEmpty() || vm.listProcesses().stream()
                .anyMatch(p -> p.pid() != 1 && p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.EXITED);
        if (busy) {
            lastActive = now;
            return false;
        }
        if (Duration.between(lastActive, now).compareTo(grace) < 0) return false;
        LOG.info("actor {} ({} {}) sleeps after {} idle", id, name, key, grace);
        shutDown("sleep");
        return true;
    }

    private void onVmEvent(dev.agentos.AgentOsEvent e) {
        AgentOsEvent wire = switch (e) {
            case dev.agentos.AgentOsEvent.ProcessOutput o -> {
                output.output(o.pid(), o.stream(), o.data(), o.seq());
                yield new AgentOsEvent.ProcessOutput(o.pid(), o.stream(), o.data(), o.seq());
            }
            case dev.agentos.AgentOsEvent.ProcessExit x -> {
                output.exit(x.pid(), x.exitCode());
                yield new AgentOsEvent.ProcessExit(x.pid(), x.exitCode());
            }
            case dev.agentos.AgentOsEvent.ShellData d -> new AgentOsEvent.ShellData(d.shellId(), d.data(), d.seq());
            case dev.agentos.AgentOsEvent.ShellExit x -> new AgentOsEvent.ShellExit(x.shellId(), x.exitCode());
            case dev.agentos.AgentOsEvent.Cron c -> new AgentOsEvent.CronEvent(CronWire.event(c.event()));
            case dev.agentos.AgentOsEvent.SessionEvent se -> new AgentOsEvent.SessionEvent(se.sessionId(), se.seq(), se.event(), se.createdAt());
            case dev.agentos.AgentOsEvent.PermissionRequested p -> new AgentOsEvent.PermissionRequest(p.sessionId(),
                    SessionActions.wire(p.request()));
        };
        broadcast(wire);
    }

    void broadcast(AgentOsEvent event) {
        if (subscribers.isEmpty()) return;
        String json = eventJson(event);
        for (Subscriber s : subscribers) s.send(json);
    }

    static String eventJson(AgentOsEvent event) {
        // written straight to text (event names are plain identifiers): no intermediate tree per event
        return "{\"type\":\"event\",\"name\":\"" + event.name() + "\",\"data\":" + Json.write(event) + "}";
    }

    void subscribe(Subscriber s) { subscribers.add(s); }

    void unsubscribe(Subscriber s) { subscribers.remove(s); }

    /** Shuts the VM down (telling connected clients why); the actor answers no more actions. */
    synchronized void close(String reason) {
        if (closed) return;
        closed = true;
        cron.close();
        shutDown(reason);
    }

    private void shutDown(String reason) {
        if (vm == null) return;
        broadcast(new AgentOsEvent.VmShutdown(reason));
        try {
            vm.close();
        } finally {
            vm = null;
            StoreFileSystem s = store;
            store = null;
            if (s != null) s.close();
        }
    }
}
