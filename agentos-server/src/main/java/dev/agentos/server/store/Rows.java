package dev.agentos.server.store;

import dev.agentos.kernel.vfs.FileType;
import java.util.List;
import java.util.Map;

/** The rows of an actor's database, as the store reads and writes them. */
final class Rows {
    private Rows() {}

    /** One inode: attributes, the bytes its chunks hold ({@code alloc}, for quotas) and a symlink's target. */
    record Inode(long ino, FileType type, int mode, int uid, int gid, int nlink, long size, long atime, long mtime,
                 long ctime, long btime, long alloc, String target) {}

    /** One directory entry; {@code pos} orders a directory's listing as it was made. */
    record Entry(long pos, long parent, String name, long ino) {}

    /** The key of a directory entry. */
    record EntryKey(long parent, String name) {}

    /** One chunk of a file's data; null data deletes the row (the chunk became a hole). */
    record Chunk(long ino, int idx, byte[] data) {}

    /**
     * One commit: every change since the previous one, as the state the files are in now (so a file
     * written a thousand times between commits is written once). {@code cuts} deletes a file's chunks
     * from an index on (truncation) before the chunks are written.
     */
    record Batch(long seq, List<Inode> inodes, List<Long> deletedInodes, List<Entry> entries,
                 List<EntryKey> deletedEntries, Map<Long, Integer> cuts, List<Chunk> chunks) {
        boolean isEmpty() {
            return inodes.isEmpty() && deletedInodes.isEmpty() && entries.isEmpty() && deletedEntries.isEmpty()
                    && cuts.isEmpty() && chunks.isEmpty();
        }
    }

    /** What opening a database reads: the root, usage totals and the highest numbers in use. */
    record Opened(Inode root, long inodes, long bytes, long maxIno, long maxPos) {}

    /** A directory entry with its inode, as a directory reads its entries on first use. */
    record Child(long pos, String name, Inode inode) {}

    static int typeCode(FileType t) { return t.modeBits(); }

    static FileType type(int code) {
        for (FileType t : FileType.values()) if (t.modeBits() == code) return t;
        throw new IllegalArgumentException("unknown file type code " + code);
    }
}
