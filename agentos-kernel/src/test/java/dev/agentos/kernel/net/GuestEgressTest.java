package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.proc.PollRequest;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guest program speaking TLS to a host server the way curl does: connect through its
 * ProcessContext, wrap the socket fd's streams in {@link TlsStreams}, trust a PEM file read from the
 * VM's own filesystem (curl --cacert).
 */
@Timeout(60)
class GuestEgressTest {
    /** {@code tls-echo HOST PORT CAFILE LINE}: prints the server's answer to LINE. */
    private static final Program TLS_ECHO = ctx -> {
        List<String> a = ctx.argv();
        String host = a.get(1);
        int port = Integer.parseInt(a.get(2));
        byte[] pem = readFile(ctx, a.get(3));
        int fd = ctx.connect(host, port);
        try (TlsStreams tls = TlsStreams.connect(new FdIn(ctx, fd), new FdOut(ctx, fd), host, port, TlsTrust.pem(pem))) {
            tls.output().write((a.get(4) + "\n").getBytes(StandardCharsets.UTF_8));
            String answer = new BufferedReader(new InputStreamReader(tls.input(), StandardCharsets.UTF_8)).readLine();
            TestVm.out(ctx, answer + " (" + tls.session().getProtocol() + ")\n");
        }
        return 0;
    };

    @Test
    void aGuestProgramSpeaksTlsToAnAllowedHost() throws Exception {
        try (SelfSignedTlsServer server = new SelfSignedTlsServer();
             TestVm vm = new TestVm(TestVm.programs().add("tls-echo", TLS_ECHO).build(), Limits.DEFAULT,
                     EgressRules.NONE.withLoopbackExemptPorts(List.of(server.port())))) {
            writeFile(vm, "/home/agentos/server.pem", server.certificatePem());

            TestVm.Run run = vm.run("tls-echo", "localhost", String.valueOf(server.port()), "/home/agentos/server.pem", "hi");

            assertThat(run.stderr()).isEmpty();
            assertThat(run.stdout()).isEqualTo("echo: hi (TLSv1.3)\n");
            assertThat(vm.kernel.network().openSockets()).as("the socket closed with the process").isZero();
        }
    }

    /** {@code poll-read PORT}: connects, goes non-blocking, polls for input and prints what arrived. */
    private static final Program POLL_READ = ctx -> {
        int fd = ctx.connect("127.0.0.1", Integer.parseInt(ctx.argv().get(1)));
        ctx.setStatusFlags(fd, OpenFlags.O_NONBLOCK);
        byte[] buf = new byte[64];
        try {
            ctx.read(fd, buf, 0, buf.length);
            TestVm.out(ctx, "read did not block\n");
            return 1;
        } catch (dev.agentos.AgentOsException e) {
            TestVm.out(ctx, e.code() + "\n");
        }
        TestVm.out(ctx, "polling\n");
        PollRequest[] wanted = {new PollRequest(fd, Pollable.POLLIN)};
        int ready = ctx.poll(wanted, -1);
        int n = ctx.read(fd, buf, 0, buf.length);
        TestVm.out(ctx, ready + " ready, revents " + wanted[0].revents + ": " + new String(buf, 0, n, StandardCharsets.UTF_8) + "\n");
        return 0;
    };

    @Test
    void aGuestPollsAHostSocketLikeAnyOther() throws Exception {
        try (HostServer server = new HostServer("127.0.0.1");
             TestVm vm = new TestVm(TestVm.programs().add("poll-read", POLL_READ).build(), Limits.DEFAULT,
                     EgressRules.NONE.withLoopbackExemptPorts(List.of(server.port())))) {
            TestVm.Started run = vm.start("poll-read", String.valueOf(server.port()));
            var remote = server.accept();
            run.awaitStdout("polling\n");
            remote.getOutputStream().write("late news".getBytes(StandardCharsets.UTF_8));

            TestVm.Run done = run.await();

            assertThat(done.stdout()).isEqualTo("EAGAIN\npolling\n1 ready, revents 1: late news\n");
        }
    }

    private static byte[] readFile(ProcessContext ctx, String path) {
        int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            return TestVm.readAll(ctx, fd).getBytes(StandardCharsets.UTF_8);
        } finally {
            ctx.close(fd);
        }
    }

    private static void writeFile(TestVm vm, String path, byte[] content) {
        var f = vm.kernel.vfs().open(Caller.host(Credentials.AGENTOS, "/"), path,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try {
            f.write(content, 0, content.length);
        } finally {
            f.close();
        }
    }

    /** A socket fd as a stream, the way a guest program adapts one; closing it closes the fd. */
    static final class FdIn extends InputStream {
        private final ProcessContext ctx;
        private final int fd;

        FdIn(ProcessContext ctx, int fd) {
            this.ctx = ctx;
            this.fd = fd;
        }

        @Override public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) {
            int n = ctx.read(fd, b, off, len);
            return n <= 0 && len > 0 ? -1 : n;
        }

        @Override public void close() {
            ctx.close(fd);
        }
    }

    static final class FdOut extends OutputStream {
        private final ProcessContext ctx;
        private final int fd;

        FdOut(ProcessContext ctx, int fd) {
            this.ctx = ctx;
            this.fd = fd;
        }

        @Override public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) {
            ctx.write(fd, b, off, len);
        }

        /** Half-close; the input side closes the fd. */
        @Override public void close() {
            ctx.shutdownOutput(fd);
        }
    }
}
