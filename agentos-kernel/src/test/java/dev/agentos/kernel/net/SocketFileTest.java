package dev.agentos.kernel.net;

import static dev.agentos.kernel.net.Sockets.awaitParked;
import static dev.agentos.kernel.net.Sockets.errnoOf;
import static dev.agentos.kernel.net.Sockets.readExactly;
import static dev.agentos.kernel.net.Sockets.readTextToEof;
import static dev.agentos.kernel.net.Sockets.readToEof;
import static dev.agentos.kernel.net.Sockets.send;
import static dev.agentos.kernel.net.Sockets.virtual;
import static dev.agentos.kernel.net.Sockets.writeAll;
import static dev.agentos.kernel.io.Pollable.POLLHUP;
import static dev.agentos.kernel.io.Pollable.POLLIN;
import static dev.agentos.kernel.io.Pollable.POLLOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SocketFileTest {
    private static final Duration HANG = Duration.ofSeconds(20);

    private final LoopbackNetwork net = new LoopbackNetwork(1024, EgressPolicy.DENY_ALL);
    private final ListeningSocket listener = net.listen("0.0.0.0", 8080, 16);

    @Test
    void anEchoServerAnswersAClientOnVirtualThreads() {
        assertTimeoutPreemptively(HANG, () -> {
            Future<Void> server = virtual(() -> {
                SocketFile conn = listener.accept();
                byte[] buf = new byte[1024];
                for (int n; (n = conn.read(buf, 0, buf.length)) > 0; ) writeAll(conn, Arrays.copyOf(buf, n));
                conn.close();
                return null;
            });
            SocketFile client = net.connect("127.0.0.1", 8080);

            send(client, "ping");
            assertThat(new String(readExactly(client, 4), StandardCharsets.UTF_8)).isEqualTo("ping");
            send(client, "pong");
            assertThat(new String(readExactly(client, 4), StandardCharsets.UTF_8)).isEqualTo("pong");
            client.shutdownOutput();
            assertThat(readToEof(client)).isEmpty();
            Sockets.await(server);
        });
    }

    @Test
    void tenMegabytesArriveIntact() {
        assertTimeoutPreemptively(HANG, () -> {
            byte[] data = new byte[10 << 20];
            new Random(42).nextBytes(data);
            Future<byte[]> received = virtual(() -> {
                SocketFile conn = listener.accept();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[7919]; // odd size: reads straddle the ring's wrap-around
                for (int n; (n = conn.read(buf, 0, buf.length)) >= 0; ) sha.update(buf, 0, n);
                return sha.digest();
            });
            SocketFile client = net.connect("127.0.0.1", 8080);
            Random chunks = new Random(7);
            for (int off = 0; off < data.length; ) {
                int len = Math.min(data.length - off, 1 + chunks.nextInt(100_000));
                writeAll(client, Arrays.copyOfRange(data, off, off + len));
                off += len;
            }
            client.close();

            assertThat(Sockets.await(received)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        });
    }

    @Test
    void afterShutdownOutputThePeerReadsEofAndCanStillReply() {
        assertTimeoutPreemptively(HANG, () -> {
            Future<String> server = virtual(() -> {
                SocketFile conn = listener.accept();
                String request = readTextToEof(conn);
                send(conn, "got " + request);
                conn.close();
                return request;
            });
            SocketFile client = net.connect("127.0.0.1", 8080);

            send(client, "GET /");
            client.shutdownOutput();

            assertThat(readTextToEof(client)).isEqualTo("got GET /");
            assertThat(Sockets.await(server)).isEqualTo("GET /");
            assertThatThrownBy(() -> send(client, "more"))
                    .hasMessage("EPIPE: broken pipe, write 127.0.0.1:8080");
        });
    }

    @Test
    void writingAfterThePeerClosedFailsWithEpipe() {
        SocketFile client = net.connect("127.0.0.1", 8080);
        SocketFile server = listener.accept();
        server.close();

        assertThatThrownBy(() -> send(client, "hello"))
                .hasMessage("EPIPE: broken pipe, write 127.0.0.1:8080");
    }

    @Test
    void readingDrainsWhatThePeerSentThenReturnsEof() {
        SocketFile client = net.connect("127.0.0.1", 8080);
        SocketFile server = listener.accept();
        send(server, "last words");
        server.close();

        assertThat(readTextToEof(client)).isEqualTo("last words");
        assertThat(client.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    @Test
    void anInterruptedReadFailsWithEintrAndClearsTheInterrupt() {
        assertTimeoutPreemptively(HANG, () -> {
            SocketFile client = net.connect("127.0.0.1", 8080);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean(true);
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    client.read(new byte[8], 0, 8);
                } catch (RuntimeException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            awaitParked(reader);

            reader.interrupt();
            reader.join();

            assertThat(failure.get()).hasMessage("EINTR: interrupted system call, read 127.0.0.1:8080");
            assertThat(stillInterrupted).isFalse();
        });
    }

    @Test
    void nonBlockingReadWithNothingThereFailsWithEagain() {
        SocketFile client = net.connect("127.0.0.1", 8080);
        client.setStatusFlags(OpenFlags.O_NONBLOCK);

        assertThatThrownBy(() -> client.read(new byte[8], 0, 8))
                .hasMessage("EAGAIN: resource temporarily unavailable, read 127.0.0.1:8080");
    }

    @Test
    void aFullBufferBlocksTheWriterUntilTheReaderDrainsIt() {
        assertTimeoutPreemptively(HANG, () -> {
            LoopbackNetwork tiny = new LoopbackNetwork(8, EgressPolicy.DENY_ALL, 8, InstantSource.system());
            ListeningSocket small = tiny.listen("0.0.0.0", 80, 1);
            SocketFile client = tiny.connect("127.0.0.1", 80);
            SocketFile server = small.accept();

            Thread writer = Thread.ofVirtual().start(() -> send(client, "0123456789ABCDEF"));
            awaitParked(writer);
            assertThat(client.readyOps() & POLLOUT).as("full: not writable").isZero();

            assertThat(new String(readExactly(server, 16), StandardCharsets.UTF_8)).isEqualTo("0123456789ABCDEF");
            writer.join();
        });
    }

    @Test
    void aWriteInterruptedAfterPartialProgressReturnsTheCountAndKeepsTheSignal() {
        assertTimeoutPreemptively(HANG, () -> {
            LoopbackNetwork tiny = new LoopbackNetwork(8, EgressPolicy.DENY_ALL, 8, InstantSource.system());
            tiny.listen("0.0.0.0", 80, 1);
            SocketFile client = tiny.connect("127.0.0.1", 80);
            AtomicInteger written = new AtomicInteger(-1);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread writer = Thread.ofVirtual().start(() -> {
                written.set(client.write(new byte[20], 0, 20));
                interrupted.set(Thread.currentThread().isInterrupted());
            });
            awaitParked(writer);

            writer.interrupt();
            writer.join();

            assertThat(written).hasValue(8);
            assertThat(interrupted).as("the kernel still sees the pending signal").isTrue();
        });
    }

    @Test
    void aNonBlockingWriteTakesWhatFitsThenFailsWithEagain() {
        LoopbackNetwork tiny = new LoopbackNetwork(8, EgressPolicy.DENY_ALL, 8, InstantSource.system());
        tiny.listen("0.0.0.0", 80, 1);
        SocketFile client = tiny.connect("127.0.0.1", 80);
        client.setStatusFlags(OpenFlags.O_NONBLOCK);
        byte[] twelve = "0123456789AB".getBytes(StandardCharsets.UTF_8);

        assertThat(client.write(twelve, 0, 12)).isEqualTo(8);
        assertThatThrownBy(() -> client.write(twelve, 8, 4)).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EAGAIN));
    }

    @Test
    void readinessFollowsDataAndHangUp() {
        SocketFile client = net.connect("127.0.0.1", 8080);
        SocketFile server = listener.accept();
        AtomicInteger fired = new AtomicInteger();
        client.addReadinessListener(fired::incrementAndGet);
        assertThat(client.readyOps()).isEqualTo(POLLOUT);

        send(server, "x");
        assertThat(client.readyOps()).isEqualTo(POLLIN | POLLOUT);
        assertThat(fired).hasPositiveValue();

        client.read(new byte[1], 0, 1);
        assertThat(client.readyOps()).isEqualTo(POLLOUT);

        int before = fired.get();
        server.close();
        assertThat(fired.get()).isGreaterThan(before);
        assertThat(client.readyOps()).isEqualTo(POLLIN | POLLOUT | POLLHUP);
    }

    @Test
    void hostStreamsCarryBytesAndReleaseTheSocketOnceBothAreClosed() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            Future<String> server = virtual(() -> {
                SocketFile conn = listener.accept();
                String request = readTextToEof(conn);
                send(conn, request.toUpperCase());
                conn.close();
                return request;
            });
            SocketFile client = net.connect("127.0.0.1", 8080);
            assertThat(client.inputStream()).isSameAs(client.inputStream());

            try (var out = client.outputStream()) {
                out.write("hello host".getBytes(StandardCharsets.UTF_8));
            }
            String reply;
            try (var in = client.inputStream()) {
                reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(reply).isEqualTo("HELLO HOST");
            assertThat(Sockets.await(server)).isEqualTo("hello host");
            assertThat(client.isOpen()).isFalse();
            assertThat(net.openSockets()).isEqualTo(1);
        });
    }

    @Test
    void closingTheConnectionReleasesBothSlots() {
        SocketFile client = net.connect("127.0.0.1", 8080);
        SocketFile server = listener.accept();
        assertThat(net.openSockets()).isEqualTo(3);

        client.close();
        server.close();

        assertThat(net.openSockets()).isEqualTo(1);
    }

    @Test
    void throughputOfSixtyFourKilobyteChunks() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            byte[] chunk = new byte[64 * 1024];
            long total = 2L << 30;
            Future<Long> sink = virtual(() -> {
                SocketFile conn = listener.accept();
                byte[] buf = new byte[64 * 1024];
                long got = 0;
                for (int n; (n = conn.read(buf, 0, buf.length)) >= 0; ) got += n;
                return got;
            });
            SocketFile client = net.connect("127.0.0.1", 8080);

            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent += chunk.length) writeAll(client, chunk);
            client.close();
            long received = Sockets.await(sink);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(received).isEqualTo(total);
            System.out.printf("loopback throughput: %.0f MB/s (%d MiB in 64 KiB chunks in %.2f s)%n",
                    total / 1e6 / seconds, total >> 20, seconds);
        });
    }
}
