package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one door from a VM to the host network. The policy judges the name before any lookup, the
 * name is resolved here on the host, every address is judged again, and the socket connects to an
 * address that passed: what was checked is exactly what is reached. Allowed connections become
 * {@link HostConnection}s counted against the VM's socket limit and closed with the VM.
 */
final class HostEgress {
    /** How long a connect may take before ETIMEDOUT; Linux's own SYN retries give up after about two minutes. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final EgressPolicy policy;
    private final HostResolver resolver;
    private final Dialer dialer;
    private final SocketQuota quota;
    private final Supplier<SocketInode> inodes;
    private final int bufferCapacity;
    private final Set<HostConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Opens the TCP connection; tests wrap the real one to see whether the network was touched. */
    @FunctionalInterface
    interface Dialer {
        Dialer TCP = (target, timeoutMillis) -> {
            Socket s = new Socket();
            try {
                s.connect(target, timeoutMillis);
                return s;
            } catch (IOException e) {
                closeQuietly(s);
                throw e;
            }
        };

        Socket dial(InetSocketAddress target, int timeoutMillis) throws IOException;
    }

    HostEgress(EgressPolicy policy, HostResolver resolver, Dialer dialer, SocketQuota quota, Supplier<SocketInode> inodes,
               int bufferCapacity) {
        this.policy = policy;
        this.resolver = resolver;
        this.dialer = dialer;
        this.quota = quota;
        this.inodes = inodes;
        this.bufferCapacity = bufferCapacity;
    }

    boolean exemptsLoopbackPort(int port) {
        return policy.exemptsLoopbackPort(port);
    }

    /** connect(2) to a host outside the VM: EACCES naming the rule when the policy refuses. */
    SocketFile connect(String host, int port) {
        String detail = "connect " + Addresses.format(host, port);
        EgressPolicy.Decision byName = policy.checkName(host, port);
        if (!byName.allowed()) throw refused(detail, byName);
        List<InetAddress> addresses;
        var literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else {
            try {
                addresses = resolver.resolve(EgressRules.normalize(host));
            } catch (UnknownHostException e) {
                throw new AgentOsException("net", "ENOTFOUND", "ENOTFOUND: name not resolved, " + detail + " (no address for " + host + ")");
            }
        }
        return connectChecked(host, addresses, port, detail);
    }

    /**
     * A VM loopback connection to an exempt port that no guest listens on: it goes to the host's
     * loopback instead. {@code ::1} stays IPv6; every other spelling tries 127.0.0.1, then ::1.
     */
    SocketFile connectLoopback(String host, int port) {
        String detail = "connect " + Addresses.format(host, port);
        InetAddress v4 = IpLiteral.parse("127.0.0.1").orElseThrow(), v6 = IpLiteral.parse("::1").orElseThrow();
        boolean ipv6 = EgressRules.normalize(host).equals("::1");
        return connectChecked(host, ipv6 ? List.of(v6) : List.of(v4, v6), port, detail);
    }

    private SocketFile connectChecked(String host, List<InetAddress> addresses, int port, String detail) {
        List<InetAddress> allowed = new ArrayList<>();
        EgressPolicy.Decision firstRefusal = null;
        for (InetAddress a : addresses) {
            EgressPolicy.Decision d = policy.checkAddress(host, a, port);
            if (d.allowed()) allowed.add(a);
            else if (firstRefusal == null) firstRefusal = d;
        }
        if (allowed.isEmpty()) throw refused(detail, firstRefusal);
        if (closed) throw AgentOsException.errnoDetail(Errno.ENETUNREACH, detail + " (the VM is closing)");
        quota.acquire(1);
        boolean handedOver = false;
        try {
            Socket socket = open(allowed, port, detail);
            String peer = Addresses.format(IpLiteral.format(socket.getInetAddress()), port);
            HostConnection c = HostConnection.bridge(socket, peer, inodes.get(), bufferCapacity, quota::release, live::remove);
            live.add(c);
            c.start();
            handedOver = true;
            // A close racing this connect must not leave the new socket behind.
            if (closed) c.abort();
            return c.guestEnd();
        } finally {
            if (!handedOver) quota.release();
        }
    }

    /** Tries each allowed address in turn, as getaddrinfo's callers do; the last failure is reported. */
    private Socket open(List<InetAddress> addresses, int port, String detail) {
        AgentOsException last = null;
        for (InetAddress a : addresses) {
            try {
                Socket s = dialer.dial(new InetSocketAddress(a, port), (int) CONNECT_TIMEOUT.toMillis());
                s.setTcpNoDelay(true);
                return s;
            } catch (IOException e) {
                // A signal interrupts the parked connect (the JDK closes the socket): EINTR, like connect(2).
                if (Thread.interrupted()) throw AgentOsException.errnoDetail(Errno.EINTR, detail);
                last = AgentOsException.errnoDetail(errnoOf(e), detail);
            }
        }
        throw last;
    }

    private static Errno errnoOf(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof SocketTimeoutException || m.contains("timed out")) return Errno.ETIMEDOUT;
        if (e instanceof NoRouteToHostException || m.contains("no route")) return Errno.EHOSTUNREACH;
        if (m.contains("unreachable")) return Errno.ENETUNREACH;
        if (e instanceof ConnectException || m.contains("refused")) return Errno.ECONNREFUSED;
        return Errno.ENETUNREACH;
    }

    private static AgentOsException refused(String detail, EgressPolicy.Decision d) {
        return AgentOsException.errnoDetail(Errno.EACCES, detail + " (" + d.rule() + ")");
    }

    /** Host sockets open now (guest ends not yet closed, or still flushing). */
    int liveConnections() {
        return live.size();
    }

    /** The VM is closing: every host socket closes now and no new one opens. */
    void close() {
        closed = true;
        for (HostConnection c : List.copyOf(live)) c.abort();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do: the connect already failed
        }
    }
}
