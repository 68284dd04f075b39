package dev.agentos.session;

import dev.agentos.AgentOsException;
import java.util.Locale;

/** The answers to a permission request: allow this once, allow this kind always (for the session), reject. */
public enum PermissionReply {
    ONCE, ALWAYS, REJECT;

    /** Parses {@code once}, {@code always} or {@code reject}. */
    public static PermissionReply parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "once" -> ONCE;
            case "always" -> ALWAYS;
            case "reject" -> REJECT;
            default -> throw new AgentOsException("session", "EINVAL",
                    "EINVAL: permission reply must be once, always or reject, got '" + s + "'");
        };
    }

    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
