package dev.agentos.kernel.net;

import static dev.agentos.kernel.net.Sockets.readTextToEof;
import static dev.agentos.kernel.net.Sockets.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentClientsTest {
    private static final int CLIENTS = 200;

    @Test
    void twoHundredConcurrentClientsAreAllServed() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            LoopbackNetwork net = new LoopbackNetwork(1024, EgressPolicy.DENY_ALL);
            // A backlog as large as the crowd: every connect is queued at once, none is refused.
            ListeningSocket listener = net.listen("0.0.0.0", 8080, CLIENTS);
            Queue<Thread> handlers = new ConcurrentLinkedQueue<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < CLIENTS; i++) {
                    SocketFile conn = listener.accept();
                    handlers.add(Thread.ofVirtual().start(() -> {
                        String request = readTextToEof(conn);
                        send(conn, "hello " + request);
                        conn.close();
                    }));
                }
            });

            List<Future<String>> replies = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CLIENTS; i++) {
                    String name = "client-" + i;
                    replies.add(clients.submit(() -> request(net, name)));
                }
            }

            for (int i = 0; i < CLIENTS; i++) assertThat(replies.get(i).get()).isEqualTo("hello client-" + i);
            acceptor.join();
            // A client sees EOF as soon as its handler starts closing; join them before counting sockets.
            for (Thread handler : handlers) handler.join();
            listener.close();
            assertThat(net.openSockets()).isZero();
        });
    }

    private static String request(LoopbackNetwork net, String name) {
        SocketFile client = net.connect("127.0.0.1", 8080);
        send(client, name);
        client.shutdownOutput();
        String reply = readTextToEof(client);
        client.close();
        return reply;
    }
}
