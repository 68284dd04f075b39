package dev.agentos.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * How a VM runs agent sessions: the installed agents, instructions appended to every agent's OS
 * instructions, the permission policy and timeout, where events are kept, and two hooks called for
 * every session event and every permission request (whether or not anyone else listens; a hook
 * counts as a listener, so with {@code onPermissionRequest} set requests always wait for an answer).
 * Hooks run on the session's reader thread: they should not block.
 */
public record SessionConfig(List<AgentDefinition> agents, String additionalInstructions, PermissionPolicy permissionPolicy,
                            Duration permissionTimeout, SessionTimer timer, Supplier<SessionEventStore> eventStore,
                            BiConsumer<String, SessionEvent> onSessionEvent,
                            BiConsumer<String, PermissionRequest> onPermissionRequest) {
    public static final Duration DEFAULT_PERMISSION_TIMEOUT = Duration.ofSeconds(120);
    public static final SessionConfig DEFAULT = builder().build();

    public SessionConfig {
        agents = List.copyOf(agents);
        additionalInstructions = additionalInstructions == null ? "" : additionalInstructions;
        Objects.requireNonNull(permissionPolicy);
        Objects.requireNonNull(permissionTimeout);
        Objects.requireNonNull(timer);
        Objects.requireNonNull(eventStore);
    }

    public boolean hasPermissionHook() { return onPermissionRequest != null; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.agents.addAll(agents);
        b.additionalInstructions = additionalInstructions;
        b.permissionPolicy = permissionPolicy;
        b.permissionTimeout = permissionTimeout;
        b.timer = timer;
        b.eventStore = eventStore;
        b.onSessionEvent = onSessionEvent;
        b.onPermissionRequest = onPermissionRequest;
        return b;
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private final List<AgentDefinition> agents = new ArrayList<>();
        private String additionalInstructions = "";
        private PermissionPolicy permissionPolicy = PermissionPolicy.ASK;
        private Duration permissionTimeout = DEFAULT_PERMISSION_TIMEOUT;
        private SessionTimer timer = SessionTimer.SYSTEM;
        private Supplier<SessionEventStore> eventStore = InMemorySessionEventStore::new;
        private BiConsumer<String, SessionEvent> onSessionEvent;
        private BiConsumer<String, PermissionRequest> onPermissionRequest;

        /** Installs an agent (same name replaces). */
        public Builder agent(AgentDefinition agent) {
            agents.removeIf(a -> a.name().equals(agent.name()));
            agents.add(agent);
            return this;
        }
        public Builder additionalInstructions(String text) { this.additionalInstructions = text; return this; }
        public Builder permissionPolicy(PermissionPolicy p) { this.permissionPolicy = p; return this; }
        public Builder permissionTimeout(Duration d) { this.permissionTimeout = d; return this; }
        public Builder timer(SessionTimer t) { this.timer = t; return this; }
        public Builder eventStore(Supplier<SessionEventStore> s) { this.eventStore = s; return this; }
        public Builder onSessionEvent(BiConsumer<String, SessionEvent> hook) { this.onSessionEvent = hook; return this; }
        public Builder onPermissionRequest(BiConsumer<String, PermissionRequest> hook) { this.onPermissionRequest = hook; return this; }

        public SessionConfig build() {
            return new SessionConfig(agents, additionalInstructions, permissionPolicy, permissionTimeout, timer, eventStore,
                    onSessionEvent, onPermissionRequest);
        }
    }
}
