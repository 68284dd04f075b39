package dev.agentos.kernel.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A real TCP server on a host loopback address and an ephemeral port, handing accepted sockets to the test. */
final class HostServer implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();

    HostServer(String address) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        Thread.ofVirtual().start(() -> {
            try {
                while (true) accepted.add(server.accept());
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    int port() { return server.getLocalPort(); }

    /** The next accepted connection, waiting for it. */
    Socket accept() throws InterruptedException {
        return accepted.take();
    }

    /** A port nothing listens on (bound a moment ago, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override public void close() throws IOException {
        server.close();
        for (Socket s : accepted) s.close();
    }
}
