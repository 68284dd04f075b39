package dev.agentos.kernel.vfs;

/** One name in a directory, as readdir(3) sees it. */
public record DirEntry(String name, long ino, FileType type) {}
