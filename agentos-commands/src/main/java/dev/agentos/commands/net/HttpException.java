package dev.agentos.commands.net;

import java.io.IOException;

/** Why an HTTP exchange failed, with curl's exit status for it. */
public final class HttpException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The failure classes that curl (and wget) tell apart by exit status. */
    public enum Kind {
        UNSUPPORTED_PROTOCOL(1),
        MALFORMED_URL(3),
        RESOLVE(6),
        CONNECT(7),
        WEIRD_REPLY(8),
        TIMEOUT(28),
        TLS_CONNECT(35),
        TOO_MANY_REDIRECTS(47),
        RECEIVE_EMPTY(52),
        SEND(55),
        RECEIVE(56),
        TLS_CERTIFICATE(60);

        private final int curlStatus;

        Kind(int curlStatus) {
            this.curlStatus = curlStatus;
        }

        /** curl's exit status for this failure. */
        public int curlStatus() { return curlStatus; }
    }

    private final Kind kind;

    public HttpException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HttpException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
