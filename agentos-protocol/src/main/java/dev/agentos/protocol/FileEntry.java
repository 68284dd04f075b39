package dev.agentos.protocol;

import java.nio.charset.StandardCharsets;

/** One file for {@code writeFiles}: a path and its content (base64 on the wire). */
public record FileEntry(String path, byte[] content) {
    public static FileEntry of(String path, String text) {
        return new FileEntry(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
