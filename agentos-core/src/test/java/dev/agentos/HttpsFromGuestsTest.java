package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.agentos.kernel.net.SelfSignedTlsServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** curl in a VM speaks HTTPS to a real host server (self-signed certificate) reached through an exempt port. */
class HttpsFromGuestsTest {
    private HttpsServer server;
    private AgentOs vm;

    @BeforeEach void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTlsServer.serverContext()));
        server.createContext("/hello", x -> {
            byte[] body = ("hello over tls, " + x.getRequestMethod() + "\n").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        vm = AgentOs.create(AgentOsOptions.builder().loopbackExemptPorts(server.getAddress().getPort()).build());
        vm.writeFile("/tmp/ca.pem", SelfSignedTlsServer.certificate());
    }

    @AfterEach void stop() {
        vm.close();
        server.stop(0);
    }

    private String url() { return "https://localhost:" + server.getAddress().getPort() + "/hello"; }

    @Test void curlTrustsACertificateGivenWithCacert() {
        ExecResult r = vm.exec("curl -sS --cacert /tmp/ca.pem " + url());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("hello over tls, GET\n");
        assertThat(vm.exec("curl -s -X POST -d x --cacert /tmp/ca.pem -w '%{http_code}' -o /dev/null " + url()).stdout()).isEqualTo("200");
    }

    @Test void anUntrustedCertificateIsCurlStatus60AndInsecureSkipsTheCheck() {
        ExecResult r = vm.exec("curl -sS " + url());
        assertThat(r.exitCode()).isEqualTo(60);
        assertThat(r.stderr()).startsWith("curl: (60) SSL certificate problem: ");
        assertThat(vm.exec("curl -sk " + url()).stdout()).isEqualTo("hello over tls, GET\n");
    }

    @Test void aBadCaFileIsCurlStatus77() {
        vm.writeFile("/tmp/bad.pem", "not a certificate");
        ExecResult r = vm.exec("curl -sS --cacert /tmp/bad.pem " + url());
        assertThat(r.exitCode()).isEqualTo(77);
        assertThat(r.stderr()).contains("error setting certificate file: /tmp/bad.pem");
    }
}
