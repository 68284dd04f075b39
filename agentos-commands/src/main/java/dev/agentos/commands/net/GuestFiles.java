package dev.agentos.commands.net;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.InputStream;

/** Opens a guest file (or "-" for standard input) as a stream that closes its fd. */
final class GuestFiles {
    private GuestFiles() {}

    static InputStream open(ProcessContext ctx, String path) {
        if (path.equals("-")) return ctx.stdin();
        return new FdInput(ctx, ctx.open(path, OpenFlags.O_RDONLY, 0));
    }

    /** The whole content of a guest file (or standard input for "-"). */
    static byte[] readAll(ProcessContext ctx, String path) throws java.io.IOException {
        try (InputStream in = open(ctx, path)) {
            return in.readAllBytes();
        }
    }

    /** An fd's bytes; close() closes the fd. */
    static final class FdInput extends InputStream {
        private final ProcessContext ctx;
        private final int fd;
        private boolean closed;

        FdInput(ProcessContext ctx, int fd) {
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
}
