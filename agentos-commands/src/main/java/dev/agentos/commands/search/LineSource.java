package dev.agentos.commands.search;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines (or NUL-terminated records) inside one growing 64 KiB buffer,
 * without allocating per line. After {@link #next}, the line is {@code buffer()[start()..end())};
 * it stays valid until the next call.
 */
public final class LineSource {
    private final InputStream in;
    private final byte delim;
    private byte[] buf;
    private int pos;
    private int scan;
    private int limit;
    private boolean eof;
    private long base;
    private int start;
    private int end;
    private boolean terminated;

    public LineSource(InputStream in, byte delim) {
        this(in, delim, new byte[64 * 1024]);
    }

    /** Reads into {@code buffer} (reused across inputs to spare allocation; it may be replaced when it grows). */
    public LineSource(InputStream in, byte delim, byte[] buffer) {
        this.in = in;
        this.delim = delim;
        this.buf = buffer;
    }

    public byte[] buffer() { return buf; }
    public int start() { return start; }
    public int end() { return end; }
    /** True when the line ended with the delimiter (false for a last line without one). */
    public boolean terminated() { return terminated; }
    /** The stream offset of the current line's first byte. */
    public long offset() { return base + start; }
    /** How many bytes are buffered (valid for regex views over {@link #buffer()}). */
    public int limit() { return limit; }

    /** Reads ahead once and says whether the first chunk holds a NUL byte (GNU's binary test). */
    public boolean firstChunkHasNul() throws IOException {
        if (limit == 0 && !eof) fill();
        for (int i = pos; i < limit; i++) if (buf[i] == 0) return true;
        return false;
    }

    /** True when the unread buffered bytes hold a NUL. */
    public boolean bufferedHasNul() {
        for (int i = pos; i < limit; i++) if (buf[i] == 0) return true;
        return false;
    }

    public boolean next() throws IOException {
        while (true) {
            byte[] b = buf;
            for (int i = scan; i < limit; i++) {
                if (b[i] == delim) {
                    start = pos;
                    end = i;
                    terminated = true;
                    pos = i + 1;
                    scan = pos;
                    return true;
                }
            }
            scan = limit;
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    terminated = false;
                    pos = limit;
                    scan = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Reads the rest of the stream as one record (sed -z style slurping is not needed; used by tests). */
    public boolean atEof() throws IOException {
        if (pos < limit) return false;
        if (eof) return true;
        fill();
        return pos >= limit && eof;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            scan -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true; else limit += n;
    }
}
