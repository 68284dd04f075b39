package dev.agentos.kernel.net;

import static dev.agentos.kernel.net.Sockets.readExactly;
import static dev.agentos.kernel.net.Sockets.readTextToEof;
import static dev.agentos.kernel.net.Sockets.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Guest connections to real host sockets on loopback: what the policy lets through, and how the bridge behaves. */
@Timeout(30)
class HostEgressTest {
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> dialed = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    private final HostResolver resolver = host -> {
        lookups.add(host);
        return switch (host) {
            case "intranet.test" -> List.of(ip("10.1.2.3"));
            case "box.test" -> List.of(ip("127.0.0.2"));
            case "dev.test" -> List.of(ip("127.0.0.1"));
            default -> throw new UnknownHostException(host);
        };
    };
    private final HostEgress.Dialer dialer = (target, timeout) -> {
        dialed.add(target);
        return HostEgress.Dialer.TCP.dial(target, timeout);
    };

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    private LoopbackNetwork network(int maxSockets, EgressRules rules) {
        LoopbackNetwork net = new LoopbackNetwork(maxSockets, rules, resolver, dialer, StreamBuffer.DEFAULT_CAPACITY,
                InstantSource.system());
        cleanup.add(net::close);
        return net;
    }

    private HostServer server(String address) throws IOException {
        HostServer s = new HostServer(address);
        cleanup.add(s);
        return s;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) c.close();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) line.write(b);
        return line.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAllowedHostIsReachedAndBytesFlowBothWays() throws Exception {
        HostServer host = server("127.0.0.2");
        LoopbackNetwork net = network(16, EgressRules.allowing("127.0.0.2:" + host.port()));

        SocketFile guest = net.connect("box.test", host.port());
        Socket remote = host.accept();
        send(guest, "hello from the vm\n");
        assertThat(readLine(remote.getInputStream())).isEqualTo("hello from the vm");
        remote.getOutputStream().write("hello from the host\n".getBytes(StandardCharsets.UTF_8));
        remote.shutdownOutput();

        assertThat(readTextToEof(guest)).isEqualTo("hello from the host\n");
        assertThat(guest.remotePort()).isEqualTo(host.port());
        assertThat(guest.localPort()).isEqualTo(remote.getPort());
        assertThat(dialed).containsExactly(new InetSocketAddress(ip("127.0.0.2"), host.port()));

        guest.shutdownOutput();
        assertThat(remote.getInputStream().read()).as("the guest's FIN").isEqualTo(-1);
        guest.close();
        awaitNoHostConnections(net);
        assertThat(net.openSockets()).isZero();
    }

    @Test
    void aMegabyteEchoesThroughTheBridgeWithBackPressure() throws Exception {
        HostServer host = server("127.0.0.2");
        LoopbackNetwork net = network(16, EgressRules.allowing("127.0.0.2"));
        SocketFile guest = net.connect("127.0.0.2", host.port());
        Socket remote = host.accept();
        Thread.ofVirtual().start(() -> {
            try (remote) {
                remote.getInputStream().transferTo(remote.getOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);

        Future<Object> writer = Sockets.virtual(() -> {
            Sockets.writeAll(guest, data);
            guest.shutdownOutput();
            return null;
        });
        byte[] back = Sockets.readToEof(guest);
        Sockets.await(writer);

        assertThat(Arrays.equals(back, data)).as("all %d bytes came back in order", data.length).isTrue();
    }

    @Test
    void aDeniedHostFailsWithEaccesNamingTheRuleBeforeAnyLookup() {
        LoopbackNetwork net = network(16, EgressRules.allowing("api.example.test:443"));

        assertThatThrownBy(() -> net.connect("other.test", 443))
                .hasMessage("EACCES: permission denied, connect other.test:443 (host egress denied: no rule allows other.test:443)")
                .satisfies(e -> assertThat(((AgentOsException) e).is(Errno.EACCES)).isTrue());
        assertThatThrownBy(() -> net.connect("api.example.test", 80))
                .hasMessage("EACCES: permission denied, connect api.example.test:80 (host egress denied: no rule allows api.example.test:80)");
        assertThat(lookups).isEmpty();
        assertThat(dialed).isEmpty();
    }

    @Test
    void metadataAndPrivateAddressesAreRefusedWithoutAnyNetworkAttempt() {
        LoopbackNetwork net = network(16, EgressRules.allowing("*"));

        assertThatThrownBy(() -> net.connect("169.254.169.254", 80))
                .hasMessage("EACCES: permission denied, connect 169.254.169.254:80 (metadata address 169.254.169.254 is refused: no rule allows it)");
        assertThatThrownBy(() -> net.connect("10.0.0.1", 80))
                .hasMessage("EACCES: permission denied, connect 10.0.0.1:80 (private address 10.0.0.1 is refused: no rule allows it)");
        assertThatThrownBy(() -> net.connect("metadata.google.internal", 80))
                .hasMessage("EACCES: permission denied, connect metadata.google.internal:80 (metadata address metadata.google.internal is refused: no rule allows it)");
        assertThatThrownBy(() -> net.connect("fd00:ec2::254", 80))
                .hasMessage("EACCES: permission denied, connect [fd00:ec2::254]:80 (metadata address fd00:ec2::254 is refused: no rule allows it)");
        assertThat(lookups).isEmpty();
        assertThat(dialed).isEmpty();
        assertThat(net.openSockets()).isZero();
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedAfterTheLookup() {
        LoopbackNetwork net = network(16, EgressRules.allowing("*.test"));

        assertThatThrownBy(() -> net.connect("intranet.test", 443))
                .hasMessage("EACCES: permission denied, connect intranet.test:443 "
                        + "(intranet.test resolves to private address 10.1.2.3, which is refused: no rule allows it)");
        assertThat(lookups).containsExactly("intranet.test");
        assertThat(dialed).isEmpty();
    }

    @Test
    void anUnknownNameFailsWithEnotfound() {
        LoopbackNetwork net = network(16, EgressRules.allowing("*.test"));

        assertThatThrownBy(() -> net.connect("missing.test", 443))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("ENOTFOUND: name not resolved, connect missing.test:443 (no address for missing.test)")
                .satisfies(e -> assertThat(((AgentOsException) e).code()).isEqualTo("ENOTFOUND"));
        assertThat(net.openSockets()).isZero();
    }

    @Test
    void anExemptLoopbackPortReachesTheHostAndOtherLoopbackPortsStayInside() throws Exception {
        HostServer exempt = server("127.0.0.1");
        HostServer other = server("127.0.0.1");
        LoopbackNetwork net = network(16, EgressRules.allowing("dev.test:*").withLoopbackExemptPorts(List.of(exempt.port())));

        for (String spelling : List.of("127.0.0.1", "localhost")) {
            SocketFile guest = net.connect(spelling, exempt.port());
            Socket remote = exempt.accept();
            remote.getOutputStream().write("hi\n".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(readExactly(guest, 3), StandardCharsets.UTF_8)).isEqualTo("hi\n");
            guest.close();
        }
        assertThatThrownBy(() -> net.connect("127.0.0.1", other.port()))
                .as("the VM's own loopback, where nothing listens")
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.ECONNREFUSED));
        assertThatThrownBy(() -> net.connect("dev.test", other.port()))
                .hasMessage("EACCES: permission denied, connect dev.test:" + other.port()
                        + " (dev.test resolves to loopback address 127.0.0.1, which is refused: no rule allows it)");
        assertThat(net.connect("dev.test", exempt.port()).remotePort()).as("a name resolving to loopback on the exempt port")
                .isEqualTo(exempt.port());
        assertThat(dialed).extracting(InetSocketAddress::getPort).containsOnly(exempt.port());
    }

    @Test
    void aGuestListeningOnAnExemptPortKeepsItsConnections() {
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(3000)));
        ListeningSocket listener = net.listen("0.0.0.0", 3000, 4);

        SocketFile client = net.connect("127.0.0.1", 3000);
        SocketFile server = listener.accept();
        send(client, "x");

        assertThat(readExactly(server, 1)).containsExactly('x');
        assertThat(dialed).isEmpty();
    }

    @Test
    void aClosedHostPortIsRefused() throws Exception {
        int port = HostServer.closedPort();
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(port)));

        assertThatThrownBy(() -> net.connect("127.0.0.1", port))
                .hasMessage("ECONNREFUSED: connection refused, connect 127.0.0.1:" + port);
        assertThat(net.openSockets()).isZero();
    }

    @Test
    void hostConnectionsCountAgainstTheSocketLimit() throws Exception {
        HostServer host = server("127.0.0.1");
        LoopbackNetwork net = network(2, EgressRules.NONE.withLoopbackExemptPorts(List.of(host.port())));

        SocketFile first = net.connect("127.0.0.1", host.port());
        net.connect("127.0.0.1", host.port());
        assertThat(net.openSockets()).isEqualTo(2);
        assertThatThrownBy(() -> net.connect("127.0.0.1", host.port()))
                .hasMessage("EMFILE: too many open files, socket (limit of 2 sockets reached)");
        assertThat(dialed).as("the third was never dialed").hasSize(2);

        first.close();
        assertThat(net.openSockets()).isEqualTo(1);
        net.connect("127.0.0.1", host.port());
        assertThat(net.openSockets()).isEqualTo(2);
    }

    @Test
    void closingTheVmClosesItsHostSockets() throws Exception {
        HostServer host = server("127.0.0.1");
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(host.port())));
        SocketFile guest = net.connect("127.0.0.1", host.port());
        Socket remote = host.accept();

        net.close();

        assertThat(readOrReset(remote.getInputStream())).as("the host sees the connection end").isEqualTo(-1);
        assertThatThrownBy(() -> guest.read(new byte[1], 0, 1))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.ECONNRESET));
        assertThat(net.hostConnections()).isZero();
        assertThatThrownBy(() -> net.connect("127.0.0.1", host.port()))
                .hasMessage("ENETUNREACH: network is unreachable, connect 127.0.0.1:" + host.port() + " (the VM is closing)");
    }

    @Test
    void aGuestsCloseDeliversEverythingItWroteThenEof() throws Exception {
        HostServer host = server("127.0.0.1");
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(host.port())));
        SocketFile guest = net.connect("127.0.0.1", host.port());
        Socket remote = host.accept();
        byte[] data = new byte[600_000];
        new Random(3).nextBytes(data);

        Future<Object> writer = Sockets.virtual(() -> {
            Sockets.writeAll(guest, data);
            guest.close();
            return null;
        });
        byte[] received = remote.getInputStream().readAllBytes();
        Sockets.await(writer);

        assertThat(Arrays.equals(received, data)).isTrue();
        awaitNoHostConnections(net);
    }

    @Test
    void aResetByTheHostIsEconnresetForTheGuest() throws Exception {
        HostServer host = server("127.0.0.1");
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(host.port())));
        SocketFile guest = net.connect("127.0.0.1", host.port());
        Socket remote = host.accept();

        remote.setSoLinger(true, 0);
        remote.close();

        assertThatThrownBy(() -> guest.read(new byte[1], 0, 1))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.ECONNRESET));
        assertThat(guest.readyOps() & Pollable.POLLERR).isNotZero();
    }

    @Test
    void nonBlockingReadsAndReadinessWorkAsOnLoopback() throws Exception {
        HostServer host = server("127.0.0.1");
        LoopbackNetwork net = network(16, EgressRules.NONE.withLoopbackExemptPorts(List.of(host.port())));
        SocketFile guest = net.connect("127.0.0.1", host.port());
        Socket remote = host.accept();
        guest.setStatusFlags(OpenFlags.O_NONBLOCK);
        assertThat(guest.readyOps()).isEqualTo(Pollable.POLLOUT);
        assertThatThrownBy(() -> guest.read(new byte[4], 0, 4))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.EAGAIN));

        CountDownLatch readable = new CountDownLatch(1);
        guest.addReadinessListener(() -> {
            if ((guest.readyOps() & Pollable.POLLIN) != 0) readable.countDown();
        });
        remote.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
        readable.await();

        byte[] buf = new byte[4];
        assertThat(guest.read(buf, 0, 4)).isEqualTo(4);
        assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("ping");
    }

    /** -1 at EOF; a reset counts as the end too (the VM's abort may send RST). */
    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static void awaitNoHostConnections(LoopbackNetwork net) {
        while (net.hostConnections() != 0) Thread.onSpinWait();
    }
}
