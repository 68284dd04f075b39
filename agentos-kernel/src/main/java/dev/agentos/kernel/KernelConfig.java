package dev.agentos.kernel;

import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.net.EgressPolicy;
import dev.agentos.kernel.proc.ProgramRegistry;
import java.time.InstantSource;
import java.util.Objects;

/** What a kernel boots with: its programs, limits, clock, host name and egress policy. */
public record KernelConfig(ProgramRegistry programs, Limits limits, InstantSource clock, String hostname,
                           EgressPolicy egress) {
    public KernelConfig {
        Objects.requireNonNull(programs);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(egress);
        if (hostname == null || hostname.isEmpty() || hostname.length() > 64 || !hostname.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("bad hostname: " + hostname);
        }
    }

    public static KernelConfig defaults(ProgramRegistry programs) {
        return new KernelConfig(programs, Limits.DEFAULT, InstantSource.system(), BaseImage.DEFAULT_HOSTNAME,
                EgressPolicy.DENY_ALL);
    }
}
