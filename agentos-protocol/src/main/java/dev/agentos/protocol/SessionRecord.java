package dev.agentos.protocol;

import java.time.Instant;

/**
 * A session: agentOS's id (for every session action), the agent type, the id the agent gave it, the
 * agent's pid, cwd, creation time and state ({@code ready}, {@code prompting}, {@code closed}, {@code failed}).
 */
public record SessionRecord(String sessionId, String agentType, String agentSessionId, int pid, String cwd,
                            Instant createdAt, String state) {}
