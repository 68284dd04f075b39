package dev.agentos.commands.procs;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.time.Duration;
import java.util.Locale;

/**
 * free (procps-ng 4.0.2): the VM's memory from its /proc/meminfo, in procps' layout and units. The
 * VM's memory is the JVM heap it may use (see the kernel's /proc/meminfo); it has no swap.
 */
final class Free implements Program {
    private static final String USAGE = """

            Usage:
             free [options]

            Options:
             -b, --bytes         show output in bytes
                 --kilo          show output in kilobytes
                 --mega          show output in megabytes
                 --giga          show output in gigabytes
                 --tera          show output in terabytes
                 --peta          show output in petabytes
             -k, --kibi          show output in kibibytes
             -m, --mebi          show output in mebibytes
             -g, --gibi          show output in gibibytes
                 --tebi          show output in tebibytes
                 --pebi          show output in pebibytes
             -h, --human         show human-readable output
                 --si            use powers of 1000 not 1024
             -l, --lohi          show detailed low and high memory statistics
             -t, --total         show total for RAM + swap
             -v, --committed     show committed memory and commit limit
             -s N, --seconds N   repeat printing every N seconds
             -c N, --count N     repeat printing N times, then exit
             -w, --wide          wide output

                 --help     display this help and exit
             -V, --version  output version information and exit

            For more details see free(1).
            """;

