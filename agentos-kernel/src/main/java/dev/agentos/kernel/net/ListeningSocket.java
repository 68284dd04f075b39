package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.AbstractFileDescription;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A socket listening on a VM port: what the fd of {@code listen} points at. Connections arrive
 * already established (there is no handshake to wait for on loopback) and queue here until accepted.
 */
public final class ListeningSocket extends AbstractFileDescription {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingChanged = lock.newCondition();
    private final ArrayDeque<SocketFile> pending = new ArrayDeque<>();
    private final int port;
    private final int backlog;
    private final SocketInode inode;
    private final String address;
    private final Consumer<ListeningSocket> onRelease;
    private boolean closed;

    ListeningSocket(String host, int port, int backlog, SocketInode inode, Consumer<ListeningSocket> onRelease) {
        super(OpenFlags.O_RDWR);
        this.port = port;
        this.backlog = backlog;
        this.inode = inode;
        this.address = Addresses.format(host, port);
        this.onRelease = onRelease;
    }

    /** The port this socket listens on (the one picked, when listen asked for port 0). */
    public int port() { return port; }

    /** Takes the oldest pending connection, blocking until one arrives. */
    public SocketFile accept() {
        SocketFile next;
        lock.lock();
        try {
            while (pending.isEmpty()) {
                if (closed) throw AgentOsException.errnoDetail(Errno.EINVAL, "accept " + address);
                if (nonBlocking()) throw AgentOsException.errnoDetail(Errno.EAGAIN, "accept " + address);
                Interruptible.awaitOrThrow(pendingChanged, "accept " + address);
            }
            next = pending.poll();
        } finally {
            lock.unlock();
        }
        fireReadiness();
        return next;
    }

    /** Queues the server end of a new connection; false when the backlog is full or the socket closed. */
    boolean offer(SocketFile serverEnd) {
        lock.lock();
        try {
            if (closed || pending.size() >= backlog) return false;
            pending.add(serverEnd);
            pendingChanged.signal();
        } finally {
            lock.unlock();
        }
        fireReadiness();
        return true;
    }

    /** True while another connection would fit in the backlog. */
    boolean hasRoom() {
        lock.lock();
        try {
            return !closed && pending.size() < backlog;
        } finally {
            lock.unlock();
        }
    }

    @Override public int read(byte[] buf, int off, int len) {
        throw AgentOsException.errnoDetail(Errno.ENOTCONN, "read " + address);
    }

    @Override public int write(byte[] buf, int off, int len) {
        // ENOTCONN rather than Linux's EPIPE: a write to a listener is a program bug, not a hang-up,
        // and must not kill the writer with SIGPIPE.
        throw AgentOsException.errnoDetail(Errno.ENOTCONN, "write " + address);
    }

    /** POLLIN while a connection waits to be accepted. */
    @Override public int readyOps() {
        lock.lock();
        try {
            return pending.isEmpty() ? 0 : POLLIN;
        } finally {
            lock.unlock();
        }
    }

    @Override public FileStat stat() { return inode.stat(); }

    @Override public String describe() { return inode.describe(); }

    /**
     * Last close: the port is freed first (so it can be listened on again at once and no new
     * connection can arrive), then the connections nobody accepted are reset.
     */
    @Override protected void release() {
        onRelease.accept(this);
        List<SocketFile> orphans;
        lock.lock();
        try {
            closed = true;
            orphans = List.copyOf(pending);
            pending.clear();
            pendingChanged.signalAll();
        } finally {
            lock.unlock();
        }
        orphans.forEach(SocketFile::abort);
        fireReadiness();
    }
}
