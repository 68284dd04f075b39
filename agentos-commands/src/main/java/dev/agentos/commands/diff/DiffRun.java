package dev.agentos.commands.diff;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/** One diff invocation: compares files or directory trees and writes the report. */
final class DiffRun {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn xx");
    /** ctime's format, which context headers use in the C locale. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.US);

    private final ProcessContext ctx;
    private final DiffSettings s;
    private final OutputStream out;
    private final ZoneId zone;
    private final boolean cTime;
    private byte[] stdinBytes;

    DiffRun(ProcessContext ctx, DiffSettings settings) {
        this.ctx = ctx;
        this.s = settings;
        this.out = new java.io.BufferedOutputStream(ctx.stdout(), 65536);
        ZoneId z = ZoneOffset.UTC;
        try {
            String tz = ctx.getenv("TZ").orElse("UTC");
            z = ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
        } catch (RuntimeException e) {
            // an unknown zone name: glibc falls back to UTC as well
        }
        this.zone = z;
        this.cTime = Locale.isC(ctx, "LC_TIME");
    }

    /** A file operand: its path, stat (null when absent and allowed by -N, or for stdin). */
    private record Side(String name, FileStat stat, boolean absent) {
        boolean isDir() { return stat != null && stat.isDirectory(); }
    }

    int top(String a, String b) throws IOException {
        try {
            return compareOperands(a, b);
        } finally {
            flush();
        }
    }

    private int compareOperands(String a, String b) throws IOException {
        Side sa, sb;
        try {
            sa = side(a, s.newFile());
            sb = side(b, s.newFile());
        } catch (AgentOsException e) {
            return trouble(e);
        }
        if (sa.absent() && sb.absent()) {
            error(a + ": " + Errno.ENOENT.strerror());
            error(b + ": " + Errno.ENOENT.strerror());
            return 2;
        }
        if (sa.isDir() && !sb.isDir() && !b.equals("-")) {
            return fileVsFile(new Side(join(a, baseName(b)), null, false), sb, true);
        }
        if (sb.isDir() && !sa.isDir() && !a.equals("-")) {
            return fileVsFile(sa, new Side(join(b, baseName(a)), null, false), true);
        }
        if ((sa.isDir() && b.equals("-")) || (sb.isDir() && a.equals("-"))) {
            error("cannot compare '-' to a directory");
            return 2;
        }
        if (sa.isDir() && sb.isDir()) return dirs(a, b);
        return fileVsFile(sa, sb, true);
    }

    private Side side(String name, boolean mayBeAbsent) {
        if (name.equals("-")) return new Side(name, null, false);
        try {
            return new Side(name, ctx.stat(name), false);
        } catch (AgentOsException e) {
            if (mayBeAbsent && e.is(Errno.ENOENT)) return new Side(name, null, true);
            throw e;
        }
    }

    private int trouble(AgentOsException e) {
        error(e.path().orElse("?") + ": " + VmFile.reason(e));
        return 2;
    }

    private void error(String message) {
        flush();
        Gnu.print(ctx.stderr(), "diff: " + message + "\n");
    }

    private int dirs(String a, String b) throws IOException {
        try {
            FileStat x = ctx.stat(a), y = ctx.stat(b);
            if (x.dev() == y.dev() && x.ino() == y.ino()) return 0;
        } catch (AgentOsException e) {
            // reported below
        }
        TreeSet<String> names = new TreeSet<>();
        List<DirEntry> ea, eb;
        try {
            ea = ctx.readdir(a);
        } catch (AgentOsException e) {
            error(a + ": " + VmFile.reason(e));
            return 2;
        }
        try {
            eb = ctx.readdir(b);
        } catch (AgentOsException e) {
            error(b + ": " + VmFile.reason(e));
            return 2;
        }
        TreeSet<String> inA = new TreeSet<>(), inB = new TreeSet<>();
        for (DirEntry e : ea) if (!e.name().equals(".") && !e.name().equals("..")) inA.add(e.name());
        for (DirEntry e : eb) if (!e.name().equals(".") && !e.name().equals("..")) inB.add(e.name());
        names.addAll(inA);
        names.addAll(inB);
        int status = 0;
        for (String n : names) {
            String pa = join(a, n), pb = join(b, n);
            int st;
            if (!inB.contains(n) || !inA.contains(n)) {
                String dir = inA.contains(n) ? a : b;
                String path = inA.contains(n) ? pa : pb;
                boolean isDir;
                try {
                    isDir = ctx.stat(path).isDirectory();
                } catch (AgentOsException e) {
                    isDir = false;
                }
                if (s.newFile() && !isDir) {
                    st = fileVsFile(inA.contains(n) ? new Side(pa, ctx.stat(pa), false) : new Side(pa, null, true),
                            inB.contains(n) ? new Side(pb, ctx.stat(pb), false) : new Side(pb, null, true), false);
                } else if (s.newFile() && s.recursive()) {
                    st = inA.contains(n) ? dirVsAbsent(pa, pb, true) : dirVsAbsent(pb, pa, false);
                } else if (s.newFile()) {
                    print("Common subdirectories: " + pa + " and " + pb + "\n");
                    st = 0;
                } else {
                    print("Only in " + dir + ": " + n + "\n");
                    st = 1;
                }
            } else {
                Side sa, sb;
                try {
                    sa = side(pa, false);
                    sb = side(pb, false);
                } catch (AgentOsException e) {
                    status = Math.max(status, trouble(e));
                    continue;
                }
                if (sa.isDir() && sb.isDir()) {
                    if (s.recursive()) st = dirs(pa, pb);
                    else {
                        print("Common subdirectories: " + pa + " and " + pb + "\n");
                        st = 0;
                    }
                } else if (sa.isDir() != sb.isDir()) {
                    print("File " + pa + " is a " + kind(sa) + " while file " + pb + " is a " + kind(sb) + "\n");
                    st = 1;
                } else {
                    st = fileVsFile(sa, sb, false);
                }
            }
            status = Math.max(status, st);
        }
        return status;
    }

