package dev.agentos.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentos.AgentOsOptions;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.net.EgressRules;
import dev.agentos.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How an agentOS server runs: where it listens, who may talk to it, how big and how long a request may
 * be, and the options every actor's VM boots with. Loadable from JSON or YAML ({@link #load}); every
 * field may be left out for its default. Durations are ISO-8601 ({@code PT15M}) or seconds.
 */
public record ServerConfig(Integer port, Optional<String> host, Optional<Path> dataDir, Optional<String> adminToken,
                           VmLimits limits, Preview preview, List<Integer> loopbackExemptPorts,
                           String additionalInstructions, long maxBodyBytes, Duration actionTimeout,
                           long outputRetentionBytes, Egress egress, Duration sleepAfter, Duration storeFlushInterval,
                           boolean storeFullSync) {
    public static final int DEFAULT_PORT = 6420;
    public static final ServerConfig DEFAULT = new ServerConfig(DEFAULT_PORT, null, null, null, null, null, null, null,
            0, null, 0, null, null, null, false);

    public ServerConfig {
        port = port == null ? DEFAULT_PORT : port;
        host = host == null ? Optional.empty() : host;
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        adminToken = adminToken == null ? Optional.empty() : adminToken.filter(t -> !t.isBlank());
        limits = limits == null ? VmLimits.NONE : limits;
        preview = preview == null ? Preview.DEFAULT : preview;
        loopbackExemptPorts = loopbackExemptPorts == null ? List.of() : List.copyOf(loopbackExemptPorts);
        additionalInstructions = additionalInstructions == null ? "" : additionalInstructions;
        maxBodyBytes = maxBodyBytes <= 0 ? 64L << 20 : maxBodyBytes;
        actionTimeout = actionTimeout == null ? Duration.ofMinutes(15) : actionTimeout;
        outputRetentionBytes = outputRetentionBytes <= 0 ? 1L << 20 : outputRetentionBytes;
        egress = egress == null ? Egress.NONE : egress;
        rules(loopbackExemptPorts, egress); // a bad rule or port fails the config load, not the first VM boot
        sleepAfter = sleepAfter == null || sleepAfter.isNegative() || sleepAfter.isZero() ? Duration.ofMinutes(15) : sleepAfter;
        storeFlushInterval = storeFlushInterval == null || storeFlushInterval.isNegative() || storeFlushInterval.isZero()
                ? Duration.ofSeconds(1) : storeFlushInterval;
    }

    /** Hosts outside the VMs that guests may connect to: {@code host[:port]} patterns (see EgressRule). */
    public record Egress(List<String> allow) {
        public static final Egress NONE = new Egress(List.of());

        public Egress {
            allow = allow == null ? List.of() : List.copyOf(allow);
        }
    }

    private static EgressRules rules(List<Integer> loopbackExemptPorts, Egress egress) {
        return EgressRules.NONE.withRules(egress.allow()).withLoopbackExemptPorts(loopbackExemptPorts);
    }

    /** Preview URL lifetimes, in seconds. */
    public record Preview(long defaultExpiresInSeconds, long maxExpiresInSeconds) {
        public static final Preview DEFAULT = new Preview(3600, 86400);

        public Preview {
            defaultExpiresInSeconds = defaultExpiresInSeconds <= 0 ? 3600 : defaultExpiresInSeconds;
            maxExpiresInSeconds = maxExpiresInSeconds <= 0 ? 86400 : maxExpiresInSeconds;
        }
    }

    /** Per-VM limits; a missing one keeps the kernel's default. */
    public record VmLimits(Optional<Integer> maxProcesses, Optional<Integer> maxOpenFiles, Optional<Long> fsMaxBytes,
                           Optional<Long> fsMaxInodes, Optional<Long> maxOutputBytes, Optional<Duration> maxExecWallTime) {
        public static final VmLimits NONE = new VmLimits(null, null, null, null, null, null);

        public VmLimits {
            maxProcesses = maxProcesses == null ? Optional.empty() : maxProcesses;
            maxOpenFiles = maxOpenFiles == null ? Optional.empty() : maxOpenFiles;
            fsMaxBytes = fsMaxBytes == null ? Optional.empty() : fsMaxBytes;
            fsMaxInodes = fsMaxInodes == null ? Optional.empty() : fsMaxInodes;
            maxOutputBytes = maxOutputBytes == null ? Optional.empty() : maxOutputBytes;
            maxExecWallTime = maxExecWallTime == null ? Optional.empty() : maxExecWallTime;
        }

        Limits apply(Limits l) {
            if (maxProcesses.isPresent()) l = l.withMaxProcesses(maxProcesses.get());
            if (maxOpenFiles.isPresent()) l = l.withMaxOpenFiles(maxOpenFiles.get());
            if (fsMaxBytes.isPresent()) l = l.withFsMaxBytes(fsMaxBytes.get());
            if (fsMaxInodes.isPresent()) l = l.withFsMaxInodes(fsMaxInodes.get());
            if (maxOutputBytes.isPresent()) l = l.withMaxOutputBytes(maxOutputBytes.get());
            if (maxExecWallTime.isPresent()) l = l.withMaxExecWallTime(maxExecWallTime.get());
            return l;
        }
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(port, host, dataDir, adminToken, limits, preview, loopbackExemptPorts, additionalInstructions,
                maxBodyBytes, actionTimeout, outputRetentionBytes, egress, sleepAfter, storeFlushInterval, storeFullSync);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(port, host, dataDir, Optional.ofNullable(token), limits, preview, loopbackExemptPorts,
                additionalInstructions, maxBodyBytes, actionTimeout, outputRetentionBytes, egress, sleepAfter, storeFlushInterval, storeFullSync);
    }

    public ServerConfig withActionTimeout(Duration timeout) {
        return new ServerConfig(port, host, dataDir, adminToken, limits, preview, loopbackExemptPorts, additionalInstructions,
                maxBodyBytes, timeout, outputRetentionBytes, egress, sleepAfter, storeFlushInterval, storeFullSync);
    }

    public ServerConfig withMaxBodyBytes(long max) {
        return new ServerConfig(port, host, dataDir, adminToken, limits, preview, loopbackExemptPorts, additionalInstructions,
                max, actionTimeout, outputRetentionBytes, egress, sleepAfter, storeFlushInterval, storeFullSync);
    }

    public ServerConfig withOutputRetentionBytes(long max) {
        return new ServerConfig(port, host, dataDir, adminToken, limits, preview, loopbackExemptPorts, additionalInstructions,
                maxBodyBytes, actionTimeout, max, egress, sleepAfter, storeFlushInterval, storeFullSync);
    }

    /** Keeps actors' files, tokens and previews under {@code dir} (a restart brings them back). */
    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(port, host, Optional.of(dir), adminToken, limits, preview, loopbackExemptPorts,
                additionalInstructions, maxBodyBytes, actionTimeout, outputRetentionBytes, egress, sleepAfter, storeFlushInterval,
                storeFullSync);
    }

    /** How long an actor stays awake with nothing using it (the default for every actor type). */
    public ServerConfig withSleepAfter(Duration idle) {
        return new ServerConfig(port, host, dataDir, adminToken, limits, preview, loopbackExemptPorts,
                additionalInstructions, maxBodyBytes, actionTimeout, outputRetentionBytes, egress, idle, storeFlushInterval,
                storeFullSync);
    }

    /** How actors' stores commit (see {@link dev.agentos.server.store.StoreOptions}). */
    dev.agentos.server.store.StoreOptions storeOptions() {
        return new dev.agentos.server.store.StoreOptions(storeFlushInterval, storeFullSync);
    }

    /** The admin token: the configured one, else {@code AGENTOS_TOKEN} from the environment. */
    Optional<String> effectiveAdminToken() {
        return adminToken.or(() -> Optional.ofNullable(System.getenv("AGENTOS_TOKEN")).filter(t -> !t.isBlank()));
    }

    /** Where to bind: the configured host, or 127.0.0.1 when no token protects the server, else all interfaces. */
    String effectiveHost() {
        if (effectiveAdminToken().isEmpty()) return "127.0.0.1";
        return host.orElse("0.0.0.0");
    }

    /** The options each actor's VM boots with. */
    AgentOsOptions vmOptions() {
        AgentOsOptions.Builder b = AgentOsOptions.builder().limits(limits.apply(Limits.DEFAULT))
                .egress(rules(loopbackExemptPorts, egress))
                .sessions(dev.agentos.session.SessionConfig.builder().additionalInstructions(additionalInstructions).build());
        return b.build();
    }

    /** Reads a config file: YAML when it ends in {@code .yaml}/{@code .yml}, JSON otherwise. */
    public static ServerConfig load(Path file) {
        String name = file.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? Json.configure(YAMLMapper.builder()).build() : Json.configure(JsonMapper.builder()).build();
        mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);   // missing = default
        try {
            return mapper.readValue(Files.readString(file), ServerConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read server config " + file + ": " + e.getMessage(), e);
        }
    }
}
