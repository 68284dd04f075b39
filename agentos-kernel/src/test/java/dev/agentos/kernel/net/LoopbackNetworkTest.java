package dev.agentos.kernel.net;

import static dev.agentos.kernel.net.Sockets.readTextToEof;
import static dev.agentos.kernel.net.Sockets.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackNetworkTest {
    private final LoopbackNetwork net = new LoopbackNetwork(1024, EgressPolicy.DENY_ALL);

    @Test
    void portZeroPicksAFreeEphemeralPort() {
        ListeningSocket a = net.listen("0.0.0.0", 0, 16);
        ListeningSocket b = net.listen("127.0.0.1", 0, 16);

        assertThat(a.port()).isBetween(32768, 60999);
        assertThat(b.port()).isBetween(32768, 60999).isNotEqualTo(a.port());
        assertThat(net.isListening(a.port())).isTrue();
    }

    @Test
    void listeningPortsAreSorted() {
        net.listen("", 9000, 1);
        net.listen("", 80, 1);
        net.listen("", 3000, 1);

        assertThat(net.listeningPorts()).containsExactly(80, 3000, 9000);
    }

    @Test
    void aPortInUseFailsWithEaddrinuseWhateverTheLoopbackSpelling() {
        net.listen("0.0.0.0", 8080, 16);

        assertThatThrownBy(() -> net.listen("127.0.0.1", 8080, 16))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("EADDRINUSE: address already in use, listen 127.0.0.1:8080");
        assertThatThrownBy(() -> net.listen("::", 8080, 16))
                .hasMessage("EADDRINUSE: address already in use, listen [::]:8080");
    }

    @Test
    void aForeignHostCannotBeListenedOn() {
        assertThatThrownBy(() -> net.listen("10.0.0.7", 8080, 16))
                .hasMessage("EADDRNOTAVAIL: cannot assign requested address, listen 10.0.0.7:8080");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536})
    void aPortOutOfRangeIsInvalid(int port) {
        assertThatThrownBy(() -> net.listen("0.0.0.0", port, 16))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> net.connect("127.0.0.1", port))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.EINVAL));
    }

    @Test
    void connectingWhereNobodyListensIsRefused() {
        assertThatThrownBy(() -> net.connect("127.0.0.1", 8080))
                .hasMessage("ECONNREFUSED: connection refused, connect 127.0.0.1:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "localhost", "LOCALHOST", "::", "::1", "", "agent-vm"})
    void everyLoopbackSpellingReachesTheListener(String host) throws Exception {
        net.setHostname("agent-vm");
        ListeningSocket listener = net.listen("0.0.0.0", 7000, 16);

        SocketFile client = net.connect(host, 7000);
        SocketFile server = listener.accept();
        send(server, "hi");
        server.close();

        assertThat(readTextToEof(client)).isEqualTo("hi");
    }

    @Test
    void aFullBacklogRefusesUntilAConnectionIsAccepted() {
        ListeningSocket listener = net.listen("0.0.0.0", 8080, 2);
        net.connect("127.0.0.1", 8080);
        net.connect("127.0.0.1", 8080);

        assertThatThrownBy(() -> net.connect("127.0.0.1", 8080))
                .hasMessage("ECONNREFUSED: connection refused, connect 127.0.0.1:8080");

        listener.accept();
        assertThat(net.connect("127.0.0.1", 8080).remotePort()).isEqualTo(8080);
    }

    @Test
    void egressToAnotherHostIsDeniedWithTheRule() {
        assertThatThrownBy(() -> net.connect("example.com", 443))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("EACCES: permission denied, connect example.com:443 (host egress denied: no rule allows example.com:443)");
        assertThatThrownBy(() -> net.connect("169.254.169.254", 80))
                .hasMessage("EACCES: permission denied, connect 169.254.169.254:80 (metadata address 169.254.169.254 is refused: no rule allows it)");
    }

    @Test
    void theSocketLimitFailsWithEmfileAndFreesSlotsOnClose() {
        LoopbackNetwork small = new LoopbackNetwork(3, EgressPolicy.DENY_ALL);
        ListeningSocket listener = small.listen("0.0.0.0", 8080, 16);
        SocketFile client = small.connect("127.0.0.1", 8080);
        assertThat(small.openSockets()).isEqualTo(3);

        assertThatThrownBy(() -> small.connect("127.0.0.1", 8080))
                .hasMessage("EMFILE: too many open files, socket (limit of 3 sockets reached)");
        assertThatThrownBy(() -> small.listen("0.0.0.0", 0, 16))
                .hasMessage("EMFILE: too many open files, socket (limit of 3 sockets reached)");

        client.close();
        listener.accept().close();
        assertThat(small.openSockets()).isEqualTo(1);
        small.connect("127.0.0.1", 8080);
        assertThat(small.openSockets()).isEqualTo(3);

        listener.close();
        assertThat(small.openSockets()).as("the pending server end is reset and released").isEqualTo(1);
    }

    @Test
    void twoVmsDoNotSeeEachOthersPorts() {
        LoopbackNetwork other = new LoopbackNetwork(16, EgressPolicy.DENY_ALL);
        net.listen("0.0.0.0", 8080, 16);

        assertThat(other.isListening(8080)).isFalse();
        assertThatThrownBy(() -> other.connect("127.0.0.1", 8080))
                .satisfies(e -> assertThat(Sockets.errnoOf(e)).isEqualTo(Errno.ECONNREFUSED));
        assertThat(other.listen("0.0.0.0", 8080, 16).port()).isEqualTo(8080);
    }

    @Test
    void clientsGetDistinctEphemeralPortsThatServersSeeAsRemote() {
        ListeningSocket listener = net.listen("0.0.0.0", 8080, 16);
        SocketFile a = net.connect("127.0.0.1", 8080);
        SocketFile b = net.connect("127.0.0.1", 8080);
        SocketFile serverA = listener.accept();

        assertThat(a.localPort()).isBetween(32768, 60999).isNotEqualTo(b.localPort());
        assertThat(a.remotePort()).isEqualTo(8080);
        assertThat(serverA.localPort()).isEqualTo(8080);
        assertThat(serverA.remotePort()).isEqualTo(a.localPort());
    }
}
