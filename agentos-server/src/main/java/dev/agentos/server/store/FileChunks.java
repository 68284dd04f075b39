package dev.agentos.server.store;

import dev.agentos.kernel.vfs.ChunkedData;
import java.util.BitSet;

/**
 * The bytes of a stored regular file: the kernel's {@link ChunkedData} (64 KiB chunks, holes, small
 * chunks growing by doubling) plus what is still only in the database. A file
 * read back from the database starts with no chunk in memory: chunks below {@code dbLimit} that are
 * not yet {@code loaded} live only in the database and are fetched when first touched, so waking an
 * actor reads no file data at all.
 *
 * <p>Not thread-safe: the store's lock guards it. The caller loads ({@link #load}) before calling
 * anything that reads or changes chunks of a range.
 */
final class FileChunks {
    static final int CHUNK_SHIFT = ChunkedData.CHUNK_SHIFT;
    static final int CHUNK = ChunkedData.CHUNK;

    /** Where chunks not yet in memory come from. */
    interface Source {
        byte[] chunk(int idx);

        /** Stored lengths of the chunks from {@code fromIdx} on. */
        java.util.Map<Integer, Integer> lengthsFrom(int fromIdx);
    }

    private final ChunkedData data;
    private final BitSet loaded = new BitSet();
    /** Chunks at or above this index were never stored (or were cut): they are what memory says. */
    private int dbLimit;

    /** A new, empty file. */
    FileChunks() {
        data = new ChunkedData();
    }

    /** A file read back from the database: nothing in memory yet. */
    FileChunks(long size, long allocated) {
        data = new ChunkedData(size, allocated);
        this.dbLimit = chunkCount(size);
    }

    long size() { return data.size(); }

    long allocated() { return data.allocated(); }

    /** Whether every chunk is in memory (the database holds nothing this file still needs). */
    boolean fullyLoaded() { return loaded.nextClearBit(0) >= dbLimit; }

    /** Whether the chunks of [pos, pos+len) are in memory. */
    boolean loaded(long pos, long len) {
        int from = (int) (pos >>> CHUNK_SHIFT);
        int to = (int) Math.min(dbLimit, (Math.max(pos, pos + len - 1) >>> CHUNK_SHIFT) + 1);
        return from >= to || loaded.nextClearBit(from) >= to;
    }

    /** Brings the chunks of [pos, pos+len) into memory. */
    void load(long pos, long len, Source source) {
        int from = (int) (pos >>> CHUNK_SHIFT);
        int to = (int) Math.min(dbLimit, (Math.max(pos, pos + len - 1) >>> CHUNK_SHIFT) + 1);
        for (int i = loaded.nextClearBit(from); i < to; i = loaded.nextClearBit(i + 1)) {
            byte[] c = source.chunk(i);
            if (c != null) data.restore(i, c);
            loaded.set(i);
        }
    }

    /** Reads up to {@code len} bytes at {@code pos}; -1 at or past the end. */
    int read(long pos, byte[] buf, int off, int len) { return data.read(pos, buf, off, len); }

    /** How many more bytes {@link #write} at this range would allocate. */
    long growthFor(long pos, int len) { return data.growthFor(pos, len); }

    /** Writes bytes (the caller loaded the range and reserved {@link #growthFor} bytes). */
    void write(long pos, byte[] buf, int off, int len) { data.write(pos, buf, off, len); }

    /**
     * Sets the size (the caller loaded the chunk the new end falls in); returns the change in allocated
     * bytes. Chunks past the end are dropped here and must be cut from the database from
     * {@link #chunkCount}(newSize) on.
     */
    long truncate(long newSize, Source source) {
        long before = data.allocated();
        int keep = chunkCount(newSize);
        if (newSize < data.size() && keep < dbLimit) {
            // Chunks only in the database: their stored bytes leave the quota too.
            for (var e : source.lengthsFrom(keep).entrySet()) {
                if (e.getKey() < dbLimit && !loaded.get(e.getKey())) data.release(e.getValue());
            }
            dbLimit = keep;
        }
        data.truncate(newSize);
        return data.allocated() - before;
    }

    /** A copy of chunk {@code idx} as it should be stored, or null for a hole (or past the end). */
    byte[] snapshot(int idx) {
        byte[] c = data.chunk(idx);
        if (c == null || (long) idx << CHUNK_SHIFT >= data.size()) return null;
        return c.clone();
    }

    static int chunkCount(long size) { return ChunkedData.chunkCount(size); }

    static int chunkIndex(long pos) { return (int) (pos >>> CHUNK_SHIFT); }
}
