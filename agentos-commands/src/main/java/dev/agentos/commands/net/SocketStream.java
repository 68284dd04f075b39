package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.proc.PollRequest;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.net.TlsStreams;
import dev.agentos.kernel.net.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connected socket fd of a guest process as a pair of streams. Reads honour a deadline on the VM's
 * clock (checked with poll before each read), so a silent peer becomes a {@link HttpException.Kind#TIMEOUT}
 * instead of a hang; kernel errors become IOExceptions naming their errno.
 */
final class SocketStream implements AutoCloseable {
    private final ProcessContext ctx;
    private final int fd;
    private long deadlineMillis = Long.MAX_VALUE;
    private long received;
    private boolean closed;
    private InputStream in = new In();
    private OutputStream out = new Out();
    private TlsStreams tls;

    SocketStream(ProcessContext ctx, int fd) {
        this.ctx = ctx;
        this.fd = fd;
    }

    int fd() { return fd; }

    /** This end's port (getsockname). */
    int localPort() {
        try {
            return ctx.socketPort(fd);
        } catch (AgentOsException e) {
            return 0;
        }
    }

    InputStream input() { return in; }

    OutputStream output() { return out; }

    /** Bytes read so far. */
    long received() { return received; }

    /** Reads after {@code epochMillis} (VM clock) fail with a timeout; Long.MAX_VALUE for none. */
    void deadline(long epochMillis) {
        this.deadlineMillis = epochMillis;
    }

    /** Waits until a read would not block, or the deadline passes (false). */
    boolean awaitReadable(long timeoutMillis) {
        PollRequest[] req = {new PollRequest(fd, Pollable.POLLIN)};
        return ctx.poll(req, timeoutMillis) > 0;
    }

    /** Runs a TLS handshake over the socket; from then on {@link #input()} and {@link #output()} are the plain text. */
    void startTls(String host, int port, TlsTrust trust) throws IOException {
        tls = TlsStreams.connect(in, out, host, port, trust);
        in = tls.input();
        out = tls.output();
    }

    void shutdownOutput() {
        if (tls != null) {
            try {
                tls.output().close();   // close_notify; the socket stays open for the answer
            } catch (IOException ignored) {
                // the peer went away; reading will say so
            }
            return;
        }
        ctx.shutdownOutput(fd);
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (tls != null) {
            try {
                tls.close();
            } catch (IOException ignored) {
                // closing the socket below ends it either way
            }
        }
        try {
            ctx.close(fd);
        } catch (AgentOsException ignored) {
            // already gone with the process's fd table
        }
    }

    private final class In extends InputStream {
        @Override public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) <= 0 ? -1 : b[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (deadlineMillis != Long.MAX_VALUE) {
                long left = deadlineMillis - ctx.clock().millis();
                if (left <= 0 || !awaitReadable(left)) {
                    throw new HttpException(HttpException.Kind.TIMEOUT, "timed out with " + received + " bytes received");
                }
            }
            int n;
            try {
                n = ctx.read(fd, b, off, len);
            } catch (AgentOsException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (n <= 0) return -1;
            received += n;
            return n;
        }

        @Override public void close() {
            // the socket closes as a whole, with SocketStream.close
        }
    }

    private final class Out extends OutputStream {
        @Override public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            try {
                ctx.write(fd, b, off, len);
            } catch (AgentOsException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
