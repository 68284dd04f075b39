package dev.agentos.protocol;

import java.util.List;

/** An installed agent ({@code listAgents}): the name {@code createSession} takes and its ACP entry point. */
public record AgentInfo(String name, String command, List<String> args, String description) {}
