package dev.agentos.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentos.protocol.Json;
import dev.agentos.session.SessionEvent;
import dev.agentos.session.SessionEventStore;
import java.util.List;

/**
 * An actor's session events in {@code server.db}, so {@code getSessionEvents} answers while the actor
 * sleeps, after it wakes and after a restart. Each event is written when it happens (one small
 * autocommitted insert; the server process dying loses nothing already handed to clients and hooks).
 */
public final class StoredSessionEvents implements SessionEventStore {
    private final ServerData data;
    private final String actorId;

    public StoredSessionEvents(ServerData data, String actorId) {
        this.data = data;
        this.actorId = actorId;
    }

    @Override public void append(String sessionId, SessionEvent event) {
        data.appendSessionEvent(actorId, sessionId, event.seq(), event.event().toString(), event.createdAt());
    }

    @Override public List<SessionEvent> read(String sessionId, long afterSeq) {
        return data.sessionEvents(actorId, sessionId, afterSeq).stream().map(r -> {
            try {
                return new SessionEvent(r.seq(), Json.MAPPER.readTree(r.eventJson()), r.created());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored session event " + sessionId + "#" + r.seq() + " is not JSON: "
                        + e.getOriginalMessage(), e);
            }
        }).toList();
    }

    @Override public long lastSeq(String sessionId) { return data.lastSessionSeq(actorId, sessionId); }
}
