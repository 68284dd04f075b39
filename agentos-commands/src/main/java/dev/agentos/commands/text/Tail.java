package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.vfs.FileStat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * tail: the last (or from the Nth on) lines or bytes of files; with -f/-F it keeps polling the
 * files' sizes (ctx.sleep between checks) and prints what is appended, until --pid's process dies.
 */
final class Tail extends TextCommand {
    @Override String name() { return "tail"; }

    @Override Getopt options() {
        return Getopt.create().withArg('c', "bytes", "c").withArg('n', "lines", "n")
                .optionalArg((char) 0, "follow", "follow").flag('f', null, "f").flag('F', null, "F")
                .withArg((char) 0, "max-unchanged-stats", "max").withArg((char) 0, "pid", "pid")
                .flag('q', "quiet", "q").flag('q', "silent", "q").flag((char) 0, "retry", "retry")
                .withArg('s', "sleep-interval", "s").flag('v', "verbose", "v").flag('z', "zero-terminated", "z");
    }

    /** {@code tail -5}, {@code tail +5}, {@code tail -3cf}: one option and at most one file. */
    @Override List<String> normalize(List<String> args) throws BadUsage {
        int n = args.size();
        if (!(n == 1 || (n == 2 && !(args.get(1).startsWith("-") && args.get(1).length() > 1))
                || (n >= 2 && n <= 3 && args.get(1).equals("--")))) return args;
        String a = args.get(0);
        if (a.isEmpty()) return args;
        boolean fromStart;
        if (a.charAt(0) == '+') fromStart = true;
        else if (a.charAt(0) == '-') {
            if (a.length() == 1 || (a.charAt(1) == 'c' && a.length() == 2)) return args;
            fromStart = false;
        } else return args;
        int p = 1;
        while (p < a.length() && Character.isDigit(a.charAt(p))) p++;
        String digits = a.substring(1, p);
        long mult = 1;
        boolean lines = true;
        if (p < a.length()) {
            switch (a.charAt(p)) {
                case 'b' -> { mult = 512; lines = false; p++; }
                case 'c' -> { lines = false; p++; }
                case 'l' -> p++;
                default -> { }
            }
        }
        boolean forever = false;
        if (p < a.length() && a.charAt(p) == 'f') { forever = true; p++; }
        if (p < a.length()) return args;
        long count;
        if (digits.isEmpty()) count = 10 * mult;
        else {
            try {
                count = Math.multiplyExact(Long.parseLong(digits), mult);
            } catch (ArithmeticException | NumberFormatException e) {
                count = Long.MAX_VALUE;
            }
        }
        List<String> out = new ArrayList<>();
        out.add((lines ? "-n" : "-c") + (fromStart ? "+" : "") + count);
        if (forever) out.add("-f");
        out.addAll(args.subList(1, n));
        return out;
    }

    /** What to print of each file: units from the start (+N) or from the end. */
    private record Spec(boolean lines, boolean fromStart, long count, byte delim) {}

    /** A followed file. */
    private static final class Followed {
        final String name;
        int fd = -1;
        long offset;
        long ino = -1;
        boolean missing;

        Followed(String name) { this.name = name; }
    }

