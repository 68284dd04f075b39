package dev.agentos.commands.data;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams over VM files through the syscalls, for the data commands that read and write whole files. */
final class VmFiles {
    private VmFiles() {}

    static InputStream in(ProcessContext ctx, String path) {
        int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        return new FdIn(ctx, fd);
    }

    /** Creates or truncates {@code path} (mode before umask). */
    static OutputStream out(ProcessContext ctx, String path, int mode, boolean exclusive) {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC | (exclusive ? OpenFlags.O_EXCL : 0);
        int fd = ctx.open(path, flags, mode);
        return new FdOut(ctx, fd);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    static byte[] readFile(ProcessContext ctx, String path) throws IOException {
        try (InputStream in = in(ctx, path)) {
            return readAll(in);
        }
    }

    /** Standard input that is not closed with the stream. */
    static InputStream stdin(ProcessContext ctx) {
        return new FdIn(ctx, 0) {
            @Override public void close() { }
        };
    }

    static class FdIn extends InputStream {
        private final ProcessContext ctx;
        private final int fd;
        private boolean closed;

        FdIn(ProcessContext ctx, int fd) {
            this.ctx = ctx;
            this.fd = fd;
        }

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
    }

    static final class FdOut extends OutputStream {
        private final ProcessContext ctx;
        private final int fd;
        private boolean closed;

        FdOut(ProcessContext ctx, int fd) {
            this.ctx = ctx;
            this.fd = fd;
        }

        @Override public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) {
            if (len > 0) ctx.write(fd, b, off, len);
        }

        @Override public void close() {
            if (!closed) {
                closed = true;
                ctx.close(fd);
            }
        }
    }
}
