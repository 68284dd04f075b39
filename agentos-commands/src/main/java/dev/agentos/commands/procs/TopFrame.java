package dev.agentos.commands.procs;

import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.ProcessState;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One screen of top in procps' layout: summary lines then the task table. CPU percentages come from
 * the kernel's runnable time (ProcessInfo.cpuTimeNanos): between two frames, the growth of each
 * process's time over the wall time between them; in the first frame, over each process's lifetime.
 * VIRT, RES, SHR and %MEM are 0: guest processes share one JVM heap and the VM cannot attribute
 * memory to them.
 */
final class TopFrame {
    /** The previous frame's CPU times, by pid, and when they were taken. */
    record Sample(Map<Integer, Long> cpuByPid, long nanos) {
        static Sample of(List<ProcessInfo> procs, long nanos) {
            Map<Integer, Long> m = new HashMap<>();
            for (ProcessInfo p : procs) m.put(p.pid(), p.cpuTimeNanos());
            return new Sample(m, nanos);
        }
    }

    /** Everything a frame shows. */
    record Input(ZonedDateTime now, double uptimeSeconds, String[] load, List<ProcessInfo> procs, Users users,
                 MemInfo mem, int cpus, long nowMillis, long nowNanos, Sample previous) {}

    /** A sort field (-o): its column name and order. */
    record Field(String name, Comparator<Row> order) {}

    record Row(ProcessInfo p, String user, double cpu) {}

    static final Map<String, Field> FIELDS = Map.of(
            "PID", new Field("PID", Comparator.comparingInt((Row r) -> r.p.pid()).reversed()),
            "USER", new Field("USER", Comparator.comparing((Row r) -> r.user)),
            "NI", new Field("NI", Comparator.comparingInt((Row r) -> r.p.nice()).reversed()),
            "%CPU", new Field("%CPU", Comparator.comparingDouble((Row r) -> r.cpu).reversed()),
            "TIME+", new Field("TIME+", Comparator.comparingLong((Row r) -> r.p.cpuTimeNanos()).reversed()),
            "TIME", new Field("TIME", Comparator.comparingLong((Row r) -> r.p.cpuTimeNanos()).reversed()),
            "COMMAND", new Field("COMMAND", Comparator.comparing((Row r) -> r.p.command())),
            "S", new Field("S", Comparator.comparing((Row r) -> String.valueOf(r.p.state().letter()))));

    private TopFrame() {}

    /** The frame's lines, at most {@code maxRows} of the table (all when negative). */
    static List<String> render(Input in, Field sort, Function<ProcessInfo, Boolean> shown, int maxRows, int width) {
        List<ProcessInfo> procs = in.procs().stream().filter(p -> p.state() != ProcessState.EXITED).toList();
        List<String> lines = new ArrayList<>();
        lines.add("top - " + String.format(Locale.ROOT, "%02d:%02d:%02d", in.now().getHour(), in.now().getMinute(), in.now().getSecond())
                + " up " + uptime(in.uptimeSeconds()) + ",  0 user,  load average: " + in.load()[0] + ", " + in.load()[1] + ", " + in.load()[2]);
        int running = 0, sleeping = 0, stopped = 0, zombie = 0;
        for (ProcessInfo p : procs) {
            switch (p.state()) {
                case RUNNING -> running++;
                case STOPPED -> stopped++;
                case ZOMBIE -> zombie++;
                default -> sleeping++;
            }
        }
        lines.add(String.format(Locale.ROOT, "Tasks:%4d total,%4d running,%4d sleeping,%4d stopped,%4d zombie",
                procs.size(), running, sleeping, stopped, zombie));
        List<Row> rows = new ArrayList<>();
        double busyUser = 0, busyNice = 0;
        // /proc/uptime has hundredths: a VM younger than that still gets a non-zero window
        double window = Math.max(1e7, in.previous() == null ? in.uptimeSeconds() * 1e9 : in.nowNanos() - in.previous().nanos());
        for (ProcessInfo p : procs) {
            double cpu;
            long grown;
            if (in.previous() == null) {
                long life = Math.max(1, in.nowMillis() - p.startTimeMillis()) * 1_000_000L;
                cpu = Math.min(100.0, p.cpuTimeNanos() * 100.0 / life);
                grown = p.cpuTimeNanos();
            } else {
                grown = p.cpuTimeNanos() - in.previous().cpuByPid().getOrDefault(p.pid(), 0L);
                cpu = Math.min(100.0, Math.max(0, grown) * 100.0 / window);
            }
            if (p.nice() > 0) busyNice += Math.max(0, grown); else busyUser += Math.max(0, grown);
            rows.add(new Row(p, in.users().name(p.uid()), cpu));
        }
        double capacity = window * Math.max(1, in.cpus());
        double us = Math.min(100, busyUser * 100 / capacity), ni = Math.min(100 - us, busyNice * 100 / capacity);
        lines.add(String.format(Locale.ROOT, "%%Cpu(s):%5.1f us,%5.1f sy,%5.1f ni,%5.1f id,%5.1f wa,%5.1f hi,%5.1f si,%5.1f st ",
                us, 0.0, ni, Math.max(0, 100 - us - ni), 0.0, 0.0, 0.0, 0.0));
        MemInfo m = in.mem();
        lines.add(String.format(Locale.ROOT, "MiB Mem : %8.1f total, %8.1f free, %8.1f used, %8.1f buff/cache     ",
                m.total() / 1024.0, m.free() / 1024.0, m.used() / 1024.0, (m.buffers() + m.cache()) / 1024.0));
        lines.add(String.format(Locale.ROOT, "MiB Swap: %8.1f total, %8.1f free, %8.1f used. %8.1f avail Mem ",
                m.swapTotal() / 1024.0, m.swapFree() / 1024.0, m.swapUsed() / 1024.0, m.available() / 1024.0));
        lines.add("");
        lines.add("  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");
        rows.sort(sort.order().thenComparingInt(r -> r.p.pid()));
        int n = 0;
        for (Row r : rows) {
            if (!shown.apply(r.p)) continue;
            if (maxRows >= 0 && n++ >= maxRows) break;
            String user = r.user.length() > 8 ? r.user.substring(0, 7) + "+" : r.user;
            String line = String.format(Locale.ROOT, "%5d %-8s %3s %3d %7d %6d %6d %c %5.1f %5.1f %9s %s", r.p.pid(), user,
                    Integer.toString(20 + r.p.nice()), r.p.nice(), 0, 0, 0, r.p.state().letter(), r.cpu, 0.0,
                    timePlus(r.p.cpuTimeNanos()), r.p.command());
            lines.add(width > 0 && line.length() > width ? line.substring(0, width) : line);
        }
        return lines;
    }

    /** procps' uptime: [D day(s), ]H:MM or M min. */
    static String uptime(double seconds) {
        long secs = (long) seconds;
        long days = secs / 86400, hours = secs / 3600 % 24, mins = secs / 60 % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) sb.append(days).append(days > 1 ? " days, " : " day, ");
        if (hours > 0) sb.append(String.format(Locale.ROOT, "%2d:%02d", hours, mins));
        else sb.append(mins).append(" min");
        return sb.toString();
    }

    /** TIME+: minutes:seconds.hundredths. */
    static String timePlus(long nanos) {
        long hundredths = nanos / 10_000_000;
        return String.format(Locale.ROOT, "%d:%02d.%02d", hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
    }
}
