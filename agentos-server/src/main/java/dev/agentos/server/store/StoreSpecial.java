package dev.agentos.server.store;

import dev.agentos.kernel.vfs.FileType;

/**
 * A FIFO, socket or character-device node of a {@link StoreFileSystem}: a name and attributes only.
 * Character devices here are mostly the overlay's whiteouts (deleted base-image files).
 */
final class StoreSpecial extends StoreNode {
    StoreSpecial(StoreFileSystem fs, FileType type, int mode, int uid, int gid) {
        super(fs, type, mode, uid, gid);
    }

    StoreSpecial(StoreFileSystem fs, Rows.Inode row) {
        super(fs, row);
    }

    @Override long sizeLocked() { return 0; }
}
