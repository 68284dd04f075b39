package dev.agentos.commands.search;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the search commands share: a 64 KiB buffered stdout, GNU-worded errors on stderr, and
 * unbuffered input streams over file descriptors.
 */
public final class CommandIo {
    private final ProcessContext ctx;
    private final String name;
    private final Out out;

    public CommandIo(ProcessContext ctx, String name) {
        this.ctx = ctx;
        this.name = name;
        this.out = new Out(ctx, 1);
    }

    public ProcessContext ctx() { return ctx; }
    public String name() { return name; }
    public Out out() { return out; }

    /** {@code name: message} on stderr, after flushing stdout so the two interleave as GNU's do. */
    public void error(String message) {
        out.flush();
        byte[] b = (name + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    public static String reason(AgentOsException e) {
        return e.errno().map(x -> x.strerror()).orElse(e.getMessage());
    }

    /** A stream over {@code fd} (closing it closes the fd unless it is 0). */
    public InputStream input(int fd) {
        return new InputStream() {
            @Override public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) <= 0 ? -1 : b[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                int n = ctx.read(fd, b, off, len);
                return n <= 0 ? -1 : n;
            }

            @Override public void close() {
                if (fd != 0) ctx.close(fd);
            }
        };
    }

    /** A 64 KiB buffered writer over an fd, byte-oriented. */
    public static final class Out extends OutputStream {
        private final ProcessContext ctx;
        private final int fd;
        private final byte[] buf = new byte[64 * 1024];
        private int n;

        public Out(ProcessContext ctx, int fd) {
            this.ctx = ctx;
            this.fd = fd;
        }

        @Override public void write(int b) {
            if (n == buf.length) flush();
            buf[n++] = (byte) b;
        }

        @Override public void write(byte[] b, int off, int len) {
            if (len > buf.length - n) {
                flush();
                if (len > buf.length) {
                    ctx.write(fd, b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        public void print(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            write(b, 0, b.length);
        }

        /** Writes the decimal digits of {@code v} without allocating. */
        public void printNumber(long v) {
            if (v < 0) {
                write('-');
                v = -v;
            }
            if (n + 20 > buf.length) flush();
            int start = n;
            do {
                buf[n++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            for (int i = start, j = n - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }

        @Override public void flush() {
            if (n > 0) {
                int len = n;
                n = 0;
                ctx.write(fd, buf, 0, len);
            }
        }
    }

    /** Encodes a String as the bytes it stands for (arguments are decoded as UTF-8 by the kernel). */
    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Latin-1 view of UTF-8 bytes: one char per byte, as regexes over byte text need. */
    public static String latin1(String s) {
        return new String(bytes(s), StandardCharsets.ISO_8859_1);
    }

    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
