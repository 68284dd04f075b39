package dev.agentos.commands.net;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What wget writes on stderr: timestamps, quoting, the dot progress and rates, worded as GNU wget's. */
final class WgetLog {
    static final String HELP = """
            GNU Wget %s, a non-interactive network retriever.
            Usage: wget [OPTION]... [URL]...

              -V,  --version                   display the version of Wget and exit
              -h,  --help                      print this help
              -q,  --quiet                     quiet (no output)
              -nv, --no-verbose                turn off verboseness, without being quiet
              -O,  --output-document=FILE      write documents to FILE
              -nc, --no-clobber                skip downloads that would download to existing files
              -c,  --continue                  resume getting a partially-downloaded file
              -S,  --server-response           print server response
              -T,  --timeout=SECONDS           set all timeout values to SECONDS
              -P,  --directory-prefix=PREFIX   save files to PREFIX/..
              -U,  --user-agent=AGENT          identify as AGENT instead of Wget/VERSION
                   --user=USER                 set http user to USER
                   --password=PASS             set http password to PASS
                   --header=STRING             insert STRING among the headers
                   --max-redirect              maximum redirections allowed per page
                   --post-data=STRING          use the POST method; send STRING as the data
                   --post-file=FILE            use the POST method; send contents of FILE
                   --method=HTTPMethod         use method "HTTPMethod" in the request
                   --body-data=STRING          send STRING as data. --method MUST be set
            """.formatted(Wget.VERSION);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int DOT = 1024;
    private static final int DOTS_PER_LINE = 50;

    private final ProcessContext ctx;
    private final boolean quiet;
    private final boolean utf8;
    private long dotted;

    WgetLog(ProcessContext ctx, boolean quiet) {
        this.ctx = ctx;
        this.quiet = quiet;
        String locale = ctx.getenv("LC_ALL").filter(s -> !s.isEmpty()).or(() -> ctx.getenv("LC_CTYPE").filter(s -> !s.isEmpty()))
                .or(() -> ctx.getenv("LANG")).orElse("");
        this.utf8 = locale.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
    }

    void print(String s) {
        if (!quiet) Gnu.print(ctx.stderr(), s);
    }

    /** Always printed, even with -q? No: wget -q prints nothing at all; kept for -nv's one-liners. */
    String stamp() {
        return STAMP.format(Instant.ofEpochMilli(ctx.clock().millis()));
    }

    /** 'name' in the C locale, ‘name’ in a UTF-8 one. */
    String quote(String s) {
        return utf8 ? "\u2018" + s + "\u2019" : "'" + s + "'";
    }

    /** Starts the dot progress of one download. */
    void progressStart() {
        dotted = 0;
    }

    /** Prints the dots for {@code total} bytes received so far (complete KiB only, 50 per row). */
    void progress(long total, long expected, double seconds) {
        while ((dotted + 1) * DOT <= total) {
            if (dotted % DOTS_PER_LINE == 0) print(String.format(Locale.ROOT, "\n%6dK", dotted * DOT / 1024));
            if (dotted % 10 == 0) print(" ");
            print(".");
            dotted++;
            if (dotted % DOTS_PER_LINE == 0) {
                String pct = expected > 0 ? String.format(Locale.ROOT, " %3d%%", dotted * DOT * 100 / expected) : "";
                print(pct + " " + shortRate(dotted * DOT, seconds) + " " + "0s");
            }
        }
    }

    /** The row's end: padding, 100% and rate=time. */
    void progressEnd(long total, long expected, double seconds) {
        if (dotted % DOTS_PER_LINE == 0) print(String.format(Locale.ROOT, "\n%6dK", dotted * DOT / 1024));
        StringBuilder pad = new StringBuilder();
        for (long i = dotted % DOTS_PER_LINE; i < DOTS_PER_LINE; i++) {
            if (i % 10 == 0) pad.append(' ');
            pad.append(' ');
        }
        String pct = expected >= 0 ? String.format(Locale.ROOT, "%3d%%", total * 100 / Math.max(1, expected)) : "";
        if (expected == 0) pct = "100%";
        print(pad + pct + " " + shortRate(total, seconds) + "=" + shortTime(seconds) + "\n\n");
    }

    /** "972K" style, four characters of number then the unit. */
    static String shortRate(long bytes, double seconds) {
        double rate = bytes / Math.max(seconds, 0.0001);
        String[] units = {"", "K", "M", "G"};
        int u = 0;
        while (rate >= 1024 && u < units.length - 1) {
            rate /= 1024;
            u++;
        }
        int precision = rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2;
        String n = String.format(Locale.ROOT, "%." + precision + "f", rate);
        return String.format(Locale.ROOT, "%4s%s", n, units[u].isEmpty() ? "B" : units[u]);
    }

    /** "972 KB/s" style, for the closing line. */
    static String rate(long bytes, double seconds) {
        double rate = bytes / Math.max(seconds, 0.0001);
        String[] units = {"B/s", "KB/s", "MB/s", "GB/s"};
        int u = 0;
        while (rate >= 1024 && u < units.length - 1) {
            rate /= 1024;
            u++;
        }
        int precision = rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + precision + "f %s", rate, units[u]);
    }

    static String shortTime(double seconds) {
        if (seconds < 0.005) return "0s";
        if (seconds < 100) return String.format(Locale.ROOT, "%.2gs", seconds).replace("e+0", "e");
        return Math.round(seconds) + "s";
    }
}
