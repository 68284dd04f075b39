package dev.agentos.session;

import java.util.List;

/**
 * Where a VM keeps its session events. The default keeps them in memory for the VM's life; the server
 * backs it with its persistent store so {@code getSessionEvents} outlives sleep and restarts.
 * Implementations are called from several threads; per session, appends come in seq order.
 */
public interface SessionEventStore {
    void append(String sessionId, SessionEvent event);

    /** Events of a session with {@code seq > afterSeq}, in order; empty for an unknown session. */
    List<SessionEvent> read(String sessionId, long afterSeq);

    /** The highest seq stored for a session (0 when none), so a restarted VM continues the count. */
    long lastSeq(String sessionId);
}
