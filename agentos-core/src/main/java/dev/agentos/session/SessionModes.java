package dev.agentos.session;

import java.util.List;

/** The modes an agent offers for a session and the current one (empty when the agent has none). */
public record SessionModes(String currentModeId, List<Mode> availableModes) {
    public static final SessionModes NONE = new SessionModes("", List.of());

    public SessionModes {
        currentModeId = currentModeId == null ? "" : currentModeId;
        availableModes = List.copyOf(availableModes);
    }

    public record Mode(String id, String name, String description) {}

    SessionModes withCurrent(String id) { return new SessionModes(id, availableModes); }
}
