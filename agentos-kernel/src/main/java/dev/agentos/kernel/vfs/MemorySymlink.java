package dev.agentos.kernel.vfs;

import java.nio.charset.StandardCharsets;

/** A symbolic link of a {@link MemoryFileSystem}: its target text, never interpreted here. */
final class MemorySymlink extends MemoryNode {
    private final String target;

    MemorySymlink(MemoryFileSystem fs, String target, int uid, int gid) {
        super(fs, FileType.SYMLINK, 0777, uid, gid);
        this.target = target;
    }

    @Override long sizeLocked() { return target.getBytes(StandardCharsets.UTF_8).length; }

    @Override public String readlink() { return target; }
}
