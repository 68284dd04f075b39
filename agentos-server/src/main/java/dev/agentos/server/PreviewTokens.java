package dev.agentos.server;

import dev.agentos.protocol.PreviewUrl;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Signed preview tokens of one actor: each names a VM port and expires at a time the clock decides. */
final class PreviewTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token grants. */
    record Grant(int port, Instant expiresAt) {}

    /** Told of each grant made (with it) and taken back (with null), to keep them across restarts. */
    interface Listener {
        void changed(String token, Grant grant);
    }

    private volatile Listener listener = (token, grant) -> {};

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final ServerConfig.Preview limits;

    PreviewTokens(InstantSource clock, ServerConfig.Preview limits) {
        this.clock = clock;
        this.limits = limits;
    }

    PreviewUrl create(String actorId, int port, Optional<Long> ttlSeconds) {
        if (port < 1 || port > 65535) throw WireError.invalidArgs("createSignedPreviewUrl: port out of range: " + port);
        long ttl = ttlSeconds.orElse(limits.defaultExpiresInSeconds());
        if (ttl <= 0) throw WireError.invalidArgs("createSignedPreviewUrl: ttlSeconds must be positive");
        ttl = Math.min(ttl, limits.maxExpiresInSeconds());
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        Instant expiresAt = clock.instant().plus(Duration.ofSeconds(ttl));
        Grant grant = new Grant(port, expiresAt);
        listener.changed(token, grant);
        grants.put(token, grant);
        return new PreviewUrl("/gateway/" + actorId + "/request/fetch/" + token + "/", token, port, expiresAt);
    }

    void expire(String token) {
        if (grants.remove(token) != null) listener.changed(token, null);
    }

    void onChange(Listener l) { this.listener = l; }

    /** A grant made by an earlier run of the server. */
    void restore(String token, int port, Instant expiresAt) { grants.put(token, new Grant(port, expiresAt)); }

    /** The port a live token grants, empty when unknown or expired. */
    Optional<Integer> port(String token) {
        Grant g = grants.get(token);
        if (g == null) return Optional.empty();
        if (!clock.instant().isBefore(g.expiresAt())) {
            grants.remove(token);
            return Optional.empty();
        }
        return Optional.of(g.port());
    }
}
