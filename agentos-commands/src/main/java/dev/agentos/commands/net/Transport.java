package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.net.TlsStreams;
import dev.agentos.kernel.net.TlsTrust;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;

/**
 * Opens the byte stream an HTTP exchange runs over: the one place that knows schemes. http is a
 * plain socket through {@link ProcessContext#connect} (the VM's loopback, or the host network as the
 * egress policy allows); https is that socket with the kernel's TLS for guests ({@link TlsStreams}) on
 * top, checked against the trust the caller chose.
 */
final class Transport {
    private Transport() {}

    static SocketStream open(ProcessContext ctx, HttpUrl url, TlsTrust trust) throws HttpException {
        return switch (url.scheme()) {
            case "http" -> new SocketStream(ctx, connect(ctx, url.host(), url.port()));
            case "https" -> {
                SocketStream socket = new SocketStream(ctx, connect(ctx, url.host(), url.port()));
                try {
                    socket.startTls(url.host(), url.port(), trust);
                } catch (IOException e) {
                    socket.close();
                    throw tlsFailure(e);
                }
                yield socket;
            }
            default -> throw new HttpException(HttpException.Kind.UNSUPPORTED_PROTOCOL,
                    "Protocol \"" + url.scheme() + "\" not supported");
        };
    }

    /** curl's status and wording for a failed handshake: 60 for a certificate it cannot trust, else 35. */
    private static HttpException tlsFailure(IOException e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean certificate = e instanceof javax.net.ssl.SSLHandshakeException
                && (why.contains("PKIX") || why.contains("certificate") || why.contains("No subject alternative"));
        if (certificate) return new HttpException(HttpException.Kind.TLS_CERTIFICATE, "SSL certificate problem: " + why);
        return new HttpException(HttpException.Kind.TLS_CONNECT, "SSL connect error: " + why);
    }

    /**
     * connect(2) with curl's wording of the failures: {@code Failed to connect to localhost port 8080
     * after 0 ms: Couldn't connect to server}, plus the kernel's reason when it says more than "refused".
     */
    static int connect(ProcessContext ctx, String host, int port) throws HttpException {
        long start = ctx.clock().millis();
        try {
            return ctx.connect(host, port);
        } catch (AgentOsException e) {
            if (e.code().equals("EAI_NONAME") || e.code().equals("ENOTFOUND") || e.code().equals("EAI_AGAIN")) {
                throw new HttpException(HttpException.Kind.RESOLVE, "Could not resolve host: " + host, e);
            }
            long ms = ctx.clock().millis() - start;
            String prefix = "Failed to connect to " + host + " port " + port + " after " + ms + " ms: ";
            if (e.is(Errno.ETIMEDOUT)) {
                throw new HttpException(HttpException.Kind.TIMEOUT, prefix + "Timeout was reached", e);
            }
            String reason = "Couldn't connect to server";
            if (!e.is(Errno.ECONNREFUSED)) reason += " (" + e.getMessage() + ")";
            throw new HttpException(HttpException.Kind.CONNECT, prefix + reason, e);
        }
    }
}
