package dev.agentos;

import dev.agentos.kernel.proc.ProcessInfo;
import java.util.List;

/** A process with its children, for {@link AgentOs#processTree}. */
public record ProcessTreeNode(ProcessInfo process, List<ProcessTreeNode> children) {}
