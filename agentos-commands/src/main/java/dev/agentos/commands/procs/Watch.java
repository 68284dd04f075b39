package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SignalDisposition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * watch (procps-ng 4.0.2): runs a command every -n seconds (via {@code sh -c}, or directly with -x)
 * and shows its output full-screen under a header. Like procps' watch it always draws with terminal
 * escape sequences, on a terminal or not (80x24, or COLUMNS and LINES, when stdout is not one).
 * -g exits when the output changes, -q N when it stayed the same N times, -e on a failing command
 * (status 8); -d highlights what changed; ^C (SIGINT) ends it with status 0.
 */
final class Watch implements Program {
    private static final String USAGE = """

            Usage:
             watch [options] command

            Options:
              -b, --beep             beep if command has a non-zero exit
              -c, --color            interpret ANSI color and style sequences
              -d, --differences[=<permanent>]
                                     highlight changes between updates
              -e, --errexit          exit if command has a non-zero exit
              -g, --chgexit          exit when output from command changes
              -q, --equexit <cycles>
                                     exit when output from command does not change
              -n, --interval <secs>  seconds to wait between updates
              -p, --precise          attempt run command in precise intervals
              -t, --no-title         turn off header
              -w, --no-wrap          turn off line wrapping
              -x, --exec             pass command to exec instead of "sh -c"

             -h, --help     display this help and exit
             -v, --version  output version information and exit

            For more details see watch(1).
            """;
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().noPermute().flag('b', "beep", "b").flag('c', "color", "c").optionalArg('d', "differences", "d")
                    .flag('e', "errexit", "e").flag('g', "chgexit", "g").withArg('q', "equexit", "q").withArg('n', "interval", "n")
                    .flag('p', "precise", "p").flag('t', "no-title", "t").flag('w', "no-wrap", "w").flag('x', "exec", "x")
                    .flag('h', "help", "h").flag('v', "version", "v")
                    .parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), "watch: " + e.getMessage() + "\n" + USAGE);
            return 1;
        }
        if (parsed.has("h")) {
            Gnu.print(ctx.stdout(), USAGE);
            return 0;
        }
        if (parsed.has("v")) {
            Gnu.print(ctx.stdout(), "watch from procps-ng 4.0.2\n");
            return 0;
        }
        if (parsed.operands().isEmpty()) {
            Gnu.print(ctx.stderr(), USAGE);
            return 1;
        }
        double interval = 2.0;
        if (parsed.has("n")) {
            String n = parsed.last("n").orElseThrow();
            try {
                interval = Double.parseDouble(n.replace(',', '.'));
                if (Double.isNaN(interval) || interval < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), "watch: failed to parse argument: '" + n + "'\n");
                return 1;
            }
            interval = Math.max(0.1, Math.min(interval, 4_294_967.0));
        }
        int equalCycles = 0;
        if (parsed.has("q")) {
            try {
                equalCycles = Integer.parseInt(parsed.last("q").orElseThrow());
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), "watch: failed to parse argument: '" + parsed.last("q").orElseThrow() + "'\n");
                return 1;
            }
        }
        List<String> argv = parsed.has("x") ? parsed.operands() : List.of("sh", "-c", String.join(" ", parsed.operands()));
        String title = String.join(" ", parsed.operands());
        for (Signal s : List.of(Signal.SIGINT, Signal.SIGTERM, Signal.SIGHUP)) ctx.signalDisposition(s, SignalDisposition.CATCH);
        int cols = 80, rows = 24;
        if (ctx.isatty(1)) {
            cols = ctx.terminal(1).windowSize().cols();
            rows = ctx.terminal(1).windowSize().rows();
        } else {
            cols = envInt(ctx, "COLUMNS", cols);
            rows = envInt(ctx, "LINES", rows);
        }
        String host = Users.read(ctx, "/etc/hostname").strip();
        write(ctx, "\033[?1049h\033[H\033[2J");
        String previous = null;
        int unchanged = 0;
        int status = 0;
        try {
            while (true) {
                CommandOutput out;
                try {
                    out = CommandOutput.run(ctx, argv);
                } catch (AgentOsException e) {
                    if (e.is(Errno.EINTR)) break;
                    throw e;
                }
                boolean changed = previous != null && !previous.equals(out.text());
                draw(ctx, parsed.has("t") ? null : header(ctx, interval, title, host, cols), out.text(),
                        parsed.has("d") ? previous : null, cols, rows, !parsed.has("w"));
                if (parsed.has("b") && out.status().shellStatus() != 0) write(ctx, "\007");
                if (parsed.has("g") && changed) break;
                if (parsed.has("e") && !(out.status() instanceof ExitStatus.Exited(int code) && code == 0)) {
                    write(ctx, "\033[" + rows + ";1Hcommand exit with a non-zero status, press a key to exit");
                    if (ctx.isatty(0)) waitForKey(ctx);
                    status = 8;
                    break;
                }
                unchanged = previous != null && !changed ? unchanged + 1 : 0;
                if (equalCycles > 0 && unchanged >= equalCycles) break;
                previous = out.text();
                try {
                    ctx.sleep(Duration.ofNanos((long) (interval * 1e9)));
                } catch (AgentOsException e) {
                    if (e.is(Errno.EINTR)) break;
                    throw e;
                }
            }
        } finally {
            ctx.takePendingSignals();
            write(ctx, "\033[" + rows + ";1H\033[?1049l\r");
        }
        return status;
    }

    private static String header(ProcessContext ctx, double interval, String title, String host, int cols) {
        ZoneId zone;
        try {
            zone = ZoneId.of(ctx.getenv("TZ").orElse("UTC"));
        } catch (java.time.DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        String left = String.format(Locale.ROOT, "Every %.1fs: %s", interval, title);
        String right = host + ": " + HEADER_TIME.format(ZonedDateTime.ofInstant(ctx.clock().instant(), zone));
        int room = cols - right.length() - 1;
        if (left.length() > room) left = room > 3 ? left.substring(0, room - 3) + "..." : "";
        return left + " ".repeat(Math.max(1, cols - left.length() - right.length())) + right;
    }

    /** Draws the header (if any), a blank line, then the output, marking changed cells with reverse video. */
    private static void draw(ProcessContext ctx, String header, String text, String previous, int cols, int rows, boolean wrap) {
        StringBuilder sb = new StringBuilder("\033[H\033[2J");
        int row = 1;
        if (header != null) {
            sb.append(header);
            row = 3;
        }
        List<String> lines = screenLines(text, cols, wrap);
        List<String> before = previous == null ? null : screenLines(previous, cols, wrap);
        for (int i = 0; i < lines.size() && row <= rows; i++, row++) {
            sb.append("\033[").append(row).append(";1H");
            String line = lines.get(i);
            String old = before == null ? null : i < before.size() ? before.get(i) : "";
            if (old == null) {
                sb.append(line);
                continue;
            }
            boolean inverse = false;
            for (int c = 0; c < line.length(); c++) {
                boolean diff = c >= old.length() || old.charAt(c) != line.charAt(c);
                if (diff != inverse) {
                    sb.append(diff ? "\033[7m" : "\033[27m");
                    inverse = diff;
                }
                sb.append(line.charAt(c));
            }
            if (inverse) sb.append("\033[27m");
        }
        write(ctx, sb.toString());
    }

    private static List<String> screenLines(String text, int cols, boolean wrap) {
        List<String> out = new ArrayList<>();
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (t.isEmpty()) return out;
        for (String l : t.split("\n", -1)) {
            l = l.replace("\t", "        ");
            if (!wrap || l.length() <= cols) {
                out.add(l.length() > cols ? l.substring(0, cols) : l);
                continue;
            }
            for (int i = 0; i < l.length(); i += cols) out.add(l.substring(i, Math.min(l.length(), i + cols)));
        }
        return out;
    }

    private static void waitForKey(ProcessContext ctx) {
        try (RawTerminal t = RawTerminal.open(ctx)) {
            t.key(-1);
        } catch (AgentOsException e) {
            // interrupted or no terminal: exit anyway
        }
    }

    private static int envInt(ProcessContext ctx, String name, int fallback) {
        try {
            int v = Integer.parseInt(ctx.getenv(name).orElse(""));
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void write(ProcessContext ctx, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ctx.write(1, b, 0, b.length);
    }
}
