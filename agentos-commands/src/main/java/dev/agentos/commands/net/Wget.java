package dev.agentos.commands.net;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * wget: downloads URLs to files (named after the URL, {@code index.html} for a directory,
 * {@code name.1} when the name is taken) or to {@code -O FILE}/{@code -O -}, following redirects,
 * logging on stderr the way GNU wget does and exiting 0, 4 (network failure) or 8 (server error).
 */
final class Wget implements Program {
    static final String VERSION = "1.21.3";
    static final String TRY = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

    /** One run's settings. */
    record Settings(Optional<String> output, boolean quiet, boolean brief, boolean serverResponse, List<String> headers,
                    Optional<byte[]> postData, Optional<String> method, boolean resume, String userAgent,
                    Optional<String> user, Optional<String> password, Optional<Duration> timeout, int maxRedirect,
                    Optional<String> prefix, boolean noClobber) {}

    @Override public int run(ProcessContext ctx) throws IOException {
        Getopt.Parsed p;
        try {
            p = Getopt.create().withArg('O', "output-document", "O").flag('q', "quiet", "q").flag('S', "server-response", "S")
                    .withArg((char) 0, "header", "header").withArg((char) 0, "post-data", "post-data")
                    .withArg((char) 0, "post-file", "post-file").withArg((char) 0, "method", "method")
                    .withArg((char) 0, "body-data", "body-data").flag('c', "continue", "c")
                    .withArg('U', "user-agent", "U").withArg((char) 0, "user", "user").withArg((char) 0, "password", "password")
                    .withArg('T', "timeout", "T").withArg((char) 0, "max-redirect", "max-redirect")
                    .withArg('P', "directory-prefix", "P").withArg('n', null, "n").flag((char) 0, "no-verbose", "nv")
                    .flag((char) 0, "no-clobber", "nc").flag('h', "help", "help").flag('V', "version", "version")
                    .parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), "wget: " + e.getMessage() + "\n" + TRY);
            return 2;
        }
        if (p.has("help")) {
            Gnu.print(ctx.stdout(), WgetLog.HELP);
            return 0;
        }
        if (p.has("version")) {
            Gnu.print(ctx.stdout(), "GNU Wget " + VERSION + " built for agentOS.\n");
            return 0;
        }
        boolean brief = p.has("nv");
        boolean noClobber = p.has("nc");
        for (String n : p.all("n")) {
            switch (n) {
                case "v" -> brief = true;
                case "c" -> noClobber = true;
                default -> {
                    Gnu.print(ctx.stderr(), "wget: invalid option -- 'n'\n" + TRY);
                    return 2;
                }
            }
        }
        if (p.operands().isEmpty()) {
            Gnu.print(ctx.stderr(), "wget: missing URL\n" + TRY);
            return 1;
        }
        Optional<byte[]> post = p.last("post-data").or(() -> p.last("body-data")).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (p.last("post-file").isPresent()) {
            try (var in = GuestFiles.open(ctx, p.last("post-file").get())) {
                post = Optional.of(in.readAllBytes());
            } catch (dev.agentos.AgentOsException e) {
                Gnu.print(ctx.stderr(), "wget: " + p.last("post-file").get() + ": " + Curl.reason(e) + "\n");
                return 3;
            }
        }
        Optional<Duration> timeout = Optional.empty();
        if (p.last("T").isPresent()) {
            Optional<Duration> t = Curl.seconds(p.last("T").get());
            if (t.isEmpty()) {
                Gnu.print(ctx.stderr(), "wget: --timeout: Invalid time period '" + p.last("T").get() + "'\n");
                return 2;
            }
            if (!t.get().isZero()) timeout = t;
        }
        int maxRedirect = 20;
        if (p.last("max-redirect").isPresent()) {
            try {
                maxRedirect = Integer.parseInt(p.last("max-redirect").get());
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), "wget: --max-redirect: Invalid number '" + p.last("max-redirect").get() + "'.\n");
                return 2;
            }
        }
        Settings s = new Settings(p.last("O"), p.has("q"), brief, p.has("S"), p.all("header"), post, p.last("method"),
                p.has("c"), p.last("U").orElse("Wget/" + VERSION), p.last("user"), p.last("password"), timeout,
                maxRedirect, p.last("P"), noClobber);
        List<String> urls = new ArrayList<>(p.operands());
        int status = 0;
        WgetDownload download = new WgetDownload(ctx, s);
        for (String url : urls) {
            int st = download.fetch(url);
            if (st != 0 && (status == 0 || st < status)) status = st;
        }
        download.close();
        return status;
    }
}
