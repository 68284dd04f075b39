package dev.agentos.server.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed since the last commit: which inodes, directory entries and chunks, not how. The commit
 * reads their state at that moment, so repeated changes to one thing cost one write. Guarded by the
 * store's write lock.
 */
final class Changes {
    private final Map<Long, StoreNode> inodes = new LinkedHashMap<>();
    private final Set<Rows.EntryKey> entries = new LinkedHashSet<>();
    private final Map<Long, StoreFile> chunkFiles = new HashMap<>();
    private final Map<Long, BitSet> chunks = new HashMap<>();
    private final Map<Long, Integer> cuts = new HashMap<>();

    boolean isEmpty() { return inodes.isEmpty() && entries.isEmpty() && chunks.isEmpty() && cuts.isEmpty(); }

    void inode(StoreNode n) { inodes.putIfAbsent(n.ino, n); }

    void entry(long parent, String name) { entries.add(new Rows.EntryKey(parent, name)); }

    void chunks(StoreFile f, int from, int to) {
        chunkFiles.putIfAbsent(f.ino, f);
        chunks.computeIfAbsent(f.ino, k -> new BitSet()).set(from, to + 1);
    }

    void cut(StoreFile f, int fromIdx) {
        cuts.merge(f.ino, fromIdx, Math::min);
        BitSet dirty = chunks.get(f.ino);
        if (dirty != null) dirty.clear(fromIdx, Math.max(fromIdx, dirty.length())); // cut away: nothing to write
    }

    /** Adds back the changes of a commit that failed, so the next one writes them. */
    void addAll(Changes failed) {
        failed.inodes.values().forEach(this::inode);
        entries.addAll(failed.entries);
        failed.cuts.forEach((ino, from) -> cuts.merge(ino, from, Math::min));
        failed.chunks.forEach((ino, bits) -> {
            chunkFiles.putIfAbsent(ino, failed.chunkFiles.get(ino));
            chunks.computeIfAbsent(ino, k -> new BitSet()).or(bits);
        });
    }

    /** The rows to write for these changes, read from the files as they are now. */
    Rows.Batch toBatch(long seq, Map<Long, StoreDirectory> directories) {
        List<Rows.Inode> rows = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        Set<Long> gone = new HashSet<>();
        for (StoreNode n : inodes.values()) {
            if (n.nlink > 0 || n.needsStoredDataLocked()) {
                // An unlinked file still open keeps its row (nlink 0) while its chunks are only in the
                // database; the next open of the store deletes it.
                rows.add(n.rowLocked());
            } else {
                deleted.add(n.ino);
                gone.add(n.ino);
            }
        }
        List<Rows.Entry> entryRows = new ArrayList<>();
        List<Rows.EntryKey> deletedEntries = new ArrayList<>();
        for (Rows.EntryKey k : entries) {
            StoreDirectory dir = directories.get(k.parent());
            StoreDirectory.Link link = dir == null ? null : dir.entryLocked(k.name());
            if (link == null) deletedEntries.add(k);
            else entryRows.add(new Rows.Entry(link.pos(), k.parent(), k.name(), link.node().ino));
        }
        Map<Long, Integer> cutRows = new HashMap<>();
        cuts.forEach((ino, from) -> {
            if (!gone.contains(ino)) cutRows.put(ino, from);
        });
        List<Rows.Chunk> chunkRows = new ArrayList<>();
        chunks.forEach((ino, bits) -> {
            if (gone.contains(ino)) return;
            StoreFile f = chunkFiles.get(ino);
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                chunkRows.add(new Rows.Chunk(ino, i, f.data.snapshot(i)));
            }
        });
        return new Rows.Batch(seq, rows, deleted, entryRows, deletedEntries, cutRows, chunkRows);
    }
}
