package dev.agentos.server;

import io.javalin.websocket.WsContext;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One client's WebSocket to an actor. Frames are sent by one virtual thread in the order they were
 * queued, so a process's output events reach the client in sequence order.
 */
final class WsConnection implements Subscriber {
    private static final String CLOSE = new String("close");

    private final WsContext ws;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread sender;

    WsConnection(WsContext ws) {
        this.ws = ws;
        this.sender = Thread.ofVirtual().name("ws-send-" + ws.sessionId()).start(this::drain);
    }

    @Override public void send(String json) {
        queue.add(json);
    }

    private void drain() {
        try {
            while (true) {
                String next = queue.take();
                if (next == CLOSE) return;
                if (!ws.session.isOpen()) return;
                ws.send(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the socket went away; the close handler unsubscribes us
        }
    }

    void close() {
        queue.add(CLOSE);
    }
}