    /** -r -N: a directory on one side only compares each file in it with an absent one. */
    private int dirVsAbsent(String present, String absent, boolean presentIsA) throws IOException {
        int status = 0;
        TreeSet<String> names = new TreeSet<>();
        for (DirEntry e : ctx.readdir(present)) if (!e.name().equals(".") && !e.name().equals("..")) names.add(e.name());
        for (String n : names) {
            String p = join(present, n), q = join(absent, n);
            FileStat st = ctx.stat(p);
            int r;
            if (st.isDirectory()) r = dirVsAbsent(p, q, presentIsA);
            else if (presentIsA) r = fileVsFile(new Side(p, st, false), new Side(q, null, true), false);
            else r = fileVsFile(new Side(q, null, true), new Side(p, st, false), false);
            status = Math.max(status, r);
        }
        return status;
    }

    private static String kind(Side side) {
        if (side.isDir()) return "directory";
        if (side.stat() == null) return "fifo";
        if (side.stat().isRegular()) return side.stat().size() == 0 ? "regular empty file" : "regular file";
        return switch (side.stat().type()) {
            case SYMLINK -> "symbolic link";
            case FIFO -> "fifo";
            case CHAR_DEVICE -> "character special file";
            case SOCKET -> "socket";
            default -> "file";
        };
    }

    private int fileVsFile(Side a, Side b, boolean topLevel) throws IOException {
        byte[] da, db;
        FileStat sa = a.stat(), sb = b.stat();
        try {
            if (sa == null && !a.absent() && !a.name().equals("-")) sa = ctx.stat(a.name());
            if (sb == null && !b.absent() && !b.name().equals("-")) sb = ctx.stat(b.name());
            if (sa != null && sb != null && sa.dev() == sb.dev() && sa.ino() == sb.ino()) {
                if (s.reportIdentical()) print("Files " + a.name() + " and " + b.name() + " are identical\n");
                return 0;
            }
            da = a.absent() ? new byte[0] : readSide(a.name());
            db = b.absent() ? new byte[0] : readSide(b.name());
        } catch (AgentOsException e) {
            if (s.newFile() && e.is(Errno.ENOENT) && topLevel) {
                return fileVsFile(absentIfMissing(a), absentIfMissing(b), false);
            }
            return trouble(e);
        }
        boolean binary = !s.text() && (hasNul(da) || hasNul(db));
        boolean ignoring = s.ignoreCase() || s.whitespace() != Whitespace.NONE || s.ignoreBlankLines();
        if (binary || (s.brief() && !ignoring)) {
            if (java.util.Arrays.equals(da, db)) return identical(a, b);
            print((s.brief() ? "Files " : "Binary files ") + a.name() + " and " + b.name() + " differ\n");
            return 1;
        }
        TextFile ta = new TextFile(da), tb = new TextFile(db);
        List<Change> script = EditScript.compute(ta, tb, s.ignoreCase(), s.whitespace(), s.context(), s.minimal(), ctx::checkSignals);
        if (!HunkPrinter.anyReal(script, ta, tb, s.ignoreBlankLines(), s.whitespace())) return identical(a, b);
        if (s.brief()) {
            print("Files " + a.name() + " and " + b.name() + " differ\n");
            return 1;
        }
        if (!topLevel) print("diff" + s.switches() + " " + a.name() + " " + b.name() + "\n");
        if (s.style() != HunkPrinter.Style.NORMAL) {
            boolean ctxStyle = s.style() == HunkPrinter.Style.CONTEXT;
            header(ctxStyle ? "*** " : "--- ", a, sa, 0);
            header(ctxStyle ? "--- " : "+++ ", b, sb, 1);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new HunkPrinter(ta, tb, s.style(), s.context(), s.ignoreBlankLines(), s.whitespace(), body).print(script);
        body.writeTo(out);
        return 1;
    }

    private Side absentIfMissing(Side side) {
        if (side.name().equals("-")) return side;
        try {
            return new Side(side.name(), ctx.stat(side.name()), false);
        } catch (AgentOsException e) {
            if (e.is(Errno.ENOENT)) return new Side(side.name(), null, true);
            throw e;
        }
    }

    private int identical(Side a, Side b) {
        if (s.reportIdentical()) print("Files " + a.name() + " and " + b.name() + " are identical\n");
        return 0;
    }

    private byte[] readSide(String name) throws IOException {
        if (name.equals("-")) {
            if (stdinBytes == null) stdinBytes = VmFile.read(ctx, "-");
            return stdinBytes;
        }
        return VmFile.read(ctx, name);
    }

    private void header(String mark, Side side, FileStat st, int index) {
        if (s.labels().size() > index) {
            print(mark + s.labels().get(index) + "\n");
            return;
        }
        long nanos = side.absent() ? 0 : st == null ? nowNanos() : st.mtimeNanos();
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        DateTimeFormatter f = s.style() == HunkPrinter.Style.CONTEXT && cTime ? CTIME : TIME;
        print(mark + side.name() + "\t" + f.format(t.atZone(zone)) + "\n");
    }

    private long nowNanos() {
        Instant now = ctx.clock().instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) if (x == 0) return true;
        return false;
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int i = p.lastIndexOf('/');
        return i < 0 ? p : p.substring(i + 1);
    }

    private void print(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
