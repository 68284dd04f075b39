package dev.agentos;

import dev.agentos.kernel.BaseImage;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.net.EgressRules;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.session.SessionConfig;
import dev.agentos.kernel.vfs.FileSystemBackend;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a VM is configured: limits, clock, host name, default environment, extra programs, mounts and
 * which hosts outside the VM its guests may connect to (none by default), and agent sessions (installed
 * agents, permission policy, hooks). Immutable; build with {@link #builder()}.
 */
public record AgentOsOptions(Limits limits, InstantSource clock, String hostname, Map<String, String> env,
                             ProgramRegistry extraPrograms, List<Mount> mounts, EgressRules egress,
                             SessionConfig sessions, Optional<FileSystemBackend> rootUpper) {
    public static final AgentOsOptions DEFAULT = builder().build();

    public AgentOsOptions {
        env = OrderedCopy.of(env);
        mounts = List.copyOf(mounts);
        egress = egress == null ? EgressRules.NONE : egress;
        sessions = sessions == null ? SessionConfig.DEFAULT : sessions;
        rootUpper = rootUpper == null ? Optional.empty() : rootUpper;
    }

    /**
     * These options with {@code upper} as the writable layer of the root overlay (over the shared base
     * image) instead of a fresh in-memory one: how the server gives an actor a durable filesystem. A
     * backend holds one VM's files, so options carrying one must boot one VM only.
     */
    /** These options with {@code sessions} as the session configuration (agents, policy, hooks, event store). */
    public AgentOsOptions withSessions(SessionConfig sessions) {
        return new AgentOsOptions(limits, clock, hostname, env, extraPrograms, mounts, egress, sessions, rootUpper);
    }

    public AgentOsOptions withRootUpper(FileSystemBackend upper) {
        return new AgentOsOptions(limits, clock, hostname, env, extraPrograms, mounts, egress, sessions, Optional.of(upper));
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private Limits limits = Limits.DEFAULT;
        private InstantSource clock = InstantSource.system();
        private String hostname = BaseImage.DEFAULT_HOSTNAME;
        private final Map<String, String> env = new LinkedHashMap<>();
        private ProgramRegistry programs = ProgramRegistry.builder().build();
        private final List<Mount> mounts = new ArrayList<>();
        private EgressRules egress = EgressRules.NONE;
        private SessionConfig sessions = SessionConfig.DEFAULT;

        public Builder limits(Limits limits) { this.limits = limits; return this; }
        public Builder clock(InstantSource clock) { this.clock = clock; return this; }
        public Builder hostname(String hostname) { this.hostname = hostname; return this; }
        /** Adds to (or overrides) the default environment of every process started from the API. */
        public Builder env(String name, String value) { env.put(name, value); return this; }
        /** Programs installed on top of the built-in commands (same name replaces). */
        public Builder programs(ProgramRegistry programs) { this.programs = programs; return this; }
        public Builder mount(Mount mount) { mounts.add(mount); return this; }
        /** Replaces the egress policy (rules and loopback exemptions) with {@code rules}. */
        public Builder egress(EgressRules rules) { this.egress = rules; return this; }
        /**
         * Lets guests connect to hosts matching these {@code host[:port]} patterns: {@code api.anthropic.com:443},
         * {@code *.example.com}, {@code *.example.com:*}, {@code 203.0.113.7:22}, {@code 10.0.0.0/8}.
         */
        public Builder allowHost(String... patterns) { egress = egress.withRules(Arrays.asList(patterns)); return this; }
        /** Loopback ports that reach the host's loopback (test servers) when no guest listens on them. */
        public Builder loopbackExemptPorts(int... ports) {
            egress = egress.withLoopbackExemptPorts(Arrays.stream(ports).boxed().toList());
            return this;
        }
        /** How sessions run: agents, permission policy and timeout, hooks (see {@link SessionConfig}). */
        public Builder sessions(SessionConfig sessions) { this.sessions = sessions; return this; }
        /** Installs an agent for {@code createSession} (shorthand for editing {@link #sessions}). */
        public Builder agent(dev.agentos.session.AgentDefinition agent) {
            this.sessions = sessions.toBuilder().agent(agent).build();
            return this;
        }

        public AgentOsOptions build() {
            return new AgentOsOptions(limits, clock, hostname, env, programs, mounts, egress, sessions, Optional.empty());
        }
    }
}
