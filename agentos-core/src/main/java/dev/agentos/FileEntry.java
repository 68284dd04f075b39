package dev.agentos;

import java.nio.charset.StandardCharsets;

/** One file for {@link AgentOs#writeFiles}: a path and its content. */
public record FileEntry(String path, byte[] content) {
    public static FileEntry of(String path, String text) {
        return new FileEntry(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
