package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** nc and curl in a VM reach a real host-side server on a loopbackExemptPorts port, and nothing else on the host. */
class NetcatToTheHostTest {
    @Test void ncTalksToAHostServerOnAnExemptPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    OutputStream out = s.getOutputStream();
                    out.write(("host got: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception ignored) {
                    // the assertion on the VM side reports a broken exchange
                }
            });
            int port = server.getLocalPort();
            try (AgentOs vm = AgentOs.create(AgentOsOptions.builder().loopbackExemptPorts(port).build())) {
                ExecResult r = vm.exec("echo hello from the vm | nc -N 127.0.0.1 " + port);
                assertThat(r.stdout()).isEqualTo("host got: hello from the vm\n");
                assertThat(r.exitCode()).isZero();
            }
        }
    }

    @Test void aHostPortThatIsNotExemptStaysUnreachable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
             AgentOs vm = AgentOs.create()) {
            ExecResult r = vm.exec("nc -z -w 1 127.0.0.1 " + server.getLocalPort() + "; echo status $?");
            assertThat(r.stdout()).isEqualTo("status 1\n");
            ExecResult c = vm.exec("curl -sS http://127.0.0.1:" + server.getLocalPort() + "/");
            assertThat(c.exitCode()).isEqualTo(7);
        }
    }
}
