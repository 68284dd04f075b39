package dev.agentos.kernel.proc;

import java.io.OutputStream;

/** An unbuffered OutputStream over a process's fd (programs add their own buffering). */
final class FdOutputStream extends OutputStream {
    private final ProcessContext ctx;
    private final int fd;

    FdOutputStream(ProcessContext ctx, int fd) {
        this.ctx = ctx;
        this.fd = fd;
    }

    @Override public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override public void write(byte[] b, int off, int len) {
        if (len > 0) ctx.write(fd, b, off, len);
    }
}
