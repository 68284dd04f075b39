package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.net.EgressRules;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProgramRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Host egress as configured through AgentOsOptions, exercised by a guest program over ProcessContext. */
@Timeout(30)
class HostEgressApiTest {
    /** {@code tcp-send HOST PORT TEXT}: sends TEXT, half-closes, prints everything the peer answers. */
    private static final Program TCP_SEND = ctx -> {
        List<String> a = ctx.argv();
        int fd = ctx.connect(a.get(1), Integer.parseInt(a.get(2)));
        byte[] text = a.get(3).getBytes(StandardCharsets.UTF_8);
        ctx.write(fd, text, 0, text.length);
        ctx.shutdownOutput(fd);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = ctx.read(fd, buf, 0, buf.length)) > 0; ) answer.write(buf, 0, n);
        ctx.close(fd);
        byte[] out = answer.toByteArray();
        ctx.write(1, out, 0, out.length);
        return 0;
    };

    private final ProgramRegistry programs = ProgramRegistry.builder().add("tcp-send", TCP_SEND).build();
    private final List<AutoCloseable> cleanup = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) c.close();
    }

    /** A host server that answers each connection with its request upper-cased. */
    private ServerSocket upperCaser(String address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        cleanup.add(server);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            String request = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            s.getOutputStream().write(request.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            // the guest went away
                        }
                    });
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        return server;
    }

    private AgentOs vm(AgentOsOptions.Builder options) {
        AgentOs vm = AgentOs.create(options.programs(programs).build());
        cleanup.add(vm);
        return vm;
    }

    @Test
    void aGuestReachesAHostTestServerThroughAnExemptLoopbackPort() throws Exception {
        ServerSocket server = upperCaser("127.0.0.1");
        AgentOs vm = vm(AgentOsOptions.builder().loopbackExemptPorts(server.getLocalPort()));

        ExecResult r = vm.execArgv("tcp-send", List.of("localhost", String.valueOf(server.getLocalPort()), "hello host"));

        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("HELLO HOST");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void allowHostOpensOneHostAndPortAndTheShellSeesTheSameSockets() throws Exception {
        ServerSocket server = upperCaser("127.0.0.2");
        String port = String.valueOf(server.getLocalPort());
        AgentOs vm = vm(AgentOsOptions.builder().allowHost("127.0.0.2:" + port));

        assertThat(vm.exec("tcp-send 127.0.0.2 " + port + " 'through the shell'").stdout()).isEqualTo("THROUGH THE SHELL");
        assertThat(vm.kernel().network().openSockets()).isZero();
    }

    @Test
    void aRefusedConnectionTellsTheGuestWhichRuleRefusedIt() {
        AgentOs vm = vm(AgentOsOptions.builder().egress(EgressRules.allowing("*")));

        ExecResult metadata = vm.execArgv("tcp-send", List.of("169.254.169.254", "80", "GET /"));
        ExecResult elsewhere = vm(AgentOsOptions.builder()).execArgv("tcp-send", List.of("example.com", "443", "x"));

        assertThat(metadata.exitCode()).isEqualTo(1);
        assertThat(metadata.stderr()).isEqualTo("tcp-send: EACCES: permission denied, connect 169.254.169.254:80 "
                + "(metadata address 169.254.169.254 is refused: no rule allows it)\n");
        assertThat(elsewhere.stderr()).isEqualTo("tcp-send: EACCES: permission denied, connect example.com:443 "
                + "(host egress denied: no rule allows example.com:443)\n");
    }

    @Test
    void theDefaultVmReachesNoHost() {
        assertThat(AgentOsOptions.DEFAULT.egress()).isEqualTo(EgressRules.NONE);
        assertThat(AgentOsOptions.builder().allowHost("api.anthropic.com:443").loopbackExemptPorts(3000).build().egress())
                .isEqualTo(EgressRules.allowing("api.anthropic.com:443").withLoopbackExemptPorts(List.of(3000)));
    }

}
