package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * java.io views of a socket for host-side code such as vmFetch. Kernel errors become IOExceptions
 * (EINTR an InterruptedIOException with the interrupt re-asserted, as java.io callers expect), and
 * the pair holds the caller's one reference to the socket, released when both are closed.
 */
final class SocketStreams {
    private final SocketFile socket;
    private final AtomicInteger openViews = new AtomicInteger(2);
    private final Input input = new Input();
    private final Output output = new Output();

    SocketStreams(SocketFile socket) {
        this.socket = socket;
    }

    InputStream input() { return input; }

    OutputStream output() { return output; }

    private void viewClosed() {
        if (openViews.decrementAndGet() == 0) socket.close();
    }

    private static IOException translate(AgentOsException e) {
        if (e.is(Errno.EINTR)) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException(e.getMessage());
            io.initCause(e);
            return io;
        }
        return new IOException(e.getMessage(), e);
    }

    private final class Input extends InputStream {
        private final AtomicBoolean closed = new AtomicBoolean();

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (closed.get()) throw new IOException("Stream closed");
            try {
                return socket.read(b, off, len);
            } catch (AgentOsException e) {
                throw translate(e);
            }
        }

        @Override public int available() throws IOException {
            if (closed.get()) throw new IOException("Stream closed");
            return socket.available();
        }

        @Override public void close() {
            if (closed.compareAndSet(false, true)) viewClosed();
        }
    }

    private final class Output extends OutputStream {
        private final AtomicBoolean closed = new AtomicBoolean();

        @Override public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            if (closed.get()) throw new IOException("Stream closed");
            try {
                // A blocking socket write takes everything unless a signal cuts it short; finish the job.
                int done = 0;
                while (done < len) done += socket.write(b, off + done, len - done);
            } catch (AgentOsException e) {
                throw translate(e);
            }
        }

        @Override public void close() {
            if (closed.compareAndSet(false, true)) {
                socket.shutdownOutput();
                viewClosed();
            }
        }
    }
}
