package dev.agentos.server;

import dev.agentos.VmFetchOptions;
import dev.agentos.VmHttpExchange;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ANY /gateway/{actor_id}/request/fetch/{token}/{path…}}: HTTP into the VM port a live preview
 * token grants, with no other credential. The response streams back as the guest writes it. A
 * WebSocket upgrade is bridged frame by frame (see {@link PreviewWebSocket}).
 */
final class PreviewProxy {
    static final String PATH = "/gateway/{actorId}/request/fetch/{token}";
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the fetch sets itself: never forwarded. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-authorization", "host", "content-length");

    private final Function<String, Actor> actors;
    private final long maxBodyBytes;

    PreviewProxy(Function<String, Actor> actors, long maxBodyBytes) {
        this.actors = actors;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        for (HandlerType t : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
                HandlerType.HEAD, HandlerType.OPTIONS)) {
            routes.addHttpHandler(t, PATH, this::http);
            routes.addHttpHandler(t, PATH + "/<path>", this::http);
        }
        PreviewWebSocket ws = new PreviewWebSocket(this, maxBodyBytes);
        for (String p : List.of(PATH, PATH + "/<path>")) {
            routes.wsBeforeUpgrade(p, ws::beforeUpgrade);
            routes.ws(p, ws::configure);
        }
    }

    /** The actor and the VM port of a live token; 403 {@code auth/preview_expired} otherwise. */
    record Target(Actor actor, int port, String path) {}

    Target target(String actorId, String token, String rawUri, String query) {
        Actor a = actors.apply(actorId);
        int port = a.previews.port(token).orElseThrow(() -> new WireError(403, "auth", "preview_expired",
                "preview URL expired or revoked"));
        String prefix = "/gateway/" + actorId + "/request/fetch/" + token;
        String rest = rawUri.startsWith(prefix) ? rawUri.substring(prefix.length()) : "/";
        if (rest.isEmpty()) rest = "/";
        return new Target(a, port, query == null || query.isEmpty() ? rest : rest + "?" + query);
    }

    /** The request headers worth forwarding to the guest. */
    static Map<String, String> forwardHeaders(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (!HOP.contains(k.toLowerCase(Locale.ROOT))) out.put(k, v);
        });
        return out;
    }

    private void http(Context ctx) throws IOException {
        Target t = target(ctx.pathParam("actorId"), ctx.pathParam("token"), ctx.req().getRequestURI(), ctx.queryString());
        byte[] body = readBody(ctx);
        String method = ctx.req().getMethod();
        VmFetchOptions options = new VmFetchOptions(method, forwardHeaders(ctx.headerMap()),
                body.length == 0 && !ctx.req().getMethod().matches("POST|PUT|PATCH") ? Optional.empty() : Optional.of(body));
        VmHttpExchange x = t.actor().vm().vmFetchStreaming(t.port(), t.path(), options, false);
        try (x) {
            ctx.status(x.status());
            boolean chunked = x.header("transfer-encoding").isPresent();
            for (Map.Entry<String, String> h : x.headers()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (HOP.contains(name) && !(name.equals("content-length") && !chunked)) continue;
                ctx.res().addHeader(h.getKey(), h.getValue());
            }
            OutputStream out = ctx.res().getOutputStream();
            InputStream in = x.body();
            byte[] buf = new byte[16 * 1024];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    // flush each piece: a guest streaming (server-sent events, long polls) must reach the client as it writes
                    if (in.available() == 0) out.flush();
                }
            } catch (IOException e) {
                // the guest dropped the connection mid-body; what was sent stays sent, and the client sees the stream end
            }
            out.flush();
        }
    }

    private byte[] readBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            throw WireError.request(413, "body_too_large", "request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (b.length > maxBodyBytes) throw WireError.request(413, "body_too_large", "request body exceeds the limit of " + maxBodyBytes + " bytes");
            return b;
        } catch (IOException e) {
            throw WireError.request(400, "unreadable_body", "cannot read request body: " + e.getMessage());
        }
    }
}
