package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real host TCP socket bridged into the VM. The guest holds an ordinary {@link SocketFile} over two
 * buffers, so blocking, O_NONBLOCK, poll, shutdown and EOF behave exactly as on VM loopback; two
 * virtual threads pump bytes between those buffers and the host socket. Full buffers stop the pumps,
 * which is the back-pressure TCP's windows would give.
 *
 * <p>The host socket closes once the guest has closed its end and everything it wrote has been sent,
 * or at once when the connection breaks or the VM closes.
 */
final class HostConnection {
    private static final int CHUNK = 64 * 1024;

    private final Socket socket;
    private final StreamBuffer toGuest;
    private final StreamBuffer fromGuest;
    private final SocketFile guestEnd;
    private final String peer;
    private final Consumer<HostConnection> onClosed;
    /** The host socket closes when both the guest's close and the outbound pump's end have happened. */
    private final AtomicInteger closeVotes = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();

    private HostConnection(Socket socket, String peer, SocketInode inode, int bufferCapacity, Runnable releaseSlot,
                           Consumer<HostConnection> onClosed) {
        this.socket = socket;
        this.peer = peer;
        this.onClosed = onClosed;
        this.toGuest = new StreamBuffer(bufferCapacity);
        this.fromGuest = new StreamBuffer(bufferCapacity);
        this.guestEnd = new SocketFile(toGuest, fromGuest, inode, socket.getLocalPort(), peer, socket.getPort(), () -> {
            releaseSlot.run();
            vote();
        });
        toGuest.onChange(guestEnd::readinessChanged);
        fromGuest.onChange(guestEnd::readinessChanged);
    }

    /** Bridges a connected host socket; {@link #start()} begins moving bytes. */
    static HostConnection bridge(Socket socket, String peer, SocketInode inode, int bufferCapacity, Runnable releaseSlot,
                                 Consumer<HostConnection> onClosed) {
        return new HostConnection(socket, peer, inode, bufferCapacity, releaseSlot, onClosed);
    }

    void start() {
        Thread.ofVirtual().name("egress-in " + peer).start(this::pumpIn);
        Thread.ofVirtual().name("egress-out " + peer).start(this::pumpOut);
    }

    SocketFile guestEnd() { return guestEnd; }

    /** The VM is closing: the guest sees a reset and the host socket closes now. */
    void abort() {
        toGuest.reset();
        fromGuest.reset();
        closeSocket();
    }

    /** Host to guest, until the host's EOF (a FIN the guest reads as EOF) or the connection's end. */
    private void pumpIn() {
        byte[] buf = new byte[CHUNK];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buf)) >= 0; ) {
                toGuest.write(buf, 0, n, false, peer);
            }
            toGuest.closeWriter();
        } catch (IOException e) {
            // A reset by the host (or our own close, which has already settled both buffers).
            if (!closed.get()) {
                toGuest.reset();
                fromGuest.reset();
                closeSocket();
            }
        } catch (AgentOsException e) {
            // EPIPE: the guest closed its end; what the host still sends has nowhere to go.
        }
    }

    /** Guest to host, until the guest shuts down output or closes (a FIN to the host). */
    private void pumpOut() {
        byte[] buf = new byte[CHUNK];
        try {
            OutputStream out = socket.getOutputStream();
            for (int n; (n = fromGuest.read(buf, 0, buf.length, false, peer)) >= 0; ) {
                out.write(buf, 0, n);
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            // The host is gone: the guest's next write gets EPIPE.
            fromGuest.closeReader();
        } catch (AgentOsException e) {
            // The connection was reset: both buffers already report it.
        }
        vote();
    }

    private void vote() {
        if (closeVotes.decrementAndGet() == 0) closeSocket();
    }

    private void closeSocket() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket cannot fail in a way anyone could act on.
        }
        onClosed.accept(this);
    }
}
