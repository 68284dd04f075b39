package dev.agentos.kernel.net;

import dev.agentos.kernel.io.AbstractFileDescription;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One end of a connected stream socket: what the fd of a {@code connect} or an {@code accept} points
 * at. A full-duplex byte stream over two bounded buffers; the other end is another socket of the
 * VM or, for host egress, a pump to a real host socket ({@link HostConnection}).
 */
public final class SocketFile extends AbstractFileDescription {
    private final StreamBuffer in;
    private final StreamBuffer out;
    private final SocketInode inode;
    private final int localPort;
    private final int remotePort;
    /** The peer's address, for error details: {@code read 127.0.0.1:8080}. */
    private final String peer;
    private final Runnable onRelease;
    private final AtomicReference<SocketStreams> streams = new AtomicReference<>();

    SocketFile(StreamBuffer in, StreamBuffer out, SocketInode inode, int localPort, int remotePort, Runnable onRelease) {
        this(in, out, inode, localPort, Addresses.format(Addresses.LOOPBACK, remotePort), remotePort, onRelease);
    }

    /** A socket whose peer is {@code peer} ({@code host:port}, for error details), e.g. a host outside the VM. */
    SocketFile(StreamBuffer in, StreamBuffer out, SocketInode inode, int localPort, String peer, int remotePort,
               Runnable onRelease) {
        super(OpenFlags.O_RDWR);
        this.in = in;
        this.out = out;
        this.inode = inode;
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.peer = peer;
        this.onRelease = onRelease;
    }

    @Override public int read(byte[] buf, int off, int len) {
        return in.read(buf, off, len, nonBlocking(), peer);
    }

    @Override public int write(byte[] buf, int off, int len) {
        return out.write(buf, off, len, nonBlocking(), peer);
    }

    /** shutdown(SHUT_WR): the peer reads EOF once it has drained what we sent; we can still read. */
    public void shutdownOutput() {
        out.closeWriter();
    }

    /** This end's port: an ephemeral one for a client, the listener's port for an accepted socket. */
    public int localPort() { return localPort; }

    /** The other end's port. */
    public int remotePort() { return remotePort; }

    /** Bytes readable now without blocking (FIONREAD). */
    int available() { return in.available(); }

    /**
     * A host-side view of the incoming bytes. Together with {@link #outputStream()} it owns one
     * reference to this socket, dropped when both streams are closed.
     */
    public InputStream inputStream() {
        return streams().input();
    }

    /** A host-side view of the outgoing bytes; closing it shuts down output (the peer reads EOF). */
    public OutputStream outputStream() {
        return streams().output();
    }

    private SocketStreams streams() {
        return streams.updateAndGet(s -> s != null ? s : new SocketStreams(this));
    }

    /**
     * POLLIN when a read would not block, POLLOUT when a write would not, POLLHUP once neither
     * direction can carry bytes any more, POLLERR|POLLHUP after a reset.
     */
    @Override public int readyOps() {
        int ops = 0;
        if (in.readReady()) ops |= POLLIN;
        if (out.writeReady()) ops |= POLLOUT;
        if (in.isReset()) ops |= POLLERR | POLLHUP;
        else if (in.finished() && out.finished()) ops |= POLLHUP;
        return ops;
    }

    @Override public FileStat stat() { return inode.stat(); }

    @Override public String describe() { return inode.describe(); }

    /** Aborts the connection (RST): both ends fail their reads and writes, then this end is released. */
    void abort() {
        in.reset();
        out.reset();
        close();
    }

    /** Called by a buffer of this connection after each state change. */
    void readinessChanged() {
        fireReadiness();
    }

    /** Last close: FIN to the peer, and bytes it sends from now on break its pipe. */
    @Override protected void release() {
        out.closeWriter();
        in.closeReader();
        onRelease.run();
    }
}
