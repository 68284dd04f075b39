package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.List;

/**
 * httpd: busybox's static file server. {@code -p [IP:]PORT} (default 80), {@code -h DIR} (default
 * "."), {@code -f} to stay in the foreground, {@code -v} to log requests on stderr. Without -f it
 * binds first and then detaches, as busybox does: the port is listening by the time the command
 * returns 0, and a server process in its own session keeps serving. Each connection gets a virtual
 * thread; HTTP/1.1 connections are kept alive.
 */
final class Httpd implements Program {
    private static final String USAGE = """
            Usage: httpd [-fv] [-p [IP:]PORT] [-h HOME]

            Listen for incoming HTTP requests

            \t-f\t\tDon't daemonize
            \t-v[v]\t\tVerbose
            \t-p [IP:]PORT\tBind to IP:PORT (default *:80)
            \t-h HOME\t\tHome directory (default .)
            """;

    /** What the server was told. */
    record Config(String host, int port, String home, boolean verbose) {}

    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().flag('f', null, "f").flag('v', null, "v").withArg('p', null, "p")
                    .withArg('h', null, "h").flag((char) 0, "help", "help").noPermute()
                    .parse(ctx.argv().subList(1, ctx.argv().size()));
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), "httpd: " + e.getMessage() + "\n" + USAGE);
            return 1;
        }
        if (parsed.has("help")) {
            Gnu.print(ctx.stderr(), USAGE);
            return 0;
        }
        if (!parsed.operands().isEmpty()) {
            Gnu.print(ctx.stderr(), USAGE);
            return 1;
        }
        String bind = parsed.last("p").orElse("80");
        int colon = bind.lastIndexOf(':');
        String host = colon < 0 ? "" : bind.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
            if (port < 0 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            Gnu.print(ctx.stderr(), "httpd: bad port '" + bind.substring(colon + 1) + "'\n");
            return 1;
        }
        String home = parsed.last("h").orElse(".");
        try {
            if (!ctx.stat(home).isDirectory()) throw AgentOsException.errnoDetail(dev.agentos.kernel.Errno.ENOTDIR, home);
            home = ctx.realpath(home);
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "httpd: can't change directory to '" + home + "': " + Curl.reason(e) + "\n");
            return 1;
        }
        Config config = new Config(host, port, home, parsed.has("v"));
        int listenFd;
        try {
            listenFd = ctx.listen(host, port, 128);
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "httpd: bind: " + Curl.reason(e) + "\n");
            return 1;
        }
        if (parsed.has("f")) return new HttpdServer(ctx, config).serve(listenFd);
        int devNull = ctx.open("/dev/null", OpenFlags.O_RDWR, 0);
        ctx.spawn(SpawnRequest.of("httpd", ctx.argv().subList(1, ctx.argv().size()))
                .withProgram(child -> new HttpdServer(child, config).serve(listenFd))
                .withGroup(new SpawnRequest.ProcessGroup.NewSession(-1))
                .withFdActions(List.of(new SpawnRequest.FdAction.Dup2(devNull, 0), new SpawnRequest.FdAction.Dup2(devNull, 1),
                        new SpawnRequest.FdAction.Dup2(devNull, 2), new SpawnRequest.FdAction.Close(devNull))));
        ctx.close(devNull);
        ctx.close(listenFd);
        return 0;
    }
}
