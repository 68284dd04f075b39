package dev.agentos.server;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsOptions;
import dev.agentos.cron.CronRunner;
import dev.agentos.cron.CronScheduler;
import dev.agentos.cron.CronStore;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.Json;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One actor: an id, the name and key it was created under, and the VM it owns, booted lazily on first
 * use. Every event of the VM is retained for replay and broadcast to every connected client.
 */
final class Actor {
    final String id;
    final String name;
    final String key;
    final OutputLog output;
    final PreviewTokens previews;
    /** The actor's cron jobs; they live with the actor, not its VM, so a due job wakes a sleeping VM. */
    final CronScheduler cron;
    private final AgentOsOptions options;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private AgentOs vm;
    private boolean closed;

    Actor(String id, String name, String key, AgentOsOptions options, long retentionBytes, PreviewTokens previews,
          InstantSource clock, CronStore cronStore) {
        this.id = id;
        this.name = name;
        this.key = key;
        this.options = options;
        this.output = new OutputLog(retentionBytes);
        this.previews = previews;
        this.cron = CronScheduler.start(clock, cronStore, CronRunner.forVm(this::vm),
                e -> broadcast(new AgentOsEvent.CronEvent(CronWire.event(e))));
    }

    /** The actor's VM, booting it (and telling connected clients) on first use. */
    synchronized AgentOs vm() {
        if (closed) throw new WireError(410, "actor", "actor_destroyed", "actor " + id + " was destroyed");
        if (vm == null) {
            vm = AgentOs.create(options);
            // relaying answers permission requests only while a client is connected to answer them
            vm.onEvent(this::onVmEvent, () -> !subscribers.isEmpty());
            broadcast(new AgentOsEvent.VmBooted());
        }
        return vm;
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
        if (vm != null) {
            broadcast(new AgentOsEvent.VmShutdown(reason));
            vm.close();
        }
    }
}