    @Override int execute(Run r) {
        boolean lines = true, fromStart = false;
        long count = 10;
        for (Getopt.Option o : r.parsed.options()) {
            if (!o.key().equals("c") && !o.key().equals("n")) continue;
            lines = o.key().equals("n");
            String v = o.value().orElse("");
            fromStart = v.startsWith("+");
            String num = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
            count = Head.count(r, lines, num);
        }
        if (fromStart && count == 0) count = 1;
        boolean quiet = false, verbose = false;
        boolean follow = false, byName = false, retry = r.has("retry");
        for (Getopt.Option o : r.parsed.options()) {
            switch (o.key()) {
                case "q" -> { quiet = true; verbose = false; }
                case "v" -> { verbose = true; quiet = false; }
                case "f" -> follow = true;
                case "F" -> { follow = true; byName = true; retry = true; }
                case "follow" -> {
                    follow = true;
                    String how = o.value().orElse("descriptor");
                    byName = TextIo.argmatch(r, "--follow", how, new String[] {"descriptor", "name"}, "  - 'descriptor'\n  - 'name'") == 1;
                }
                default -> { }
            }
        }
        double interval = 1.0;
        if (r.last("s").isPresent()) {
            String s = r.last("s").get();
            try {
                interval = Double.parseDouble(s);
                if (interval < 0 || Double.isNaN(interval) || s.endsWith("d") || s.endsWith("f")) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid number of seconds: " + TextIo.quote(s));
            }
        }
        int pid = 0;
        if (r.last("pid").isPresent()) {
            String s = r.last("pid").get();
            try {
                pid = Integer.parseInt(s);
                if (pid < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid PID: " + TextIo.quote(s));
            }
        }
        if (retry && !follow) r.error("warning: --retry ignored; --retry is useful only when following");
        if (pid != 0 && !follow) r.error("warning: PID ignored; --pid=PID is useful only when following");
        Spec spec = new Spec(lines, fromStart, count, r.has("z") ? (byte) 0 : (byte) '\n');
        List<String> files = r.files();
        boolean headers = verbose || (!quiet && files.size() > 1);
        int status = 0;
        List<Followed> followed = new ArrayList<>();
        String lastHeader = null;
        boolean first = true;
        for (String f : files) {
            Followed fl = new Followed(f);
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error("cannot open " + TextIo.quote(f) + " for reading: " + TextIo.reason(e));
                status = 1;
                fl.missing = true;
                if (follow && byName && retry) followed.add(fl);
                continue;
            }
            if (headers) r.print((first ? "" : "\n") + "==> " + TextIo.displayName(f) + " <==\n");
            first = false;
            lastHeader = f;
            try {
                fl.offset = print(r, fd, spec);
                fl.fd = fd;
                FileStat st = r.ctx.fstat(fd);
                fl.ino = st.ino();
                boolean pipe = !st.isRegular() && f.equals("-");
                if (follow && !pipe && st.isRegular()) followed.add(fl);
                else TextIo.close(r.ctx, fd);
            } catch (AgentOsException e) {
                r.error("error reading " + TextIo.quote(f) + ": " + TextIo.reason(e));
                status = 1;
                TextIo.close(r.ctx, fd);
            }
        }
        if (!follow || followed.isEmpty()) {
            if (follow && byName && retry && !files.isEmpty()) {
                r.error("no files remaining");
            }
            return status;
        }
        r.flush();
        followLoop(r, followed, headers, lastHeader, byName, interval, pid);
        return status;
    }

    private void followLoop(Run r, List<Followed> files, boolean headers, String lastHeader, boolean byName, double interval, int pid) {
        Duration nap = Duration.ofNanos((long) (interval * 1e9));
        byte[] buf = new byte[TextIo.BLOCK];
        boolean writerGone = false;
        while (true) {
            boolean any = false;
            for (Followed f : files) {
                if (byName) reopenIfReplaced(r, f);
                if (f.fd < 0) continue;
                long size;
                try {
                    size = r.ctx.fstat(f.fd).size();
                } catch (AgentOsException e) {
                    continue;
                }
                if (size < f.offset) {
                    r.error(f.name + ": file truncated");
                    f.offset = 0;
                }
                if (size > f.offset) {
                    if (headers && !f.name.equals(lastHeader)) {
                        r.print("\n==> " + TextIo.displayName(f.name) + " <==\n");
                        lastHeader = f.name;
                    }
                    while (f.offset < size) {
                        int n = r.ctx.pread(f.fd, f.offset, buf, 0, (int) Math.min(buf.length, size - f.offset));
                        if (n <= 0) break;
                        r.write(buf, 0, n);
                        f.offset += n;
                    }
                    any = true;
                }
            }
            r.flush();
            if (writerGone) return;
            if (pid != 0 && !alive(r, pid)) {
                writerGone = true; // one last look for what it wrote before dying
                continue;
            }
            if (!any) r.ctx.sleep(nap);
        }
    }

    private static boolean alive(Run r, int pid) {
        for (ProcessInfo p : r.ctx.processes()) {
            if (p.pid() == pid) return p.exitStatus().isEmpty();
        }
        return false;
    }

