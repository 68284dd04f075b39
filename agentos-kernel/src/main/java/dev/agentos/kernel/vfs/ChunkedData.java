package dev.agentos.kernel.vfs;

import java.util.Arrays;

/**
 * The bytes of an in-memory regular file, in chunks of up to 64 KiB. A null chunk is a hole and reads
 * as zeros, so a sparse 1 GiB file costs almost nothing; a chunk may be shorter than 64 KiB (small
 * files do not pay for a full chunk) and grows by doubling. Appending touches only the last chunk,
 * never copies the file.
 *
 * <p>Invariant: bytes at or past {@link #size()} inside allocated chunks are zero, so extending the
 * file (truncate up, or a write past the end) exposes zeros without clearing anything.
 *
 * <p>A backend that keeps chunks elsewhere (the server's durable store) starts one with only its size
 * and allocation ({@link #ChunkedData(long, long)}) and {@link #restore}s chunks as they are touched.
 *
 * <p>Not thread-safe: the owning file system's lock guards it.
 */
public final class ChunkedData {
    public static final int CHUNK_SHIFT = 16;
    public static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MIN_CAPACITY = 64;
    private static final byte[][] NO_CHUNKS = new byte[0][];

    private byte[][] chunks = NO_CHUNKS;
    private long size;
    private long allocated;

    /** An empty file. */
    public ChunkedData() {}

    /** A file of {@code size} bytes whose chunks ({@code allocated} bytes of them) are not in memory yet. */
    public ChunkedData(long size, long allocated) {
        this.size = size;
        this.allocated = allocated;
    }

    public long size() { return size; }

    /** Bytes held by chunks: what quotas count. */
    public long allocated() { return allocated; }

    /** Chunk {@code idx} as held in memory; null for a hole (or a chunk not restored yet). */
    public byte[] chunk(int idx) { return idx < chunks.length ? chunks[idx] : null; }

    /** Puts back a chunk kept elsewhere; its bytes are already counted in {@link #allocated}. */
    public void restore(int idx, byte[] chunk) {
        if (idx >= chunks.length) chunks = Arrays.copyOf(chunks, Math.max(idx + 1, chunkCount(size)));
        chunks[idx] = chunk;
    }

    /** Stops counting {@code bytes} of chunks kept elsewhere that a truncation dropped. */
    public void release(long bytes) { allocated -= bytes; }

    /** How many chunks a file of {@code size} bytes spans. */
    public static int chunkCount(long size) { return (int) ((size + CHUNK - 1) >>> CHUNK_SHIFT); }

    /** Reads up to {@code len} bytes at {@code pos}; -1 at or past the end. */
    public int read(long pos, byte[] buf, int off, int len) {
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

    /** How many more bytes {@link #write} at this range would allocate: checked against quotas first. */
    public long growthFor(long pos, int len) {
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

    /** Writes bytes, allocating chunks (the caller has reserved {@link #growthFor} bytes). */
    public void write(long pos, byte[] buf, int off, int len) {
        if (len == 0) return;
        long end = pos + len;
        int lastChunk = (int) ((end - 1) >>> CHUNK_SHIFT);
        if (lastChunk >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(lastChunk + 1, chunks.length * 2));
        }
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

    /** Sets the size; returns the change in allocated bytes (zero or negative: growing stays sparse). */
    public long truncate(long newSize) {
        long before = allocated;
        if (newSize < size) {
            int keep = chunkCount(newSize); // chunks still (partly) inside the file
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
                if (tailOff < c.length) Arrays.fill(c, tailOff, c.length, (byte) 0); // keep the zero invariant
            }
            if (keep < chunks.length / 4) chunks = Arrays.copyOf(chunks, keep); // give back a mostly empty table
        }
        size = newSize;
        return allocated - before;
    }

    /** Drops all data (the file's last link is gone); returns the bytes freed. */
    public long clear() {
        long freed = allocated;
        chunks = NO_CHUNKS;
        allocated = 0;
        size = 0;
        return freed;
    }

    private static int capacityFor(int need) {
        if (need > CHUNK / 2) return CHUNK;
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(need - 1) << 1);
    }
}
