package dev.agentos.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call: the admin token (everything) and per-actor tokens minted by an admin (one actor each).
 * Without an admin token every caller is admin, which is why the server then binds to 127.0.0.1 only.
 */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An authenticated caller: the admin, or the holder of a token for one actor. */
    record Principal(Optional<String> actorId) {
        static final Principal ADMIN = new Principal(Optional.empty());

        boolean isAdmin() { return actorId.isEmpty(); }

        void requireActor(String id) {
            if (actorId.isPresent() && !actorId.get().equals(id)) {
                throw new WireError(403, "auth", "forbidden", "this token is limited to actor " + actorId.get());
            }
        }

        void requireAdmin() {
            if (!isAdmin()) throw new WireError(403, "auth", "forbidden", "this action needs the admin token");
        }
    }

    private final Optional<String> admin;
    private final Map<String, String> actorTokens = new ConcurrentHashMap<>();

    Tokens(Optional<String> admin) {
        this.admin = admin;
    }

    boolean enabled() { return admin.isPresent(); }

    /** The caller of a request bearing {@code authorization} (a header value) or {@code queryToken}. */
    Principal authenticate(String authorization, String queryToken) {
        if (admin.isEmpty()) return Principal.ADMIN;
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) token = authorization.substring(7).trim();
        else if (queryToken != null) token = queryToken;
        if (token == null || token.isEmpty()) {
            throw new WireError(401, "auth", "unauthorized", "missing Authorization: Bearer token");
        }
        if (equal(token, admin.get())) return Principal.ADMIN;
        String actor = actorTokens.get(token);
        if (actor != null) return new Principal(Optional.of(actor));
        throw new WireError(401, "auth", "unauthorized", "invalid token");
    }

    private volatile java.util.function.BiConsumer<String, String> onMint = (token, actorId) -> {};

    String mint(String actorId) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = "act_" + HexFormat.of().formatHex(b);
        onMint.accept(token, actorId); // recorded (durably, with a data directory) before anyone holds it
        actorTokens.put(token, actorId);
        return token;
    }

    /** Tells {@code listener} of each minted token (the server records them in its data directory). */
    void onMint(java.util.function.BiConsumer<String, String> listener) { this.onMint = listener; }

    /** A token minted by an earlier run of the server. */
    void restore(String token, String actorId) { actorTokens.put(token, actorId); }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
