package dev.agentos.commands.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The same script on a real host socket (ephemeral port), for the host's curl to talk to. */
final class HostScriptedServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    HostScriptedServer(ScriptedHttp script) {
        try {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < script.count(); i++) {
                try (Socket s = server.accept()) {
                    script.answer(i, s.getInputStream(), s.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() { return server.getLocalPort(); }

    @Override public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
