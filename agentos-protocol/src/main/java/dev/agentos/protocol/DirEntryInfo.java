package dev.agentos.protocol;

/** One entry of {@code readdirRecursive}: absolute path, type ({@code file}, {@code directory}, ...) and size. */
public record DirEntryInfo(String path, String type, long size) {}