    /** How numbers print: a divisor from bytes, or human-readable. */
    private record Units(long divisor, boolean human, boolean si) {}

    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().flag('b', "bytes", "b").flag((char) 0, "kilo", "kilo").flag((char) 0, "mega", "mega")
                    .flag((char) 0, "giga", "giga").flag((char) 0, "tera", "tera").flag((char) 0, "peta", "peta")
                    .flag('k', "kibi", "k").flag('m', "mebi", "m").flag('g', "gibi", "g").flag((char) 0, "tebi", "tebi")
                    .flag((char) 0, "pebi", "pebi").flag('h', "human", "h").flag((char) 0, "si", "si").flag('l', "lohi", "l")
                    .flag('t', "total", "t").flag('v', "committed", "v").withArg('s', "seconds", "s").withArg('c', "count", "c")
                    .flag('w', "wide", "w").flag((char) 0, "help", "help").flag('V', "version", "V")
                    .parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), "free: " + e.getMessage() + "\n" + USAGE);
            return 1;
        }
        if (parsed.has("help")) {
            Gnu.print(ctx.stdout(), USAGE);
            return 0;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stdout(), "free from procps-ng 4.0.2\n");
            return 0;
        }
        boolean si = parsed.has("si");
        long k = si ? 1000 : 1024;
        Units units = new Units(1024, false, si);
        for (var o : parsed.options()) {
            switch (o.key()) {
                case "b" -> units = new Units(1, false, si);
                case "k" -> units = new Units(1024, false, si);
                case "m" -> units = new Units(1024L * 1024, false, si);
                case "g" -> units = new Units(1024L * 1024 * 1024, false, si);
                case "tebi" -> units = new Units(1024L * 1024 * 1024 * 1024, false, si);
                case "pebi" -> units = new Units(1024L * 1024 * 1024 * 1024 * 1024, false, si);
                case "kilo" -> units = new Units(1000, false, true);
                case "mega" -> units = new Units(1000L * 1000, false, true);
                case "giga" -> units = new Units(1000L * 1000 * 1000, false, true);
                case "tera" -> units = new Units(1000L * 1000 * 1000 * 1000, false, true);
                case "peta" -> units = new Units(1000L * 1000 * 1000 * 1000 * 1000, false, true);
                case "h" -> units = new Units(1, true, si);
                default -> { }
            }
        }
        if (si && units.divisor() % 1024 == 0 && units.divisor() > 1) {
            long d = 1;
            for (long x = units.divisor(); x > 1; x /= 1024) d *= k;
            units = new Units(d, units.human(), true);
        }
        double seconds = -1;
        long count = -1;
        if (parsed.has("s")) {
            try {
                seconds = Double.parseDouble(parsed.last("s").orElseThrow());
                if (seconds < 0 || Double.isNaN(seconds)) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), "free: seconds argument `" + parsed.last("s").orElseThrow() + "' is not positive number\n");
                return 1;
            }
        }
        if (parsed.has("c")) {
            try {
                count = Long.parseLong(parsed.last("c").orElseThrow());
                if (count < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), "free: count argument `" + parsed.last("c").orElseThrow() + "' is not positive number\n");
                return 1;
            }
            if (seconds < 0) seconds = 1;
        }
        for (long printed = 1; ; printed++) {
            Gnu.print(ctx.stdout(), report(MemInfo.read(ctx), units, parsed.has("w"), parsed.has("t"), parsed.has("l"),
                    parsed.has("v")) + (seconds >= 0 ? "\n" : ""));
            if (seconds < 0 || count > 0 && printed >= count) return 0;
            ctx.sleep(Duration.ofNanos((long) (seconds * 1e9)));
        }
    }

    static String report(MemInfo m, Units u, boolean wide, boolean total, boolean lohi, boolean committed) {
        StringBuilder sb = new StringBuilder();
        sb.append(wide ? "               total        used        free      shared     buffers       cache   available\n"
                : "               total        used        free      shared  buff/cache   available\n");
        sb.append(String.format(Locale.ROOT, "%-9s", "Mem:")).append(col(m.total(), u, true)).append(col(m.used(), u, false))
                .append(col(m.free(), u, false)).append(col(m.shared(), u, false));
        if (wide) sb.append(col(m.buffers(), u, false)).append(col(m.cache(), u, false));
        else sb.append(col(m.buffers() + m.cache(), u, false));
        sb.append(col(m.available(), u, false)).append('\n');
        if (lohi) {
            sb.append(String.format(Locale.ROOT, "%-9s", "Low:")).append(col(m.total(), u, true)).append(col(m.total() - m.free(), u, false))
                    .append(col(m.free(), u, false)).append('\n');
            sb.append(String.format(Locale.ROOT, "%-9s", "High:")).append(col(0, u, true)).append(col(0, u, false))
                    .append(col(0, u, false)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-9s", "Swap:")).append(col(m.swapTotal(), u, true)).append(col(m.swapUsed(), u, false))
                .append(col(m.swapFree(), u, false)).append('\n');
        if (total) {
            sb.append(String.format(Locale.ROOT, "%-9s", "Total:")).append(col(m.total() + m.swapTotal(), u, true))
                    .append(col(m.used() + m.swapUsed(), u, false)).append(col(m.free() + m.swapFree(), u, false)).append('\n');
        }
        if (committed) {
            sb.append(String.format(Locale.ROOT, "%-9s", "Comm:")).append(col(m.get("CommitLimit"), u, true))
                    .append(col(m.get("Committed_AS"), u, false)).append(col(m.get("CommitLimit") - m.get("Committed_AS"), u, false)).append('\n');
        }
        return sb.toString();
    }

    private static String col(long kib, Units u, boolean first) {
        String v = u.human() ? human(kib * 1024, u.si()) : Long.toString(kib * 1024 / u.divisor());
        return (first ? "" : " ") + String.format(Locale.ROOT, "%11s", v);
    }

    /** procps' scale_size: the smallest unit whose number fits in three characters. */
    static String human(long bytes, boolean si) {
        long base = si ? 1000 : 1024;
        if (bytes < base) return bytes + "B";
        String[] units = {"K", "M", "G", "T", "P", "E"};
        double value = bytes;
        for (String unit : units) {
            value /= base;
            String suffix = si ? unit : unit + "i";
            String oneDecimal = String.format(Locale.ROOT, "%.1f", value);
            if (oneDecimal.length() <= 3) return oneDecimal + suffix;
            String whole = Long.toString((long) value);
            if (whole.length() <= 3) return whole + suffix;
        }
        return (long) value + "E";
    }
}
