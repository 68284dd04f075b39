package dev.agentos.protocol;

import java.util.List;

/** The modes of a session ({@code getModes}); empty when the agent offers none. */
public record SessionModes(String currentModeId, List<Mode> availableModes) {
    public SessionModes {
        availableModes = availableModes == null ? List.of() : List.copyOf(availableModes);
    }

    public record Mode(String id, String name, String description) {}
}
