package dev.agentos.kernel.proc;

import java.io.InputStream;

/** An unbuffered InputStream over a process's fd (programs add their own buffering). */
final class FdInputStream extends InputStream {
    private final ProcessContext ctx;
    private final int fd;

    FdInputStream(ProcessContext ctx, int fd) {
        this.ctx = ctx;
        this.fd = fd;
    }

    @Override public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        int n = ctx.read(fd, b, off, len);
        return n == 0 ? -1 : n;
    }
}
