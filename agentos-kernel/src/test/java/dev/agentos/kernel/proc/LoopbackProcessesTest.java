package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static dev.agentos.kernel.TestVm.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.TestVm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guest processes talking over the VM's loopback network; the host network stays out of reach. */
class LoopbackProcessesTest {
    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("server", ctx -> {
                int l = ctx.listen("0.0.0.0", 8080, 16);
                out(ctx, "listening " + ctx.socketPort(l) + "\n");
                int c = ctx.accept(l);
                String req = readAll(ctx, c);
                byte[] reply = req.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                ctx.write(c, reply, 0, reply.length);
                ctx.close(c);
                return 0;
            })
            .add("client", ctx -> {
                int s = ctx.connect(ctx.argv().get(1), Integer.parseInt(ctx.argv().get(2)));
                byte[] b = "ping".getBytes(StandardCharsets.UTF_8);
                ctx.write(s, b, 0, b.length);
                ctx.shutdownOutput(s);
                out(ctx, readAll(ctx, s) + "\n");
                return 0;
            })
            .add("egress", ctx -> {
                try {
                    ctx.connect(ctx.argv().get(1), 80);
                    return 0;
                } catch (AgentOsException e) {
                    out(ctx, e.getMessage() + "\n");
                    return 1;
                }
            })
            .build();

    private final TestVm vm = new TestVm(PROGRAMS);

    @AfterEach void close() { vm.close(); }

    @Test void aGuestClientReachesAGuestServer() {
        TestVm.Started server = vm.start("server");
        server.awaitStdout("listening 8080\n");
        assertThat(vm.run("client", "localhost", "8080").stdout()).isEqualTo("PING\n");
        server.stdin().close();
        assertThat(server.await().code()).isZero();
    }

    @Test void hostEgressIsDenied() {
        TestVm.Run r = vm.run("egress", "169.254.169.254");
        assertThat(r.stdout()).startsWith("EACCES: permission denied, connect 169.254.169.254:80");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test void nothingListeningMeansConnectionRefused() {
        TestVm.Run r = vm.run("client", "127.0.0.1", "9");
        assertThat(r.stderr()).startsWith("client: ECONNREFUSED");
    }
}
