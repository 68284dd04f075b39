package dev.agentos.server;

import dev.agentos.VmFetchOptions;
import dev.agentos.VmHttpExchange;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebSocket through a preview URL. Before Jetty accepts the browser's upgrade, the proxy performs
 * the client handshake with the guest over a VM socket (so a refused token is a plain 403 and a guest
 * that does not speak WebSocket a 502, never a socket that opens and dies). Then messages are relayed
 * both ways: Jetty frames the browser's side, {@link WsFrames} the guest's.
 */
final class PreviewWebSocket {
    private static final String EXCHANGE = "agentos.preview.exchange";
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final PreviewProxy proxy;
    private final long maxMessageBytes;
    private final Map<String, Bridge> bridges = new ConcurrentHashMap<>();

    PreviewWebSocket(PreviewProxy proxy, long maxMessageBytes) {
        this.proxy = proxy;
        this.maxMessageBytes = maxMessageBytes;
    }

    void beforeUpgrade(Context ctx) {
        PreviewProxy.Target t = proxy.target(ctx.pathParam("actorId"), ctx.pathParam("token"), ctx.req().getRequestURI(), ctx.queryString());
        Map<String, String> headers = PreviewProxy.forwardHeaders(ctx.headerMap());
        headers.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("sec-websocket-")
                && !k.equalsIgnoreCase("sec-websocket-protocol"));
        String key = WsFrames.newKey();
        headers.put("Connection", "Upgrade");
        headers.put("Upgrade", "websocket");
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Sec-WebSocket-Key", key);
        VmHttpExchange x = t.actor().vm().vmFetchStreaming(t.port(), t.path(), new VmFetchOptions("GET", headers, Optional.empty()), true);
        if (x.status() != 101 || !x.header("sec-websocket-accept").orElse("").equals(WsFrames.accept(key))) {
            x.close();
            throw new WireError(502, "net", "websocket_refused", "the guest on port " + t.port() + " answered "
                    + x.status() + " " + x.statusText() + " to the WebSocket upgrade of " + t.path());
        }
        ctx.attribute(EXCHANGE, x);
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            VmHttpExchange x = ctx.attribute(EXCHANGE);
            if (x == null) {
                ctx.closeSession(1011, "no guest connection");
                return;
            }
            Bridge b = new Bridge(ctx, x);
            bridges.put(ctx.sessionId(), b);
            Thread.ofVirtual().name("preview-ws-" + ctx.sessionId()).start(b::pumpFromGuest);
        });
        ws.onMessage(ctx -> bridge(ctx).ifPresent(b -> b.toGuest(WsFrames.TEXT, ctx.message().getBytes(StandardCharsets.UTF_8))));
        ws.onBinaryMessage(ctx -> {
            ByteBuffer data = ctx.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            bridge(ctx).ifPresent(b -> b.toGuest(WsFrames.BINARY, bytes));
        });
        ws.onClose(ctx -> {
            Bridge b = bridges.remove(ctx.sessionId());
            if (b != null) b.closeFromBrowser(ctx.status(), ctx.reason() == null ? "" : ctx.reason());
        });
        ws.onError(ctx -> {
            Bridge b = bridges.remove(ctx.sessionId());
            if (b != null) b.closeFromBrowser(1011, "browser connection failed");
        });
    }

    private Optional<Bridge> bridge(WsContext ctx) { return Optional.ofNullable(bridges.get(ctx.sessionId())); }

    /** One browser socket joined to one guest socket. */
    private final class Bridge {
        private final WsContext browser;
        private final VmHttpExchange guest;
        private final OutputStream toGuest;
        private volatile boolean closed;
        private final java.util.concurrent.CountDownLatch pumpDone = new java.util.concurrent.CountDownLatch(1);

        Bridge(WsContext browser, VmHttpExchange guest) {
            this.browser = browser;
            this.guest = guest;
            this.toGuest = guest.upgradedOutput().orElseThrow();
        }

        void toGuest(int opcode, byte[] payload) {
            synchronized (toGuest) {
                if (closed) return;
                try {
                    WsFrames.write(toGuest, opcode, payload, true);
                } catch (IOException e) {
                    closed = true;
                    guest.close();
                    browser.closeSession(1011, "guest connection lost");
                }
            }
        }

        void closeFromBrowser(int code, String reason) {
            int sendable = code == 1005 || code == 1006 || code == 1015 ? 1000 : code;
            toGuest(WsFrames.CLOSE, WsFrames.closePayload(sendable, reason));
            // the closing handshake: the pump ends on the guest's close reply (or EOF); a guest that
            // never answers loses its connection after a grace period
            Thread.ofVirtual().name("preview-ws-close").start(() -> {
                try {
                    if (!pumpDone.await(CLOSE_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) guest.close();
                } catch (InterruptedException e) {
                    guest.close();
                }
            });
        }

        /** Reads the guest's frames and sends each complete message to the browser. */
        void pumpFromGuest() {
            InputStream in = guest.body();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int messageType = 0;
            try {
                while (true) {
                    WsFrames.Frame f = WsFrames.read(in, maxMessageBytes);
                    switch (f.opcode()) {
                        case WsFrames.PING -> toGuest(WsFrames.PONG, f.payload());
                        case WsFrames.PONG -> { }
                        case WsFrames.CLOSE -> {
                            int code = f.closeCode() == 1005 ? 1000 : f.closeCode();
                            finish(code, f.closeReason());
                            return;
                        }
                        case WsFrames.TEXT, WsFrames.BINARY, WsFrames.CONTINUATION -> {
                            if (f.opcode() != WsFrames.CONTINUATION) messageType = f.opcode();
                            if (message.size() + (long) f.payload().length > maxMessageBytes) {
                                finish(1009, "message over " + maxMessageBytes + " bytes");
                                return;
                            }
                            message.write(f.payload());
                            if (f.fin()) {
                                byte[] whole = message.toByteArray();
                                message.reset();
                                // wait for each message to reach the network: a slow browser slows the guest
                                // (its socket fills) instead of growing a queue here
                                org.eclipse.jetty.websocket.api.Callback.Completable sent = new org.eclipse.jetty.websocket.api.Callback.Completable();
                                if (messageType == WsFrames.TEXT) browser.session.sendText(new String(whole, StandardCharsets.UTF_8), sent);
                                else browser.session.sendBinary(ByteBuffer.wrap(whole), sent);
                                sent.get();
                            }
                        }
                        default -> {
                            finish(1002, "unknown opcode " + f.opcode() + " from the guest");
                            return;
                        }
                    }
                }
            } catch (EOFException e) {
                finish(1011, "the guest closed the connection");
            } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException e) {
                finish(1011, "guest connection failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(1001, "server shutting down");
            }
        }

        private void finish(int code, String reason) {
            if (!closed) {
                closed = true;
                if (browser.session.isOpen()) browser.closeSession(code, reason.length() > 120 ? reason.substring(0, 120) : reason);
            }
            guest.close();
            bridges.remove(browser.sessionId());
            pumpDone.countDown();
        }
    }
}
