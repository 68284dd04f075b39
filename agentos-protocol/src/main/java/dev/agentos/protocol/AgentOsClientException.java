package dev.agentos.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * A failure reported by an agentOS server, carrying the same group, code and message as the
 * server-side {@code AgentOsException} ({@code fs}/{@code ENOENT}, {@code actor}/{@code action_timed_out},
 * {@code auth}/{@code forbidden}, {@code request}/{@code invalid_args}, ...) plus the HTTP status.
 */
public class AgentOsClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String group;
    private final String code;
    private final int status;
    private final transient Map<String, Object> metadata;

    public AgentOsClientException(String group, String code, String message, int status, Map<String, Object> metadata) {
        super(message);
        this.group = Objects.requireNonNull(group);
        this.code = Objects.requireNonNull(code);
        this.status = status;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static AgentOsClientException of(ErrorBody body, int status) {
        return new AgentOsClientException(body.group(), body.code(), body.message(), status, body.metadata());
    }

    /** The failure group on the wire: {@code fs}, {@code process}, {@code actor}, {@code auth}, {@code request}, ... */
    public String group() { return group; }

    /** The errno-like code: {@code ENOENT}, {@code EACCES}, {@code action_timed_out}, ... */
    public String code() { return code; }

    /** The HTTP status the server answered with (0 when the failure came over a WebSocket). */
    public int status() { return status; }

    /** Extra details the server attached, e.g. {@code path}. */
    public Map<String, Object> metadata() { return metadata; }
}
