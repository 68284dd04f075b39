package dev.agentos.kernel.vfs;

/**
 * A FIFO, socket or character-device node of a {@link MemoryFileSystem}: only a name and attributes;
 * what opening it means is decided above (the FIFO opener, a device's own description).
 */
final class MemorySpecialNode extends MemoryNode {
    MemorySpecialNode(MemoryFileSystem fs, FileType type, int mode, int uid, int gid) {
        super(fs, type, mode, uid, gid);
    }

    @Override long sizeLocked() { return 0; }
}
