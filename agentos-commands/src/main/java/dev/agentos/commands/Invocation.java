package dev.agentos.commands;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of a {@link GnuCommand}: its context, parsed options, buffered stdout, and helpers for
 * the things every command does (open an operand or "-", report an error the GNU way).
 */
public final class Invocation {
    private final ProcessContext ctx;
    private final String name;
    private final Getopt.Parsed parsed;
    private final BufferedOutputStream out;

    Invocation(ProcessContext ctx, String name, Getopt.Parsed parsed) {
        this.ctx = ctx;
        this.name = name;
        this.parsed = parsed;
        // like glibc's stdio: line-buffered on a terminal, so interactive output shows up as it is made
        this.out = ctx.isatty(1) ? new LineBufferedOutput(ctx.stdout()) : new BufferedOutputStream(ctx.stdout(), 64 * 1024);
    }

    /** Flushes at every newline; used when standard output is a terminal. */
    private static final class LineBufferedOutput extends BufferedOutputStream {
        LineBufferedOutput(OutputStream target) {
            super(target, 4096);
        }

        @Override public synchronized void write(int b) throws IOException {
            super.write(b);
            if (b == '\n') flush();
        }

        @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    flush();
                    return;
                }
            }
        }
    }

    public ProcessContext ctx() { return ctx; }
    public Getopt.Parsed options() { return parsed; }
    public List<String> operands() { return parsed.operands(); }
    public boolean has(String key) { return parsed.has(key); }

    /** Buffered standard output, flushed when the command returns. */
    public OutputStream out() { return out; }

    public void print(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name: message} on stderr (stdout flushed first, so the two interleave as GNU's do). */
    public void error(String message) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gnu.print(ctx.stderr(), name + ": " + message + "\n");
    }

    /** {@code name: operand: No such file or directory}. */
    public void error(String operand, AgentOsException e) {
        error(operand + ": " + e.errno().map(x -> x.strerror()).orElse(e.getMessage()));
    }

    /** {@code name: cannot open 'x' for reading: ...} and friends: GNU quotes operands this way. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Opens an operand for reading; "-" is standard input (not closed by the stream). */
    public InputStream open(String operand) {
        if (operand.equals("-")) return ctx.stdin();
        int fd = ctx.open(operand, OpenFlags.O_RDONLY, 0);
        return new InputStream() {
            private boolean closed;

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
                if (!closed) {
                    closed = true;
                    ctx.close(fd);
                }
            }
        };
    }
}
