package dev.agentos.commands.system;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.ProcessState;
import dev.agentos.kernel.proc.Program;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** ps (procps-ng): a snapshot of the VM's processes in procps' formats: default, -f, u/aux and -o. */
final class Ps implements Program {
    private static final String USAGE_TAIL = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
            + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

    /** One output column: its header, width, alignment and value. */
    private record Column(String header, int width, boolean left, Function<Row, String> value) {
        Column withHeader(String h) { return new Column(h, Math.max(width, h.length()), left, value); }
    }

    private record Row(ProcessInfo p, String user, long nowMillis, TimeZones tz) {}

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry("pid", new Column("PID", 5, false, r -> Integer.toString(r.p.pid()))),
            Map.entry("ppid", new Column("PPID", 5, false, r -> Integer.toString(r.p.ppid()))),
            Map.entry("pgid", new Column("PGID", 5, false, r -> Integer.toString(r.p.pgid()))),
            Map.entry("pgrp", new Column("PGRP", 5, false, r -> Integer.toString(r.p.pgid()))),
            Map.entry("sid", new Column("SID", 5, false, r -> Integer.toString(r.p.sid()))),
            Map.entry("sess", new Column("SESS", 5, false, r -> Integer.toString(r.p.sid()))),
            Map.entry("user", new Column("USER", 8, true, Row::user)),
            Map.entry("uid", new Column("UID", 5, false, r -> Integer.toString(r.p.uid()))),
            Map.entry("comm", new Column("COMMAND", 15, true, r -> comm(r.p))),
            Map.entry("ucmd", new Column("CMD", 15, true, r -> comm(r.p))),
            Map.entry("args", new Column("COMMAND", 27, true, r -> args(r.p))),
            Map.entry("cmd", new Column("CMD", 27, true, r -> args(r.p))),
            Map.entry("command", new Column("COMMAND", 27, true, r -> args(r.p))),
            Map.entry("stat", new Column("STAT", 4, true, r -> stat(r.p))),
            Map.entry("s", new Column("S", 1, true, r -> String.valueOf(r.p.state().letter()))),
            Map.entry("tty", new Column("TT", 8, true, r -> tty(r.p))),
            Map.entry("tname", new Column("TTY", 8, true, r -> tty(r.p))),
            Map.entry("etime", new Column("ELAPSED", 11, false, r -> elapsed((r.nowMillis - r.p.startTimeMillis()) / 1000))),
            Map.entry("etimes", new Column("ELAPSED", 7, false, r -> Long.toString((r.nowMillis - r.p.startTimeMillis()) / 1000))),
            Map.entry("time", new Column("TIME", 8, false, r -> cpuTime(r.p.cpuTimeNanos() / 1_000_000_000))),
            Map.entry("cputime", new Column("TIME", 8, false, r -> cpuTime(r.p.cpuTimeNanos() / 1_000_000_000))),
            Map.entry("bsdtime", new Column("TIME", 6, false, r -> bsdTime(r.p.cpuTimeNanos() / 1_000_000_000))),
            Map.entry("%cpu", new Column("%CPU", 4, false, Ps::percentCpu)),
            Map.entry("pcpu", new Column("%CPU", 4, false, Ps::percentCpu)),
            Map.entry("ni", new Column("NI", 3, false, r -> Integer.toString(r.p.nice()))),
            Map.entry("nice", new Column("NI", 3, false, r -> Integer.toString(r.p.nice()))),
            Map.entry("%mem", new Column("%MEM", 4, false, r -> "0.0")),
            Map.entry("pmem", new Column("%MEM", 4, false, r -> "0.0")),
            Map.entry("c", new Column("C", 2, false, r -> "0")),
            Map.entry("rss", new Column("RSS", 5, false, r -> "0")),
            Map.entry("vsz", new Column("VSZ", 6, false, r -> "0")),
            Map.entry("stime", new Column("STIME", 5, true, Ps::start)),
            Map.entry("start", new Column("START", 5, true, Ps::start)),
            Map.entry("lstart", new Column("STARTED", 24, true, r -> Strftime.format("%a %b %e %H:%M:%S %Y",
                    Instant.ofEpochMilli(r.p.startTimeMillis()).atZone(r.tz.zone()), ""))));

    @Override public int run(ProcessContext ctx) {
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        boolean all = false, full = false, bsdUser = false, bsdAll = false, bsdX = false, headers = true;
        List<String> format = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--no-headers") || a.equals("--no-heading")) { headers = false; continue; }
            if (a.equals("--help")) { Gnu.print(ctx.stdout(), USAGE_TAIL); return 0; }
            if (a.equals("-o") || a.equals("o") || a.equals("--format")) {
                if (i + 1 >= args.size()) return error(ctx, "error: format specification must follow -o\n");
                format.add(args.get(++i));
                continue;
            }
            if (a.startsWith("-o")) { format.add(a.substring(2)); continue; }
            if (a.startsWith("--format=")) { format.add(a.substring(9)); continue; }
            if (a.equals("-p") || a.equals("p") || a.equals("--pid")) {
                if (i + 1 >= args.size()) return error(ctx, "error: list of process IDs must follow -p\n");
                if (!addPids(pids, args.get(++i))) return error(ctx, "error: process ID list syntax error\n");
                continue;
            }
            if (a.startsWith("--pid=")) { if (!addPids(pids, a.substring(6))) return error(ctx, "error: process ID list syntax error\n"); continue; }
            if (a.startsWith("-p")) { if (!addPids(pids, a.substring(2))) return error(ctx, "error: process ID list syntax error\n"); continue; }
            if (a.startsWith("-") && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e', 'A' -> all = true;
                        case 'f' -> full = true;
                        default -> { return error(ctx, "error: unsupported SysV option\n"); }
                    }
                }
                continue;
            }
            if (a.startsWith("--")) return error(ctx, "error: unknown gnu long option\n");
            for (char c : a.toCharArray()) {
                switch (c) {
                    case 'a' -> bsdAll = true;
                    case 'u' -> bsdUser = true;
                    case 'x' -> bsdX = true;
                    case 'w' -> { }
                    default -> { return error(ctx, "error: unsupported option (BSD syntax)\n"); }
                }
            }
        }
        List<Column> columns = columns(format, full, bsdUser);
        if (columns == null) return error(ctx, "error: unknown user-defined format specifier \"" + String.join(",", format) + "\"\n");
        UserDatabase db = UserDatabase.load(ctx);
        TimeZones tz = TimeZones.of(ctx.getenv("TZ"));
        long now = ctx.clock().millis();
        List<ProcessInfo> procs = select(ctx, all || bsdAll && bsdX, bsdAll, bsdX, pids);
        StringBuilder out = new StringBuilder();
        if (headers && columns.stream().anyMatch(c -> !c.header.isEmpty())) {
            out.append(line(columns, c -> c.header)).append('\n');
        }
        for (ProcessInfo p : procs) {
            Row r = new Row(p, db.userName(p.uid()), now, tz);
            out.append(line(columns, c -> c.value.apply(r))).append('\n');
        }
        Gnu.print(ctx.stdout(), out.toString());
        return procs.isEmpty() ? 1 : 0;
    }

    private static List<ProcessInfo> select(ProcessContext ctx, boolean all, boolean bsdAll, boolean bsdX, List<Integer> pids) {
        List<ProcessInfo> procs = ctx.processes().stream().filter(p -> p.state() != ProcessState.EXITED).toList();
        if (!pids.isEmpty()) return procs.stream().filter(p -> pids.contains(p.pid())).toList();
        if (all) return procs;
        var self = procs.stream().filter(p -> p.pid() == ctx.pid()).findFirst();
        var myTty = self.flatMap(ProcessInfo::tty);
        int uid = ctx.credentials().uid();
        return procs.stream().filter(p -> {
            if (bsdAll) return p.tty().isPresent();
            if (bsdX) return p.uid() == uid;
            return p.uid() == uid && p.tty().equals(myTty);
        }).toList();
    }

    private static boolean addPids(List<Integer> pids, String list) {
        for (String s : list.split("[, ]")) {
            if (s.isEmpty()) continue;
            try {
                pids.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static List<Column> columns(List<String> format, boolean full, boolean bsdUser) {
        List<String> spec = new ArrayList<>();
        if (!format.isEmpty()) {
            List<Column> cols = new ArrayList<>();
            for (String f : format) {
                for (String item : f.split(",")) {
                    for (String word : item.contains("=") ? List.of(item) : List.of(item.split("\\s+"))) {
                        if (word.isEmpty()) continue;
                        int e = word.indexOf('=');
                        String key = (e < 0 ? word : word.substring(0, e)).toLowerCase(Locale.ROOT);
                        Column c = COLUMNS.get(key);
                        if (c == null) return null;
                        if (e >= 0) {
                            String h = word.substring(e + 1);
                            c = h.isEmpty() ? new Column("", c.width, c.left, c.value) : c.withHeader(h);
                        }
                        cols.add(c);
                    }
                }
            }
            return cols;
        }
        if (bsdUser) spec.addAll(List.of("user", "pid", "%cpu", "%mem", "vsz", "rss", "tname", "stat", "start", "bsdtime", "args"));
        else if (full) spec.addAll(List.of("user:UID", "pid", "ppid", "c", "stime", "tname", "time", "cmd"));
        else spec.addAll(List.of("pid", "tname", "time", "ucmd"));
        List<Column> cols = new ArrayList<>();
        for (String s : spec) {
            String[] kv = s.split(":");
            Column c = COLUMNS.get(kv[0]);
            cols.add(kv.length > 1 ? new Column(kv[1], c.width, c.left, c.value) : c);
        }
        return cols;
    }

    private static String line(List<Column> cols, Function<Column, String> text) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cols.size(); k++) {
            Column c = cols.get(k);
            boolean last = k == cols.size() - 1;
            String v = text.apply(c);
            if (!last && c.left && v.length() > c.width && (c.value == COLUMNS.get("args").value
                    || c.width >= 15)) v = v.substring(0, c.width);
            if (k > 0) sb.append(' ');
            if (last && c.left) sb.append(v);
            else sb.append(c.left ? pad(v, c.width, true) : pad(v, c.width, false));
        }
        return sb.toString();
    }

    private static String pad(String v, int w, boolean left) {
        if (v.length() >= w) return v;
        return left ? v + " ".repeat(w - v.length()) : " ".repeat(w - v.length()) + v;
    }

    private static String comm(ProcessInfo p) {
        String c = p.command();
        if (c.length() > 15) c = c.substring(0, 15);
        return p.state() == ProcessState.ZOMBIE ? c + " <defunct>" : c;
    }

    private static String args(ProcessInfo p) {
        if (p.state() == ProcessState.ZOMBIE) return "[" + p.command() + "] <defunct>";
        return p.argv().isEmpty() ? "[" + p.command() + "]" : String.join(" ", p.argv());
    }

    private static String tty(ProcessInfo p) {
        return p.tty().map(t -> t.startsWith("/dev/") ? t.substring(5) : t).orElse("?");
    }

    private static String stat(ProcessInfo p) {
        StringBuilder sb = new StringBuilder().append(p.state().letter());
        if (p.pid() == p.sid()) sb.append('s');
        return sb.toString();
    }

    private static String start(Row r) {
        ZonedDateTime s = Instant.ofEpochMilli(r.p.startTimeMillis()).atZone(r.tz.zone());
        ZonedDateTime now = Instant.ofEpochMilli(r.nowMillis).atZone(r.tz.zone());
        if (r.nowMillis - r.p.startTimeMillis() < 24 * 3600_000L) return Strftime.format("%H:%M", s, "");
        if (s.getYear() == now.getYear()) return Strftime.format("%b%d", s, "");
        return Strftime.format("%Y", s, "");
    }

    static String elapsed(long secs) {
        long d = secs / 86400, h = secs / 3600 % 24, m = secs / 60 % 60, s = secs % 60;
        if (d > 0) return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", d, h, m, s);
        if (h > 0) return String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        return String.format(Locale.ROOT, "%02d:%02d", m, s);
    }

    private static int error(ProcessContext ctx, String message) {
        Gnu.print(ctx.stderr(), message + USAGE_TAIL);
        return 1;
    }

    /** procps' TIME: cumulative CPU time as [DD-]HH:MM:SS. */
    static String cpuTime(long seconds) {
        long d = seconds / 86400, h = seconds / 3600 % 24, m = seconds / 60 % 60, s = seconds % 60;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        return d > 0 ? d + "-" + hms : hms;
    }

    private static String bsdTime(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** procps' %CPU: CPU time over elapsed time, in tenths of a percent. */
    private static String percentCpu(Row r) {
        long elapsedMillis = r.nowMillis - r.p.startTimeMillis();
        if (elapsedMillis <= 0) return "0.0";
        long tenths = r.p.cpuTimeNanos() / 1000 / elapsedMillis;
        return (tenths / 10) + "." + (tenths % 10);
    }
}
