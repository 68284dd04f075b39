package dev.agentos.server;

import dev.agentos.AgentOsException;
import dev.agentos.protocol.ErrorBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure on its way to the wire: the HTTP status and the {@code {group,code,message,metadata}} body.
 * Also the exception the gateway throws for request, auth and actor failures, so every path answers alike.
 */
final class WireError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final transient ErrorBody body;

    WireError(int status, String group, String code, String message) {
        this(status, ErrorBody.of(group, code, message));
    }

    WireError(int status, ErrorBody body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static WireError request(int status, String code, String message) {
        return new WireError(status, "request", code, message);
    }

    static WireError invalidArgs(String message) {
        return request(400, "invalid_args", message);
    }

    /** Maps any failure of an action to the wire; agentOS errors keep their group and code. */
    static WireError of(Throwable t) {
        if (t instanceof WireError w) return w;
        if (t instanceof AgentOsException e) {
            Map<String, Object> meta = new LinkedHashMap<>();
            e.path().ifPresent(p -> meta.put("path", p));
            return new WireError(statusOf(e.code()), new ErrorBody(e.group(), e.code(), e.getMessage(), meta));
        }
        return new WireError(500, "actor", "internal_error",
                "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    /** The HTTP status of an errno-like code; the table is documented in docs/protocol.md. */
    static int statusOf(String code) {
        return switch (code) {
            case "ENOENT", "ESRCH", "ECHILD" -> 404;
            case "EACCES", "EPERM", "EROFS" -> 403;
            case "EEXIST", "ENOTEMPTY", "EBUSY", "ETXTBSY", "EADDRINUSE" -> 409;
            case "EMFILE", "ENFILE", "EAGAIN", "EMLINK" -> 429;
            case "ENOSPC", "EFBIG", "ENOMEM" -> 507;
            case "ETIMEDOUT", "action_timed_out" -> 504;
            case "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPROTO" -> 502;
            case "ENOSYS", "EOPNOTSUPP", "ENOTSUP" -> 501;
            case "store_corrupt", "EIO" -> 500;
            default -> 400;
        };
    }
}