    private static void reopenIfReplaced(Run r, Followed f) {
        FileStat st;
        try {
            st = r.ctx.stat(f.name);
        } catch (AgentOsException e) {
            if (!f.missing) {
                r.error(TextIo.quote(f.name) + " has become inaccessible: " + TextIo.reason(e));
                f.missing = true;
                if (f.fd >= 0) r.ctx.close(f.fd);
                f.fd = -1;
            }
            return;
        }
        if (f.fd >= 0 && st.ino() == f.ino) return;
        boolean appeared = f.missing || f.fd < 0;
        try {
            int fd = r.ctx.open(f.name, 0, 0);
            if (f.fd >= 0) r.ctx.close(f.fd);
            f.fd = fd;
            f.ino = st.ino();
            f.offset = 0;
            f.missing = false;
            r.error(TextIo.quote(f.name) + (appeared ? " has appeared;  following new file" : " has been replaced;  following new file"));
        } catch (AgentOsException e) {
            f.missing = true;
        }
    }

    /** Prints the tail of fd per spec; returns the offset reached (the file's end). */
    private static long print(Run r, int fd, Spec spec) {
        FileStat st = r.ctx.fstat(fd);
        if (st.isRegular() && !spec.fromStart) {
            long pos = r.ctx.seek(fd, 0, 1);
            long size = st.size();
            long start = spec.lines ? startOfLastLines(r, fd, pos, size, spec) : Math.max(pos, size - spec.count);
            copyRange(r, fd, start, size);
            r.ctx.seek(fd, size, 0);
            return size;
        }
        if (spec.fromStart) {
            byte[] buf = new byte[TextIo.BLOCK];
            long skip = spec.count - 1;
            long total = 0;
            int n;
            while ((n = r.ctx.read(fd, buf, 0, buf.length)) > 0) {
                int from = 0;
                if (skip > 0) {
                    if (spec.lines) {
                        while (from < n && skip > 0) {
                            if (buf[from++] == spec.delim) skip--;
                        }
                    } else {
                        int k = (int) Math.min(skip, n);
                        from = k;
                        skip -= k;
                    }
                }
                r.write(buf, from, n - from);
                total += n;
            }
            return total;
        }
        byte[] all = TextIo.readAll(r.ctx, fd);
        int start;
        if (spec.lines) {
            start = lastLinesStart(all, 0, all.length, spec.count, spec.delim);
        } else {
            start = (int) Math.max(0, all.length - Math.min(spec.count, all.length));
        }
        r.write(all, start, all.length - start);
        return all.length;
    }

    /** Where the last count lines of b[from..to) begin. */
    static int lastLinesStart(byte[] b, int from, int to, long count, byte delim) {
        if (count == 0) return to;
        int i = to - 1;
        if (i >= from && b[i] == delim) i--;
        long seen = 0;
        for (; i >= from; i--) {
            if (b[i] == delim && ++seen == count) return i + 1;
        }
        return from;
    }

    private static long startOfLastLines(Run r, int fd, long pos, long size, Spec spec) {
        if (spec.count == 0) return size;
        byte[] buf = new byte[TextIo.BLOCK];
        long end = size;
        long seen = 0;
        boolean skipLast = true;
        while (end > pos) {
            int len = (int) Math.min(buf.length, end - pos);
            long at = end - len;
            int n = r.ctx.pread(fd, at, buf, 0, len);
            if (n < len) return pos;
            for (int i = len - 1; i >= 0; i--) {
                if (skipLast) {
                    skipLast = false;
                    if (buf[i] == spec.delim) continue;
                }
                if (buf[i] == spec.delim && ++seen == spec.count) return at + i + 1;
            }
            end = at;
        }
        return pos;
    }

    private static void copyRange(Run r, int fd, long from, long to) {
        byte[] buf = new byte[TextIo.BLOCK];
        while (from < to) {
            int n = r.ctx.pread(fd, from, buf, 0, (int) Math.min(buf.length, to - from));
            if (n <= 0) break;
            r.write(buf, 0, n);
            from += n;
        }
    }

    static boolean isEnoent(AgentOsException e) { return e.is(Errno.ENOENT); }
}
