package dev.agentos.server;

import io.javalin.websocket.WsContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One client's WebSocket to an actor. Frames are sent by one virtual thread in the order they were
 * queued, so a process's output events reach the client in sequence order. The sender waits for each
 * frame to reach the network before the next, so a client that reads slowly makes this queue grow,
 * not Jetty's; past {@code maxQueuedBytes} the client is disconnected with close code
 * {@value #SLOW_CLIENT} and a reason saying so. What it missed stays readable via readProcessOutput.
 */
final class WsConnection implements Subscriber {
    /** The bound when none is configured: 16 MiB of JSON frames waiting for one client. */
    static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    static final int SLOW_CLIENT = 4008;
    static final String SLOW_REASON = "client too slow: more than %d bytes of events queued; read missed output with readProcessOutput";
    private static final String CLOSE = new String("close");
    /** How long a close frame may wait behind a stuck write before the connection is cut. */
    static final java.time.Duration DEFAULT_CLOSE_GRACE = java.time.Duration.ofSeconds(10);

    private final WsContext ws;
    private final long maxQueuedBytes;
    private final java.time.Duration closeGrace;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    WsConnection(WsContext ws, long maxQueuedBytes, java.time.Duration closeGrace) {
        this.ws = ws;
        this.maxQueuedBytes = maxQueuedBytes;
        this.closeGrace = closeGrace;
        Thread.ofVirtual().name("ws-send-" + ws.sessionId()).start(this::drain);
    }

    @Override public void send(String json) {
        if (overflowed.get()) return;
        // a char is at most 3 bytes in UTF-8, and event JSON is ASCII: its length is its size
        long size = json.length();
        if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            if (overflowed.compareAndSet(false, true)) {
                queue.clear();
                queuedBytes.set(0);
                queue.add(CLOSE);
                // not from the sender thread: it may be parked on a write the client never reads
                Thread.ofVirtual().name("ws-slow-" + ws.sessionId()).start(this::disconnectSlow);
            }
            return;
        }
        queue.add(json);
    }

    private void drain() {
        try {
            while (true) {
                String next = queue.take();
                if (next == CLOSE) return;
                queuedBytes.addAndGet(-next.length());
                if (!ws.session.isOpen()) return;
                Callback.Completable sent = new Callback.Completable();
                ws.session.sendText(next, sent);
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // the socket went away; the close handler unsubscribes us
        }
    }

    private void disconnectSlow() {
        Callback.Completable closed = new Callback.Completable();
        try {
            ws.session.close(SLOW_CLIENT, String.format(SLOW_REASON, maxQueuedBytes), closed);
            closed.get(closeGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            ws.session.disconnect();   // the client reads nothing at all: cut it rather than hold its buffers
        } catch (InterruptedException e) {
            ws.session.disconnect();
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        queue.add(CLOSE);
    }
}
