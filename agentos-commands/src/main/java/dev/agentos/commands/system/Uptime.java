package dev.agentos.commands.system;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

/** uptime (procps): time, time since boot (/proc/uptime), users and load average; -p pretty, -s since. */
final class Uptime implements Program {
    private static final String USAGE = """

            Usage:
             uptime [options]

            Options:
             -p, --pretty   show uptime in pretty format
             -h, --help     display this help and exit
             -s, --since    system up since
             -V, --version  output version information and exit

            For more details see uptime(1).
            """;

    @Override public int run(ProcessContext ctx) {
        boolean pretty = false, since = false;
        for (String a : ctx.argv().subList(1, ctx.argv().size())) {
            switch (a) {
                case "-p", "--pretty" -> pretty = true;
                case "-s", "--since" -> since = true;
                case "-h", "--help" -> { Gnu.print(ctx.stdout(), USAGE); return 0; }
                case "-V", "--version" -> { Gnu.print(ctx.stdout(), "uptime from procps-ng 4.0.2\n"); return 0; }
                default -> {
                    if (a.matches("-[ps]+")) {
                        pretty |= a.contains("p");
                        since |= a.contains("s");
                    } else {
                        Gnu.print(ctx.stderr(), USAGE);
                        return 1;
                    }
                }
            }
        }
        String[] f = UserDatabase.readFile(ctx, "/proc/uptime").orElse("0 0").trim().split("\\s+");
        double up = Double.parseDouble(f[0]);
        TimeZones tz = TimeZones.of(ctx.getenv("TZ"));
        ZonedDateTime now = ctx.clock().instant().atZone(tz.zone());
        if (since) {
            ZonedDateTime boot = Instant.ofEpochMilli(ctx.clock().millis() - (long) (up * 1000)).atZone(tz.zone());
            Gnu.print(ctx.stdout(), Strftime.format("%Y-%m-%d %H:%M:%S", boot, "") + "\n");
            return 0;
        }
        long secs = (long) up;
        long days = secs / 86400, hours = secs / 3600 % 24, mins = secs / 60 % 60;
        if (pretty) {
            StringBuilder sb = new StringBuilder("up ");
            String sep = "";
            if (days > 0) { sb.append(plural(days, "day")); sep = ", "; }
            if (hours > 0) { sb.append(sep).append(plural(hours, "hour")); sep = ", "; }
            if (mins > 0 || sep.isEmpty()) sb.append(sep).append(plural(mins, "minute"));
            Gnu.print(ctx.stdout(), sb + "\n");
            return 0;
        }
        StringBuilder sb = new StringBuilder(" ").append(Strftime.format("%H:%M:%S", now, "")).append(" up ");
        if (days > 0) sb.append(days).append(days > 1 ? " days, " : " day, ");
        if (hours > 0) sb.append(String.format(Locale.ROOT, "%2d:%02d, ", hours, mins));
        else sb.append(mins).append(" min, ");
        String[] load = UserDatabase.readFile(ctx, "/proc/loadavg").orElse("0.00 0.00 0.00").trim().split("\\s+");
        sb.append(" 0 user,  load average: ").append(load[0]).append(", ").append(load[1]).append(", ").append(load[2]);
        Gnu.print(ctx.stdout(), sb + "\n");
        return 0;
    }

    private static String plural(long n, String unit) { return n + " " + unit + (n == 1 ? "" : "s"); }
}
