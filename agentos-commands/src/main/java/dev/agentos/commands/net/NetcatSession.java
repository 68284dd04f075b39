package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.proc.PollRequest;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.ByteArrayOutputStream;

/** One nc run: connecting, scanning or listening, then joining stdin/stdout to the socket with poll. */
final class NetcatSession {
    private static final int BUF = 16 * 1024;

    private final ProcessContext ctx;
    private final Netcat.Settings s;

    NetcatSession(ProcessContext ctx, Netcat.Settings settings) {
        this.ctx = ctx;
        this.s = settings;
    }

    int connect(String host, String portSpec) {
        int[] range = ports(portSpec);
        if (range == null) return Netcat.fail(ctx, "port number invalid: " + portSpec);
        int status = 1;
        for (int port = range[0]; port <= range[1]; port++) {
            int fd;
            try {
                fd = ctx.connect(host, port);
            } catch (AgentOsException e) {
                if (s.verbose()) {
                    Gnu.print(ctx.stderr(), "nc: connect to " + shown(host) + " port " + port + " (tcp) failed: " + Netcat.reason(e) + "\n");
                }
                continue;
            }
            status = 0;
            if (s.verbose()) {
                Gnu.print(ctx.stderr(), "Connection to " + shown(host) + " " + port + " port [tcp/"
                        + (s.numeric() ? "*" : Netcat.service(port)) + "] succeeded!\n");
            }
            if (s.scan()) {
                ctx.close(fd);
                continue;
            }
            try {
                pump(fd, false);
            } finally {
                ctx.close(fd);
            }
            return 0;
        }
        return status;
    }

    int listen(String host, String portText) {
        int port;
        try {
            port = Integer.parseInt(portText);
            if (port < 0 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            return Netcat.fail(ctx, "port number invalid: " + portText);
        }
        int listenFd;
        try {
            listenFd = ctx.listen(host, port, 1);
        } catch (AgentOsException e) {
            return Netcat.fail(ctx, Netcat.reason(e));
        }
        if (s.verbose()) {
            String shownHost = host.isEmpty() || host.equals("0.0.0.0") ? "0.0.0.0" : s.numeric() ? host : reverse(host);
            Gnu.print(ctx.stderr(), "Listening on " + shownHost + " " + ctx.socketPort(listenFd) + "\n");
        }
        boolean stdinOpen = !s.noStdin();
        do {
            int fd = ctx.accept(listenFd);
            if (s.verbose()) {
                // the original adds the peer's port, which ProcessContext does not tell (no getpeername)
                Gnu.print(ctx.stderr(), "Connection received on " + (s.numeric() ? "127.0.0.1" : "localhost") + "\n");
            }
            try {
                stdinOpen = pump(fd, true, stdinOpen);
            } finally {
                ctx.close(fd);
            }
        } while (s.keep());
        ctx.close(listenFd);
        return 0;
    }

    private void pump(int sock, boolean listening) {
        pump(sock, listening, !s.noStdin());
    }

    /**
     * The original's read/write loop: it ends when both inputs are done, when both outputs are, or
     * (listening) when the peer has closed. Returns whether standard input is still open.
     */
    private boolean pump(int sock, boolean listening, boolean stdinOpen) {
        boolean netIn = true;
        boolean netOut = true;
        boolean stdout = true;
        long quitAt = Long.MAX_VALUE;
        byte[] buf = new byte[BUF];
        while (true) {
            if (!stdinOpen && !netIn) return stdinOpen;
            if (!netOut && !stdout) return stdinOpen;
            if (listening && !netIn) return stdinOpen;
            boolean watchStdin = stdinOpen && netOut;
            PollRequest in = new PollRequest(0, Pollable.POLLIN);
            PollRequest net = new PollRequest(sock, Pollable.POLLIN);
            PollRequest[] reqs = watchStdin && netIn ? new PollRequest[] {in, net} : watchStdin ? new PollRequest[] {in} : new PollRequest[] {net};
            long now = ctx.clock().millis();
            long wait = s.timeoutMillis().orElse(-1L);
            if (quitAt != Long.MAX_VALUE) wait = wait < 0 ? Math.max(0, quitAt - now) : Math.min(wait, Math.max(0, quitAt - now));
            if (ctx.poll(reqs, wait) == 0) return stdinOpen; // idle for -w, or -q's delay is over
            if (watchStdin && in.revents != 0) {
                int n = ctx.read(0, buf, 0, buf.length);
                if (n <= 0) {
                    stdinOpen = false;
                    if (s.shutdownOnEof()) shutdown(sock);
                    netOut = false;
                    if (s.quitAfterEofMillis().isPresent()) {
                        if (s.quitAfterEofMillis().get() == 0) return false;
                        quitAt = ctx.clock().millis() + s.quitAfterEofMillis().get();
                    }
                } else {
                    try {
                        byte[] data = s.crlf() ? crlf(buf, n) : buf;
                        ctx.write(sock, data, 0, s.crlf() ? data.length : n);
                    } catch (AgentOsException e) {
                        netOut = false;
                    }
                }
            }
            if (netIn && net.revents != 0) {
                int n;
                try {
                    n = ctx.read(sock, buf, 0, buf.length);
                } catch (AgentOsException e) {
                    n = 0;
                }
                if (n <= 0) {
                    netIn = false;
                    stdout = false;
                } else if (stdout) {
                    try {
                        ctx.write(1, buf, 0, n);
                    } catch (AgentOsException e) {
                        stdout = false;
                    }
                }
            }
        }
    }

    private void shutdown(int sock) {
        try {
            ctx.shutdownOutput(sock);
        } catch (AgentOsException ignored) {
            // already closed by the peer
        }
    }

    private static byte[] crlf(byte[] buf, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r')) out.write('\r');
            out.write(buf[i]);
        }
        return out.toByteArray();
    }

    /** How nc names the host in messages: "localhost (127.0.0.1)", or just the address when given one. */
    private String shown(String host) {
        String ip = CurlWriteOut.remoteIp(host);
        return s.numeric() || ip.equals(host) ? host : host + " (" + ip + ")";
    }

    private static String reverse(String host) {
        return switch (host) {
            case "127.0.0.1", "localhost", "::1" -> "localhost";
            default -> host;
        };
    }

    /** "8080" or "8000-8010". */
    private static int[] ports(String spec) {
        try {
            int dash = spec.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? spec : spec.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(spec.substring(dash + 1));
            if (lo < 1 || hi > 65535 || lo > hi) return null;
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
