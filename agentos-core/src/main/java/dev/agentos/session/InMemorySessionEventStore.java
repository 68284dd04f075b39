package dev.agentos.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link SessionEventStore}: every event of every session, in memory, for the VM's life. */
public final class InMemorySessionEventStore implements SessionEventStore {
    private final Map<String, List<SessionEvent>> bySession = new ConcurrentHashMap<>();

    @Override public void append(String sessionId, SessionEvent event) {
        List<SessionEvent> list = bySession.computeIfAbsent(sessionId, k -> new ArrayList<>());
        synchronized (list) {
            list.add(event);
        }
    }

    @Override public List<SessionEvent> read(String sessionId, long afterSeq) {
        List<SessionEvent> list = bySession.get(sessionId);
        if (list == null) return List.of();
        synchronized (list) {
            // seqs are dense from 1, so the index of seq s is s-1
            int from = (int) Math.max(0, Math.min(afterSeq, list.size()));
            if (from > 0 && list.get(from - 1).seq() != afterSeq) {
                return list.stream().filter(e -> e.seq() > afterSeq).toList();
            }
            return List.copyOf(list.subList(from, list.size()));
        }
    }

    @Override public long lastSeq(String sessionId) {
        List<SessionEvent> list = bySession.get(sessionId);
        if (list == null) return 0;
        synchronized (list) {
            return list.isEmpty() ? 0 : list.get(list.size() - 1).seq();
        }
    }
}
