package dev.agentos.kernel.fs;

import dev.agentos.kernel.vfs.FileType;
import java.util.function.Supplier;

/** A generated read-only text file: /proc/uptime, /proc/PID/status, ... */
final class SyntheticFile extends SyntheticNode {
    private final Supplier<byte[]> content;

    SyntheticFile(int mode, int uid, long timeNanos, Supplier<byte[]> content) {
        super(FileType.REGULAR, mode, uid, 0, timeNanos);
        this.content = content;
    }

    @Override byte[] content() { return content.get(); }
}
