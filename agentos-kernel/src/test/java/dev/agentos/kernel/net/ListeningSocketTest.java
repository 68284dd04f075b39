package dev.agentos.kernel.net;

import static dev.agentos.kernel.net.Sockets.awaitParked;
import static dev.agentos.kernel.net.Sockets.errnoOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ListeningSocketTest {
    private static final Duration HANG = Duration.ofSeconds(10);

    private final LoopbackNetwork net = new LoopbackNetwork(1024, EgressPolicy.DENY_ALL);
    private final ListeningSocket listener = net.listen("0.0.0.0", 8080, 8);

    @Test
    void acceptHandsOutConnectionsInArrivalOrder() {
        SocketFile first = net.connect("127.0.0.1", 8080);
        SocketFile second = net.connect("127.0.0.1", 8080);

        assertThat(listener.accept().remotePort()).isEqualTo(first.localPort());
        assertThat(listener.accept().remotePort()).isEqualTo(second.localPort());
    }

    @Test
    void acceptBlocksUntilAClientConnects() {
        assertTimeoutPreemptively(HANG, () -> {
            CompletableFuture<SocketFile> accepted = new CompletableFuture<>();
            Thread server = Thread.ofVirtual().start(() -> accepted.complete(listener.accept()));
            awaitParked(server);
            assertThat(accepted).isNotDone();

            SocketFile client = net.connect("localhost", 8080);

            assertThat(accepted.get().remotePort()).isEqualTo(client.localPort());
        });
    }

    @Test
    void nonBlockingAcceptWithNothingPendingFailsWithEagain() {
        listener.setStatusFlags(OpenFlags.O_NONBLOCK);

        assertThatThrownBy(listener::accept)
                .hasMessage("EAGAIN: resource temporarily unavailable, accept 0.0.0.0:8080");
    }

    @Test
    void anInterruptedAcceptFailsWithEintrAndClearsTheInterrupt() {
        assertTimeoutPreemptively(HANG, () -> {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean(true);
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    listener.accept();
                } catch (RuntimeException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            awaitParked(server);

            server.interrupt();
            server.join();

            assertThat(errnoOf(failure.get())).isEqualTo(Errno.EINTR);
            assertThat(stillInterrupted).isFalse();
        });
    }

    @Test
    void closingTheListenerResetsPendingConnectionsAndFreesThePort() {
        SocketFile pending = net.connect("127.0.0.1", 8080);
        assertThat(net.openSockets()).isEqualTo(3);

        listener.close();

        assertThat(net.isListening(8080)).isFalse();
        assertThat(net.openSockets()).isEqualTo(1);
        byte[] buf = new byte[16];
        assertThatThrownBy(() -> pending.read(buf, 0, buf.length))
                .hasMessage("ECONNRESET: connection reset by peer, read 127.0.0.1:8080");
        assertThat(pending.read(buf, 0, buf.length)).as("reported once, then EOF").isEqualTo(-1);
        assertThatThrownBy(() -> pending.write(buf, 0, buf.length))
                .hasMessage("EPIPE: broken pipe, write 127.0.0.1:8080");
        assertThat(pending.readyOps() & (Pollable.POLLERR | Pollable.POLLHUP)).isEqualTo(Pollable.POLLERR | Pollable.POLLHUP);
        assertThat(net.listen("0.0.0.0", 8080, 8).port()).isEqualTo(8080);
    }

    @Test
    void acceptAfterCloseFailsWithEinval() {
        listener.close();

        assertThatThrownBy(listener::accept).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EINVAL));
    }

    @Test
    void closingOneOfTwoReferencesKeepsListening() {
        listener.retain();
        listener.close();

        assertThat(net.isListening(8080)).isTrue();
        listener.close();
        assertThat(net.isListening(8080)).isFalse();
    }

    @Test
    void readingOrWritingAListenerFailsWithEnotconn() {
        byte[] buf = new byte[4];

        assertThatThrownBy(() -> listener.read(buf, 0, 4)).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.ENOTCONN));
        assertThatThrownBy(() -> listener.write(buf, 0, 4)).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.ENOTCONN));
    }

    @Test
    void statSaysSocketAndDescribeNamesTheInode() {
        var stat = listener.stat();

        assertThat(stat.type()).isEqualTo(FileType.SOCKET);
        assertThat(stat.mode()).isEqualTo(0777);
        assertThat(stat.fullMode()).isEqualTo(0140777);
        assertThat(listener.describe()).isEqualTo("socket:[" + stat.ino() + "]");
        assertThat(net.connect("127.0.0.1", 8080).stat().ino()).isNotEqualTo(stat.ino());
    }

    @Test
    void readinessSaysPollinWhileAConnectionIsPending() {
        AtomicInteger fired = new AtomicInteger();
        listener.addReadinessListener(fired::incrementAndGet);
        assertThat(listener.readyOps()).isZero();

        net.connect("127.0.0.1", 8080);
        assertThat(listener.readyOps()).isEqualTo(Pollable.POLLIN);
        assertThat(fired).hasPositiveValue();

        int before = fired.get();
        listener.accept();
        assertThat(listener.readyOps()).isZero();
        assertThat(fired.get()).isGreaterThan(before);
    }
}
