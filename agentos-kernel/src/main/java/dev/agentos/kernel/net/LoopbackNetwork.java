package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The network of one VM: TCP-like stream sockets between its guest processes and the host-side API,
 * all on the VM's own loopback. Connections to any other host go through the {@link EgressPolicy}.
 */
public final class LoopbackNetwork {
    /** Linux's SOMAXCONN: larger backlogs are silently capped, as listen(2) does. */
    static final int MAX_BACKLOG = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final PortTable ports = new PortTable();
    private final SocketQuota quota;
    private final HostEgress egress;
    private final int bufferCapacity;
    private final InstantSource clock;
    private final AtomicLong inodes = new AtomicLong();
    private volatile String hostname = "";

    /** A network allowing {@code maxSockets} open sockets, reaching other hosts as {@code egress} allows. */
    public LoopbackNetwork(int maxSockets, EgressPolicy egress) {
        this(maxSockets, egress, StreamBuffer.DEFAULT_CAPACITY, InstantSource.system());
    }

    LoopbackNetwork(int maxSockets, EgressPolicy egress, int bufferCapacity, InstantSource clock) {
        this(maxSockets, egress, HostResolver.SYSTEM, HostEgress.Dialer.TCP, bufferCapacity, clock);
    }

    LoopbackNetwork(int maxSockets, EgressPolicy egress, HostResolver resolver, HostEgress.Dialer dialer, int bufferCapacity,
                    InstantSource clock) {
        this.quota = new SocketQuota(maxSockets);
        this.bufferCapacity = bufferCapacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.egress = new HostEgress(Objects.requireNonNull(egress, "egress"), resolver, dialer, quota, this::newInode, bufferCapacity);
    }

    /** The VM's hostname, which then also names its loopback (set once /etc/hostname is known). */
    public void setHostname(String hostname) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
    }

    /**
     * listen(2) on a VM port. Every loopback or wildcard host means the same single interface;
     * port 0 picks a free ephemeral port (see {@link ListeningSocket#port()}).
     */
    public ListeningSocket listen(String host, int port, int backlog) {
        String detail = "listen " + Addresses.format(host, port);
        if (!Addresses.isLocal(host, hostname)) throw AgentOsException.errnoDetail(Errno.EADDRNOTAVAIL, detail);
        if (!Addresses.validPort(port)) throw AgentOsException.errnoDetail(Errno.EINVAL, detail);
        // listen(fd, 0) still admits one connection on Linux.
        int queue = Math.clamp(backlog, 1, MAX_BACKLOG);
        lock.lock();
        try {
            int chosen = port;
            if (port == 0) {
                OptionalInt free = ports.freeEphemeral();
                if (free.isEmpty()) throw AgentOsException.errnoDetail(Errno.EADDRINUSE, detail + " (no free ephemeral port)");
                chosen = free.getAsInt();
            } else if (ports.listener(port) != null) {
                throw AgentOsException.errnoDetail(Errno.EADDRINUSE, detail);
            }
            quota.acquire(1);
            ListeningSocket socket = new ListeningSocket(host, chosen, queue, newInode(), this::unlisten);
            ports.bind(chosen, socket);
            return socket;
        } finally {
            lock.unlock();
        }
    }

    /**
     * connect(2). To the VM itself the connection is established at once and queued in the
     * listener's backlog, so this never blocks. A full backlog refuses the connection instead of
     * letting it wait: real TCP would retransmit the SYN for a while and then time out, which a
     * guest experiences as a hang, and an immediate ECONNREFUSED tells it more.
     *
     * <p>Any other host goes through the egress policy to a real host socket (this blocks while it
     * resolves and connects), and so does a loopback port the policy exempts when no guest listens
     * on it.
     */
    public SocketFile connect(String host, int port) {
        String detail = "connect " + Addresses.format(host, port);
        if (!Addresses.validPort(port)) throw AgentOsException.errnoDetail(Errno.EINVAL, detail);
        if (!Addresses.isLocal(host, hostname)) return egress.connect(host, port);
        if (egress.exemptsLoopbackPort(port) && !isListening(port)) return egress.connectLoopback(host, port);
        ListeningSocket listener;
        Connection connection;
        lock.lock();
        try {
            listener = ports.listener(port);
            if (listener == null || !listener.hasRoom()) throw AgentOsException.errnoDetail(Errno.ECONNREFUSED, detail);
            OptionalInt free = ports.freeEphemeral();
            if (free.isEmpty()) throw AgentOsException.errnoDetail(Errno.EADDRNOTAVAIL, detail + " (no free ephemeral port)");
            int clientPort = free.getAsInt();
            // Both ends count against the limit from the start: an unaccepted connection holds memory too.
            quota.acquire(2);
            ports.holdClientPort(clientPort);
            connection = Connection.open(bufferCapacity,
                    newInode(), clientPort, () -> releaseClientEnd(clientPort),
                    newInode(), port, quota::release);
        } finally {
            lock.unlock();
        }
        // Queued outside the lock so the listener's pollers are never woken under it. The listener
        // may have closed or filled up meanwhile; that is a refusal like any other.
        if (!listener.offer(connection.server())) {
            connection.server().abort();
            connection.client().close();
            throw AgentOsException.errnoDetail(Errno.ECONNREFUSED, detail);
        }
        return connection.client();
    }

    /** True while some socket listens on {@code port}. */
    public boolean isListening(int port) {
        lock.lock();
        try {
            return ports.listener(port) != null;
        } finally {
            lock.unlock();
        }
    }

    /** The ports listened on, in ascending order. */
    public List<Integer> listeningPorts() {
        lock.lock();
        try {
            return List.copyOf(ports.listeningPorts());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The VM is closing: every host socket closes now and no new one opens. Sockets between guests
     * close with the processes that hold them.
     */
    public void close() {
        egress.close();
    }

    /** Host sockets open now, for tests and /proc-like views. */
    int hostConnections() {
        return egress.liveConnections();
    }

    /** Sockets counted against the limit now: listeners plus connected (or pending) endpoints. */
    public int openSockets() {
        return quota.used();
    }

    private SocketInode newInode() {
        return new SocketInode(inodes.incrementAndGet(), epochNanos());
    }

    private long epochNanos() {
        var now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private void unlisten(ListeningSocket socket) {
        lock.lock();
        try {
            ports.unbind(socket.port(), socket);
        } finally {
            lock.unlock();
        }
        quota.release();
    }

    private void releaseClientEnd(int clientPort) {
        lock.lock();
        try {
            ports.releaseClientPort(clientPort);
        } finally {
            lock.unlock();
        }
        quota.release();
    }
}
