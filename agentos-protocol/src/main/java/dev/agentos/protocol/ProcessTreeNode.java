package dev.agentos.protocol;

import java.util.List;

/** A process with its children, for {@code processTree}. */
public record ProcessTreeNode(ProcessInfo process, List<ProcessTreeNode> children) {
    public ProcessTreeNode {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
