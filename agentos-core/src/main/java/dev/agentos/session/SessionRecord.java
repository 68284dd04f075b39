package dev.agentos.session;

import java.time.Instant;

/**
 * A session as listed: its id (agentOS's, used by every session call), the agent type, the id the
 * agent gave it in {@code session/new}, the agent's pid, its cwd, when it was created and its state:
 * {@code ready}, {@code prompting}, {@code closed} or {@code failed} (the agent exited on its own).
 */
public record SessionRecord(String sessionId, String agentType, String agentSessionId, int pid, String cwd,
                            Instant createdAt, String state) {}
