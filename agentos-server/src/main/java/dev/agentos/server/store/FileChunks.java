package dev.agentos.server.store;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The bytes of a stored regular file, in chunks of up to 64 KiB, as the kernel's in-memory files keep
 * them (a null chunk is a hole; small chunks grow by doubling; bytes past the size are zero). A file
 * read back from the database starts with no chunk in memory: chunks below {@code dbLimit} that are
 * not yet {@code loaded} live only in the database and are fetched when first touched, so waking an
 * actor reads no file data at all.
 *
 * <p>Not thread-safe: the store's lock guards it. The caller loads ({@link #load}) before calling
 * anything that reads or changes chunks of a range.
 */
final class FileChunks {
    static final int CHUNK_SHIFT = 16;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MIN_CAPACITY = 64;
    private static final byte[][] NO_CHUNKS = new byte[0][];

    /** Where chunks not yet in memory come from. */
    interface Source {
        byte[] chunk(int idx);

        /** Stored lengths of the chunks from {@code fromIdx} on. */
        java.util.Map<Integer, Integer> lengthsFrom(int fromIdx);
    }

    private byte[][] chunks = NO_CHUNKS;
    private final BitSet loaded = new BitSet();
    /** Chunks at or above this index were never stored (or were cut): they are what memory says. */
    private int dbLimit;
    private long size;
    private long allocated;

    /** A new, empty file. */
    FileChunks() {}

    /** A file read back from the database: nothing in memory yet. */
    FileChunks(long size, long allocated) {
        this.size = size;
        this.allocated = allocated;
        this.dbLimit = chunkCount(size);
    }

    long size() { return size; }

    long allocated() { return allocated; }

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
            if (c != null) {
                if (i >= chunks.length) chunks = Arrays.copyOf(chunks, Math.max(i + 1, chunkCount(size)));
                chunks[i] = c;
            }
            loaded.set(i);
        }
    }

    /** Reads up to {@code len} bytes at {@code pos}; -1 at or past the end. */
    int read(long pos, byte[] buf, int off, int len) {
        if (pos >= size) return len == 0 ? 0 : -1;
        int n = (int) Math.min(len, size - pos);
        int done = 0;
        while (done < n) {
            long p = pos + done;
            int ci = (int) (p >>> CHUNK_SHIFT);
            int co = (int) (p & (CHUNK - 1));
            int take = Math.min(n - done, CHUNK - co);
            byte[] chunk = ci < chunks.length ? chunks[ci] : null;
            int stored = chunk == null ? 0 : Math.max(0, Math.min(take, chunk.length - co));
            if (stored > 0) System.arraycopy(chunk, co, buf, off + done, stored);
            if (stored < take) Arrays.fill(buf, off + done + stored, off + done + take, (byte) 0);
            done += take;
        }
        return n;
    }

    /** How many more bytes {@link #write} at this range would allocate. */
    long growthFor(long pos, int len) {
        long growth = 0;
        long end = pos + len;
        for (long p = pos; p < end; ) {
            int ci = (int) (p >>> CHUNK_SHIFT);
            int co = (int) (p & (CHUNK - 1));
            int take = (int) Math.min(end - p, CHUNK - co);
            int have = ci < chunks.length && chunks[ci] != null ? chunks[ci].length : 0;
            int need = co + take;
            if (need > have) growth += capacityFor(need) - have;
            p += take;
        }
        return growth;
    }

    /** Writes bytes (the caller loaded the range and reserved {@link #growthFor} bytes). */
    void write(long pos, byte[] buf, int off, int len) {
        if (len == 0) return;
        long end = pos + len;
        int lastChunk = (int) ((end - 1) >>> CHUNK_SHIFT);
        if (lastChunk >= chunks.length) chunks = Arrays.copyOf(chunks, Math.max(lastChunk + 1, chunks.length * 2));
        int done = 0;
        while (done < len) {
            long p = pos + done;
            int ci = (int) (p >>> CHUNK_SHIFT);
            int co = (int) (p & (CHUNK - 1));
            int take = Math.min(len - done, CHUNK - co);
            byte[] chunk = chunks[ci];
            int need = co + take;
            if (chunk == null || chunk.length < need) {
                int cap = capacityFor(need);
                allocated += cap - (chunk == null ? 0 : chunk.length);
                chunk = chunk == null ? new byte[cap] : Arrays.copyOf(chunk, cap);
                chunks[ci] = chunk;
            }
            System.arraycopy(buf, off + done, chunk, co, take);
            done += take;
        }
        size = Math.max(size, end);
    }

    /**
     * Sets the size (the caller loaded the chunk the new end falls in); returns the change in allocated
     * bytes. Chunks past the end are dropped here and must be cut from the database from
     * {@link #chunkCount}(newSize) on.
     */
    long truncate(long newSize, Source source) {
        long before = allocated;
        if (newSize < size) {
            int keep = chunkCount(newSize);
            if (keep < dbLimit) {
                // Chunks only in the database: their stored bytes leave the quota too.
                for (var e : source.lengthsFrom(keep).entrySet()) {
                    if (e.getKey() < dbLimit && !loaded.get(e.getKey())) allocated -= e.getValue();
                }
                dbLimit = keep;
            }
            for (int i = keep; i < chunks.length; i++) {
                if (chunks[i] != null) {
                    allocated -= chunks[i].length;
                    chunks[i] = null;
                }
            }
            int tailChunk = (int) (newSize >>> CHUNK_SHIFT);
            int tailOff = (int) (newSize & (CHUNK - 1));
            if (tailOff != 0 && tailChunk < chunks.length && chunks[tailChunk] != null) {
                byte[] c = chunks[tailChunk];
                if (tailOff < c.length) Arrays.fill(c, tailOff, c.length, (byte) 0);
            }
            if (keep < chunks.length / 4) chunks = Arrays.copyOf(chunks, keep);
        }
        size = newSize;
        return allocated - before;
    }

    /** A copy of chunk {@code idx} as it should be stored, or null for a hole (or past the end). */
    byte[] snapshot(int idx) {
        if (idx >= chunks.length || chunks[idx] == null || (long) idx << CHUNK_SHIFT >= size) return null;
        return chunks[idx].clone();
    }

    static int chunkCount(long size) { return (int) ((size + CHUNK - 1) >>> CHUNK_SHIFT); }

    static int chunkIndex(long pos) { return (int) (pos >>> CHUNK_SHIFT); }

    private static int capacityFor(int need) {
        if (need > CHUNK / 2) return CHUNK;
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(need - 1) << 1);
    }
}
