package dev.agentos.commands.procs;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.Program;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * top (procps-ng 4.0.2): batch mode (-b, or when stdout is not a terminal) prints frames one after
 * another; on a terminal it redraws the screen every -d seconds until {@code q} (or -n frames).
 * Options: -b -n N -d SECS -p PID,... -u USER -o FIELD -w COLS.
 */
final class Top implements Program {
    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().flag('b', "batch", "b").withArg('n', "iterations", "n").withArg('d', "delay", "d")
                    .withArg('p', "pid", "p").withArg('u', "filter-only-euser", "u").withArg('o', "sort-override", "o")
                    .optionalArg('w', "width", "w").flag('h', "help", "h").flag('V', "version", "V")
                    .parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            return usage(ctx, e.getMessage());
        }
        if (parsed.has("h")) {
            Gnu.print(ctx.stdout(), "\nUsage:\n top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n");
            return 0;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stdout(), "top from procps-ng 4.0.2\n");
            return 0;
        }
        long iterations = -1;
        double delay = 3.0;
        try {
            if (parsed.has("n")) iterations = Long.parseLong(parsed.last("n").orElseThrow());
            if (parsed.has("d")) delay = Double.parseDouble(parsed.last("d").orElseThrow());
            if (delay < 0 || Double.isNaN(delay)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            return usage(ctx, "bad delay interval '" + parsed.last("d").orElse("") + "'");
        }
        Set<Integer> pids = new HashSet<>();
        if (parsed.has("p")) {
            for (String s : parsed.all("p")) {
                for (String x : s.split(",")) {
                    try {
                        pids.add(Integer.parseInt(x.trim()));
                    } catch (NumberFormatException e) {
                        return usage(ctx, "bad pid '" + x + "'");
                    }
                }
            }
        }
        Users users = Users.load(ctx);
        OptionalInt uid = OptionalInt.empty();
        if (parsed.has("u")) {
            uid = users.uid(parsed.last("u").orElseThrow());
            if (uid.isEmpty()) return usage(ctx, "Invalid user");
        }
        TopFrame.Field sort = TopFrame.FIELDS.get("%CPU");
        if (parsed.has("o")) {
            String f = parsed.last("o").orElseThrow().toUpperCase(Locale.ROOT);
            sort = TopFrame.FIELDS.get(f.startsWith("+") || f.startsWith("-") ? f.substring(1) : f);
            if (sort == null) return usage(ctx, "unrecognized field name '" + parsed.last("o").orElseThrow() + "'");
        }
        int width = -1;
        if (parsed.has("w")) {
            String w = parsed.last("w").orElse("");
            try {
                width = w.isEmpty() ? 512 : Integer.parseInt(w);
            } catch (NumberFormatException e) {
                return usage(ctx, "bad width arg '" + w + "'");
            }
        }
        final OptionalInt onlyUid = uid;
        java.util.function.Function<ProcessInfo, Boolean> shown = p -> (pids.isEmpty() || pids.contains(p.pid()))
                && (onlyUid.isEmpty() || p.uid() == onlyUid.getAsInt());
        if (parsed.has("b")) return batch(ctx, users, sort, shown, iterations, delay, width);
        if (!RawTerminal.usable(ctx)) return usage(ctx, "failed tty get");
        return interactive(ctx, users, sort, shown, iterations, delay);
    }

    private int batch(ProcessContext ctx, Users users, TopFrame.Field sort, java.util.function.Function<ProcessInfo, Boolean> shown,
                      long iterations, double delay, int width) {
        TopFrame.Sample previous = null;
        for (long i = 0; iterations < 0 || i < iterations; i++) {
            if (i > 0) ctx.sleep(Duration.ofNanos((long) (delay * 1e9)));
            TopFrame.Input in = input(ctx, users, previous);
            List<String> lines = TopFrame.render(in, sort, shown, -1, width);
            Gnu.print(ctx.stdout(), String.join("\n", lines) + "\n\n");
            previous = TopFrame.Sample.of(in.procs(), in.nowNanos());
        }
        return 0;
    }

    private int interactive(ProcessContext ctx, Users users, TopFrame.Field sort, java.util.function.Function<ProcessInfo, Boolean> shown,
                            long iterations, double delay) {
        try (RawTerminal term = RawTerminal.open(ctx)) {
            term.write("\033[?1049h\033[?25l");
            TopFrame.Sample previous = null;
            try {
                for (long i = 0; iterations < 0 || i < iterations; i++) {
                    TopFrame.Input in = input(ctx, users, previous);
                    int rows = term.size().rows() - 7;
                    term.frame(TopFrame.render(in, sort, shown, Math.max(0, rows), term.size().cols()));
                    previous = TopFrame.Sample.of(in.procs(), in.nowNanos());
                    if (iterations >= 0 && i + 1 >= iterations) break;
                    OptionalInt k = term.key((long) (delay * 1000));
                    if (k.isPresent() && (k.getAsInt() == 'q' || k.getAsInt() == -1 || k.getAsInt() == 3)) break;
                }
            } finally {
                term.write("\033[?25h\033[?1049l");
            }
        }
        return 0;
    }

    private static TopFrame.Input input(ProcessContext ctx, Users users, TopFrame.Sample previous) {
        String[] up = Users.read(ctx, "/proc/uptime").trim().split("\\s+");
        String[] load = (Users.read(ctx, "/proc/loadavg").trim() + " 0.00 0.00 0.00").split("\\s+");
        ZoneId zone;
        try {
            zone = ZoneId.of(ctx.getenv("TZ").orElse("UTC"));
        } catch (java.time.DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        double uptime = up.length > 0 && !up[0].isEmpty() ? Double.parseDouble(up[0]) : 0;
        int cpus = Math.max(1, (int) Users.read(ctx, "/proc/cpuinfo").lines().filter(l -> l.startsWith("processor")).count());
        return new TopFrame.Input(ZonedDateTime.ofInstant(ctx.clock().instant(), zone), uptime, load, ctx.processes(), users,
                MemInfo.read(ctx), cpus, ctx.clock().millis(), System.nanoTime(), previous);
    }

    private static int usage(ProcessContext ctx, String message) {
        Gnu.print(ctx.stderr(), "top: " + message + "\n");
        return 1;
    }
}
