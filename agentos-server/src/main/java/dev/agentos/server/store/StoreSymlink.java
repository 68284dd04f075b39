package dev.agentos.server.store;

import dev.agentos.kernel.vfs.FileType;
import java.nio.charset.StandardCharsets;

/** A symbolic link of a {@link StoreFileSystem}: its target text, stored in its inode row. */
final class StoreSymlink extends StoreNode {
    private final String target;

    StoreSymlink(StoreFileSystem fs, String target, int uid, int gid) {
        super(fs, FileType.SYMLINK, 0777, uid, gid);
        this.target = target;
    }

    StoreSymlink(StoreFileSystem fs, Rows.Inode row) {
        super(fs, row);
        this.target = row.target() == null ? "" : row.target();
    }

    @Override long sizeLocked() { return target.getBytes(StandardCharsets.UTF_8).length; }

    @Override Rows.Inode rowLocked() {
        Rows.Inode r = super.rowLocked();
        return new Rows.Inode(r.ino(), r.type(), r.mode(), r.uid(), r.gid(), r.nlink(), r.size(), r.atime(), r.mtime(),
                r.ctime(), r.btime(), r.alloc(), target);
    }

    @Override public String readlink() { return target; }
}
