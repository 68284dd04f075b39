package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS-grade TLS from a guest socket to a real TLS server on host loopback, reached through an exempt port. */
@Timeout(60)
class TlsStreamsTest {
    private static SelfSignedTlsServer server;
    private static LoopbackNetwork net;

    @BeforeAll
    static void start() throws Exception {
        server = new SelfSignedTlsServer();
        net = new LoopbackNetwork(64, EgressRules.NONE.withLoopbackExemptPorts(List.of(server.port())));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
        server.close();
    }

    private static TlsStreams connect(String name, TlsTrust trust) throws IOException {
        SocketFile socket = net.connect("127.0.0.1", server.port());
        try {
            return TlsStreams.connect(socket.inputStream(), socket.outputStream(), name, server.port(), trust);
        } catch (IOException e) {
            socket.inputStream().close();
            socket.outputStream().close();
            throw e;
        }
    }

    private static String roundTrip(TlsStreams tls, String line) throws IOException {
        tls.output().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        return new BufferedReader(new InputStreamReader(tls.input(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void aTrustedServerAnswersThroughTheGuestSocket() throws Exception {
        try (TlsStreams tls = connect("localhost", TlsTrust.pem(server.certificatePem()))) {
            assertThat(roundTrip(tls, "hello over tls")).isEqualTo("echo: hello over tls");
            assertThat(tls.session().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls.session().getPeerCertificates()).hasSize(1);
        }
    }

    @Test
    void aTrustStoreOfOnesOwnWorksAndIpLiteralsAreVerifiedToo() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(server.certificatePem())));

        try (TlsStreams tls = connect("127.0.0.1", TlsTrust.keyStore(trust))) {
            assertThat(roundTrip(tls, "by address")).isEqualTo("echo: by address");
        }
    }

    @Test
    void theJdksTrustStoreRefusesASelfSignedCertificate() {
        assertThatThrownBy(() -> connect("localhost", TlsTrust.system()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX path building failed");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> connect("api.example.test", TlsTrust.pem(server.certificatePem())))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("api.example.test");
    }

    @Test
    void insecureTrustSkipsVerificationLikeCurlK() throws Exception {
        try (TlsStreams tls = connect("api.example.test", TlsTrust.insecure())) {
            assertThat(roundTrip(tls, "anyway")).isEqualTo("echo: anyway");
        }
    }

    @Test
    void theServersCloseIsEndOfStreamAndCloseFreesTheSocket() throws Exception {
        int before = net.openSockets();
        TlsStreams tls = connect("localhost", TlsTrust.pem(server.certificatePem()));
        assertThat(roundTrip(tls, "bye")).isEqualTo("echo: bye");

        assertThat(tls.input().read()).isEqualTo(-1);
        tls.close();
        assertThat(net.openSockets()).isEqualTo(before);
    }
}
