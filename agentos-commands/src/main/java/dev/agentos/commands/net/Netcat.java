package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SignalDisposition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nc, as Debian's netcat-openbsd: {@code nc host port} joins standard input and output to a TCP
 * connection; {@code nc -l [-p] port} waits for one (with -k, one after another); {@code -z} only
 * tests whether ports accept connections (ranges such as 8000-8010). {@code -N} shuts the socket
 * down at end of input, {@code -q} quits some seconds after it, {@code -w} bounds idle time,
 * {@code -v} reports on stderr with the original's wording.
 */
final class Netcat implements Program {
    static final String USAGE = """
            usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
            \t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
            \t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
            \t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
            \t  [destination] [port]
            """;

    private static final Map<Integer, String> SERVICES = Map.ofEntries(
            Map.entry(21, "ftp"), Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(25, "smtp"),
            Map.entry(53, "domain"), Map.entry(80, "http"), Map.entry(110, "pop3"), Map.entry(143, "imap2"),
            Map.entry(443, "https"), Map.entry(3306, "mysql"), Map.entry(5432, "postgresql"),
            Map.entry(6379, "redis"), Map.entry(8080, "http-alt"));

    /** The options of one run. */
    record Settings(boolean listen, boolean keep, boolean scan, boolean verbose, boolean numeric, boolean shutdownOnEof,
                    boolean crlf, boolean noStdin, Optional<Long> quitAfterEofMillis, Optional<Long> timeoutMillis) {}

    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed p;
        try {
            p = Getopt.create().flag('4', null, "4").flag('6', null, "6").flag('C', null, "C").flag('d', null, "d")
                    .flag('h', null, "h").flag('k', null, "k").flag('l', null, "l").flag('N', null, "N").flag('n', null, "n")
                    .flag('v', null, "v").flag('z', null, "z").withArg('p', null, "p").withArg('q', null, "q")
                    .withArg('w', null, "w").parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), "nc: " + e.getMessage() + "\n" + USAGE);
            return 1;
        }
        if (p.has("h")) {
            Gnu.print(ctx.stderr(), "OpenBSD netcat (Debian patchlevel 1.219-1)\n" + USAGE);
            return 0;
        }
        Optional<Long> timeout = Optional.empty();
        if (p.last("w").isPresent()) {
            Optional<Long> w = seconds(p.last("w").get());
            if (w.isEmpty()) return fail(ctx, "timeout invalid: " + p.last("w").get());
            timeout = w;
        }
        Optional<Long> quit = Optional.empty();
        if (p.last("q").isPresent()) {
            try {
                long q = Long.parseLong(p.last("q").get());
                if (q >= 0) quit = Optional.of(q * 1000);
            } catch (NumberFormatException e) {
                return fail(ctx, "quit timer invalid: " + p.last("q").get());
            }
        }
        Settings s = new Settings(p.has("l"), p.has("k"), p.has("z"), p.has("v"), p.has("n"), p.has("N"), p.has("C"),
                p.has("d"), quit, timeout);
        List<String> operands = p.operands();
        ctx.signalDisposition(Signal.SIGPIPE, SignalDisposition.IGNORE);
        if (s.listen()) {
            String host = "";
            String port;
            if (p.last("p").isPresent()) {
                if (operands.size() > 1) return usage(ctx);
                port = p.last("p").get();
                if (operands.size() == 1) host = operands.getFirst();
            } else if (operands.size() == 1) {
                port = operands.getFirst();
            } else if (operands.size() == 2) {
                host = operands.get(0);
                port = operands.get(1);
            } else {
                return fail(ctx, "missing port number");
            }
            return new NetcatSession(ctx, s).listen(host, port);
        }
        if (operands.size() < 2) {
            if (operands.isEmpty()) return usage(ctx);
            return fail(ctx, "missing port number");
        }
        if (operands.size() > 2) return usage(ctx);
        return new NetcatSession(ctx, s).connect(operands.get(0), operands.get(1));
    }

    static int fail(ProcessContext ctx, String message) {
        Gnu.print(ctx.stderr(), "nc: " + message + "\n");
        return 1;
    }

    private static int usage(ProcessContext ctx) {
        Gnu.print(ctx.stderr(), USAGE);
        return 1;
    }

    /** The service name /etc/services gives a TCP port, or "*". */
    static String service(int port) {
        return SERVICES.getOrDefault(port, "*");
    }

    private static Optional<Long> seconds(String text) {
        try {
            long s = Long.parseLong(text);
            return s > 0 ? Optional.of(s * 1000) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String reason(AgentOsException e) {
        return Curl.reason(e);
    }
}
