package dev.agentos.commands.text;

import dev.agentos.kernel.proc.ProcessContext;

/**
 * Reads delimiter-terminated records from an fd in 64 KiB blocks without copying: after
 * {@link #next}, the record is {@code buf[start..end)} (delimiter excluded) and {@link #delimited}
 * says whether it ended with the delimiter (false only for a final unterminated record).
 */
final class LineReader {
    private final ProcessContext ctx;
    private final int fd;
    private final byte delim;
    byte[] buf = new byte[64 * 1024];
    int start, end;
    boolean delimited;
    private int pos, limit;
    private boolean eof;

    LineReader(ProcessContext ctx, int fd, byte delim) {
        this.ctx = ctx;
        this.fd = fd;
        this.delim = delim;
    }

    boolean next() {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == delim) {
                    start = pos;
                    end = i;
                    delimited = true;
                    pos = i + 1;
                    return true;
                }
            }
            scan = limit;
            if (eof) {
                if (pos == limit) return false;
                start = pos;
                end = limit;
                delimited = false;
                pos = limit;
                return true;
            }
            if (pos > 0 && (limit == buf.length || pos > buf.length / 2)) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                scan -= pos;
                pos = 0;
            }
            if (limit == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            int n = ctx.read(fd, buf, limit, buf.length - limit);
            if (n <= 0) eof = true;
            else limit += n;
        }
    }

    int length() { return end - start; }
}
