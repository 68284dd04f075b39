package dev.agentos;

import dev.agentos.kernel.BaseImage;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.vfs.FileSystemBackend;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a VM is configured: limits, clock, host name, default environment, extra programs and mounts.
 * Immutable; build with {@link #builder()}.
 */
public record AgentOsOptions(Limits limits, InstantSource clock, String hostname, Map<String, String> env,
                             ProgramRegistry extraPrograms, List<Mount> mounts, Optional<FileSystemBackend> rootUpper) {
    public static final AgentOsOptions DEFAULT = builder().build();

    public AgentOsOptions {
        env = OrderedCopy.of(env);
        mounts = List.copyOf(mounts);
        rootUpper = rootUpper == null ? Optional.empty() : rootUpper;
    }

    /**
     * These options with {@code upper} as the writable layer of the root overlay (over the shared base
     * image) instead of a fresh in-memory one: how the server gives an actor a durable filesystem. A
     * backend holds one VM's files, so options carrying one must boot one VM only.
     */
    public AgentOsOptions withRootUpper(FileSystemBackend upper) {
        return new AgentOsOptions(limits, clock, hostname, env, extraPrograms, mounts, Optional.of(upper));
    }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private Limits limits = Limits.DEFAULT;
        private InstantSource clock = InstantSource.system();
        private String hostname = BaseImage.DEFAULT_HOSTNAME;
        private final Map<String, String> env = new LinkedHashMap<>();
        private ProgramRegistry programs = ProgramRegistry.builder().build();
        private final List<Mount> mounts = new ArrayList<>();

        public Builder limits(Limits limits) { this.limits = limits; return this; }
        public Builder clock(InstantSource clock) { this.clock = clock; return this; }
        public Builder hostname(String hostname) { this.hostname = hostname; return this; }
        /** Adds to (or overrides) the default environment of every process started from the API. */
        public Builder env(String name, String value) { env.put(name, value); return this; }
        /** Programs installed on top of the built-in commands (same name replaces). */
        public Builder programs(ProgramRegistry programs) { this.programs = programs; return this; }
        public Builder mount(Mount mount) { mounts.add(mount); return this; }

        public AgentOsOptions build() {
            return new AgentOsOptions(limits, clock, hostname, env, programs, mounts, Optional.empty());
        }
    }
}
