package dev.agentos;

/**
 * One entry of {@link AgentOs#readdirRecursive}: absolute path, type ({@code file}, {@code directory},
 * {@code symlink}, {@code fifo}, {@code socket}, {@code device}) and size in bytes.
 */
public record DirEntryInfo(String path, String type, long size) {}
