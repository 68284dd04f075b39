package dev.agentos.protocol;

/** A filesystem mounted in a VM: where, of which kind, read-only or not, and its usage. */
public record MountInfo(String path, String type, boolean readOnly, long totalBytes, long usedBytes,
                        long totalInodes, long usedInodes) {}
