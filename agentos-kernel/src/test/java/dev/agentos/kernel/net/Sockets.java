package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Small helpers the socket tests share: whole-message I/O, virtual threads, waiting for a park. */
final class Sockets {
    private Sockets() {}

    static void writeAll(SocketFile socket, byte[] data) {
        int done = 0;
        while (done < data.length) done += socket.write(data, done, data.length - done);
    }

    static void send(SocketFile socket, String text) {
        writeAll(socket, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads until EOF. */
    static byte[] readToEof(SocketFile socket) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = socket.read(buf, 0, buf.length)) >= 0; ) all.write(buf, 0, n);
        return all.toByteArray();
    }

    static String readTextToEof(SocketFile socket) {
        return new String(readToEof(socket), StandardCharsets.UTF_8);
    }

    /** Reads exactly {@code n} bytes. */
    static byte[] readExactly(SocketFile socket, int n) {
        byte[] buf = new byte[n];
        int done = 0;
        while (done < n) {
            int r = socket.read(buf, done, n - done);
            assertThat(r).as("EOF after %d of %d bytes", done, n).isPositive();
            done += r;
        }
        return buf;
    }

    /** Runs {@code task} on a new virtual thread. */
    static <T> Future<T> virtual(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    /** Spins until {@code thread} is parked (no sleeping: the test's own timeout catches a hang). */
    static void awaitParked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(thread.isAlive()).as("thread ended before it blocked").isTrue();
            Thread.onSpinWait();
        }
    }

    /** The errno of a kernel failure, for {@code assertThatThrownBy(...).satisfies(...)}. */
    static Errno errnoOf(Throwable t) {
        assertThat(t).isInstanceOf(AgentOsException.class);
        return ((AgentOsException) t).errno().orElseThrow();
    }
}
