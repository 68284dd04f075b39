package dev.agentos.commands.search.sed;

import dev.agentos.AgentOsException;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.commands.search.LineSource;
import dev.agentos.commands.search.regex.ByteChars;
import dev.agentos.commands.search.regex.PosixRegex;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/** Runs a {@link Script} over input: sed's cycle, addresses, hold space and append queue. */
final class Runner {
    /** Ends the whole run (q, Q, or an error) with a status. */
    static final class Quit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Quit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private final CommandIo io;
    private final ProcessContext ctx;
    private final Script.Command[] cmds;
    private final boolean quiet;
    private final byte eol;
    private final int lineWrap;
    private final boolean posix;
    private final Space ps = new Space();
    private Space hs = new Space();
    private Space tmp = new Space();
    private final ByteChars psChars = new ByteChars(new byte[0], 0, 0);
    private final Map<String, Sink> wfiles = new HashMap<>();
    private final Map<String, LineSource> rfiles = new HashMap<>();
    private final List<Object> appendQueue = new ArrayList<>();
    private Sink out;
    private final Sink stdout;
    private Script.Regex lastRegex;
    private long lineNo;
    private boolean tFlag;
    int status;

    // input
    private List<String> files;
    private int fileIx;
    private LineSource src;
    private InputStream srcStream;
    private String srcName = "-";
    private boolean prefetched;

    /** An output with GNU's "missing newline" memory. */
    static final class Sink {
        final OutputStream out;
        boolean missingNewline;

        Sink(OutputStream out) {
            this.out = out;
        }

        void write(byte[] b, int off, int n) throws IOException {
            if (missingNewline) {
                out.write('\n');
                missingNewline = false;
            }
            out.write(b, off, n);
        }
    }

    Runner(CommandIo io, Script script, boolean quiet, boolean nullData, int lineWrap, boolean posix) {
        this.io = io;
        this.ctx = io.ctx();
        this.cmds = script.commands.toArray(new Script.Command[0]);
        this.quiet = quiet || script.quietFromComment;
        this.eol = nullData ? 0 : (byte) '\n';
        this.lineWrap = lineWrap;
        this.posix = posix;
        this.stdout = new Sink(io.out());
        this.out = stdout;
        for (Script.Command c : cmds) {
            String w = c.op == 'w' || c.op == 'W' ? c.text : c.subst != null ? c.subst.wfile : null;
            if (w != null && !wfiles.containsKey(w)) wfiles.put(w, openWrite(w));
        }
    }

    private Sink openWrite(String name) {
        if (name.equals("/dev/stdout")) return stdout;
        if (name.equals("/dev/stderr")) return new Sink(new CommandIo.Out(ctx, 2));
        try {
            int fd = ctx.open(name, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
            return new Sink(new CommandIo.Out(ctx, fd));
        } catch (AgentOsException e) {
            io.error("couldn't open file " + name + ": " + CommandIo.reason(e));
            throw new Quit(4);
        }
    }

    void flushAll() throws IOException {
        for (Sink s : wfiles.values()) s.out.flush();
        io.out().flush();
    }

    /** Runs over {@code inputs} as one stream (or one file, for -s and -i); false when q ended the run. */
    boolean run(List<String> inputs, Sink output, boolean resetLineNumbers) throws IOException {
        this.files = inputs;
        this.fileIx = 0;
        this.src = null;
        this.prefetched = false;
        this.out = output;
        if (resetLineNumbers) lineNo = 0;
        try {
            cycles();
            return true;
        } catch (Quit q) {
            closeSource();
            if (q.status >= 0) status = q.status;
            return false;
        }
    }

    private void cycles() throws IOException {
        boolean reuse = false;
        while (true) {
            if (!reuse) {
                if (!readLine(ps)) return;
            }
            if (!reuse) tFlag = false;
            reuse = false;
            int end = execute();
            // end: 0 = end of script (autoprint), 1 = delete (no autoprint), 2 = D restart
            if (end == 0 && !quiet) printSpace(ps, out);
            dumpAppend();
            if (end == 2) reuse = true;
        }
    }

    private boolean readLine(Space into) throws IOException {
        if (!ensureLine()) return false;
        into.set(src.buffer(), src.start(), src.end() - src.start());
        into.chomped = src.terminated();
        prefetched = false;
        lineNo++;
        return true;
    }

    private boolean ensureLine() throws IOException {
        while (true) {
            if (prefetched) return true;
            if (src == null) {
                if (fileIx >= files.size()) return false;
                String f = files.get(fileIx++);
                if (!open(f)) continue;
            }
            if (src.next()) {
                prefetched = true;
                return true;
            }
            closeSource();
        }
    }

    private boolean open(String f) {
        srcName = f;
        if (f.equals("-")) {
            srcStream = io.input(0);
        } else {
            try {
                var st = ctx.stat(f);
                if (st.isDirectory()) {
                    io.error("read error on " + f + ": Is a directory");
                    throw new Quit(4);
                }
                srcStream = io.input(ctx.open(f, OpenFlags.O_RDONLY, 0));
            } catch (AgentOsException e) {
                io.error("can't read " + f + ": " + CommandIo.reason(e));
                status = 2;
                return false;
            }
        }
        src = new LineSource(srcStream, eol);
        return true;
    }

    private void closeSource() {
        if (src != null) {
            try {
                srcStream.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            src = null;
        }
    }

    private boolean isLastLine() throws IOException {
        return !ensureLine();
    }

    private void printSpace(Space s, Sink sink) throws IOException {
        sink.write(s.b, 0, s.len);
        if (s.chomped) sink.out.write(eol); else sink.missingNewline = true;
    }

    private void dumpAppend() throws IOException {
        for (Object o : appendQueue) {
            if (o instanceof byte[] text) {
                out.write(text, 0, text.length);
            } else if (o instanceof String file) {
                try (InputStream in = io.input(ctx.open(file, OpenFlags.O_RDONLY, 0))) {
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
                } catch (AgentOsException ignored) {
                    // GNU ignores unreadable r files
                }
            } else if (o instanceof Space line) {
                printSpace(line, out);
            }
        }
        appendQueue.clear();
    }

    /** Runs the script on the pattern space; returns how the cycle ends. */
    private int execute() throws IOException {
        int pc = 0;
        int n = cmds.length;
        while (pc < n) {
            Script.Command c = cmds[pc];
            if (!selected(c)) {
                pc = c.op == '{' ? c.jump : pc + 1;
                continue;
            }
            pc++;
            switch (c.op) {
                case '{', '}' -> { }
                case '=' -> {
                    byte[] b = (lineNo + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    out.write(b, 0, b.length);
                }
                case 'a' -> appendQueue.add(c.textBytes);
                case 'i' -> out.write(c.textBytes, 0, c.textBytes.length);
                case 'c' -> {
                    if (c.a2 == null || !c.inRange || c.negate) out.write(c.textBytes, 0, c.textBytes.length);
                    return 1;
                }
                case 'd' -> { return 1; }
                case 'D' -> {
                    int nl = ps.indexOf('\n');
                    if (nl < 0) return 1;
                    System.arraycopy(ps.b, nl + 1, ps.b, 0, ps.len - nl - 1);
                    ps.len -= nl + 1;
                    return 2;
                }
                case 'e' -> {
                    if (c.text == null || c.text.isEmpty()) {
                        replaceWithOutput(ps);
                    } else {
                        byte[] b = shellOutput(c.text);
                        out.write(b, 0, b.length);
                    }
                }
                case 'F' -> {
                    byte[] b = CommandIo.bytes(srcName + "\n");
                    out.write(b, 0, b.length);
                }
                case 'g' -> ps.set(hs.b, 0, hs.len);
                case 'G' -> {
                    ps.append('\n');
                    ps.append(hs.b, 0, hs.len);
                }
                case 'h' -> hs.set(ps.b, 0, ps.len);
                case 'H' -> {
                    hs.append('\n');
                    hs.append(ps.b, 0, ps.len);
                }
                case 'x' -> {
                    byte[] b = hs.b;
                    int l = hs.len;
                    hs.b = ps.b;
                    hs.len = ps.len;
                    ps.b = b;
                    ps.len = l;
                }
                case 'l' -> list(c.intArg >= 0 ? c.intArg : lineWrap);
                case 'n' -> {
                    if (isLastLine()) {
                        if (posix) return 1;
                        throw quitWithPrint(-1);
                    }
                    if (!quiet) printSpace(ps, out);
                    dumpAppend();
                    readLine(ps);
                }
                case 'N' -> {
                    if (isLastLine()) {
                        if (posix) return 1;
                        throw quitWithPrint(-1);
                    }
                    dumpAppend();
                    ps.append('\n');
                    int keep = ps.len;
                    readLine(tmp);
                    ps.len = keep;
                    ps.append(tmp.b, 0, tmp.len);
                    ps.chomped = tmp.chomped;
                }
                case 'p' -> printSpace(ps, out);
                case 'P' -> {
                    int nl = ps.indexOf('\n');
                    out.write(ps.b, 0, nl < 0 ? ps.len : nl);
                    out.out.write(eol);
                }
                case 'q' -> throw quitWithPrint(Math.max(c.intArg, 0));
                case 'Q' -> throw new Quit(Math.max(c.intArg, 0));
                case 'r' -> appendQueue.add(c.text);
                case 'R' -> readOneLine(c.text);
                case 's' -> substitute(c.subst);
                case 't' -> {
                    if (tFlag) {
                        tFlag = false;
                        pc = c.jump < 0 ? n : c.jump;
                    }
                }
                case 'T' -> {
                    if (!tFlag) pc = c.jump < 0 ? n : c.jump; else tFlag = false;
                }
                case 'b' -> pc = c.jump < 0 ? n : c.jump;
                case 'w' -> printSpace(ps, wfiles.get(c.text));
                case 'W' -> {
                    Sink w = wfiles.get(c.text);
                    int nl = ps.indexOf('\n');
                    w.write(ps.b, 0, nl < 0 ? ps.len : nl);
                    w.out.write(eol);
                }
                case 'y' -> {
                    byte[] map = c.ymap;
                    for (int k = 0; k < ps.len; k++) ps.b[k] = map[ps.b[k] & 0xff];
                }
                case 'z' -> ps.clear();
                default -> throw new IllegalStateException("sed op " + c.op);
            }
        }
        return 0;
    }

    private Quit quitWithPrint(int code) throws IOException {
        if (!quiet) printSpace(ps, out);
        dumpAppend();
        return new Quit(code);
    }

    private void readOneLine(String file) throws IOException {
        LineSource r = rfiles.get(file);
        if (r == null) {
            try {
                r = new LineSource(io.input(ctx.open(file, OpenFlags.O_RDONLY, 0)), (byte) '\n');
            } catch (AgentOsException e) {
                r = new LineSource(InputStream.nullInputStream(), (byte) '\n');
            }
            rfiles.put(file, r);
        }
        if (r.next()) {
            Space line = new Space();
            line.set(r.buffer(), r.start(), r.end() - r.start());
            line.chomped = r.terminated();
            appendQueue.add(line);
        }
    }

    // ---- addresses ----

    private boolean selected(Script.Command c) throws IOException {
        if (c.a1 == null) return !c.negate;
        boolean m;
        if (c.a2 == null) m = matches(c.a1); else m = inRange(c);
        return m != c.negate;
    }

    private boolean inRange(Script.Command c) throws IOException {
        Script.Address a2 = c.a2;
        if (!c.inRange) {
            if (c.a1.kind() == Script.AddrKind.ZERO) {
                if (c.rangeEnd != 0) return false;
                c.rangeEnd = -3;
                if (matches(a2)) return true;
                c.inRange = true;
                return true;
            }
            if (!matches(c.a1)) return false;
            switch (a2.kind()) {
                case LINE -> {
                    if (lineNo >= a2.n()) return true;
                    c.rangeEnd = a2.n();
                }
                case PLUS -> {
                    if (a2.n() == 0) return true;
                    c.rangeEnd = lineNo + a2.n();
                }
                case TILDE -> {
                    if (a2.n() <= 0 || lineNo % a2.n() == 0) return true;
                    c.rangeEnd = (lineNo / a2.n() + 1) * a2.n();
                }
                default -> c.rangeEnd = -1;
            }
            c.inRange = true;
            return true;
        }
        switch (a2.kind()) {
            case LINE, PLUS, TILDE -> {
                if (lineNo >= c.rangeEnd) {
                    c.inRange = false;
                    return lineNo == c.rangeEnd;
                }
                return true;
            }
            default -> {
                if (matches(a2)) c.inRange = false;
                return true;
            }
        }
    }

    private boolean matches(Script.Address a) throws IOException {
        return switch (a.kind()) {
            case LINE -> lineNo == a.n();
            case LAST -> isLastLine();
            case ZERO -> false;
            case STEP -> a.step() <= 0 ? lineNo == a.n() : lineNo >= a.n() && (lineNo - a.n()) % a.step() == 0;
            case REGEX -> {
                Script.Regex r = regexOrLast(a.regex());
                psChars.set(ps.b, 0, ps.len);
                yield r.matcher(psChars).find();
            }
            case PLUS, TILDE -> false;
        };
    }

    private Script.Regex regexOrLast(Script.Regex r) {
        if (r == null) {
            if (lastRegex == null) {
                io.error("no previous regular expression");
                throw new Quit(1);
            }
            return lastRegex;
        }
        lastRegex = r;
        return r;
    }

    // ---- s ----

    private int caseMode;
    private int oneShot;

    /** GNU's `e` and `s///e`: runs the pattern space as a shell command; its output, less one trailing newline, replaces it. */
    private void replaceWithOutput(Space space) throws IOException {
        byte[] b = shellOutput(new String(space.b, 0, space.len, java.nio.charset.StandardCharsets.ISO_8859_1));
        int n = b.length > 0 && b[b.length - 1] == '\n' ? b.length - 1 : b.length;
        space.set(b, 0, n);
    }

    /** Runs {@code command} with the VM's /bin/sh and returns what it wrote to standard output. */
    private byte[] shellOutput(String command) throws IOException {
        int[] p = ctx.pipe();
        int pid;
        try {
            pid = ctx.spawn(dev.agentos.kernel.proc.SpawnRequest.of("/bin/sh", List.of("-c", command)).withFdActions(List.of(
                    new dev.agentos.kernel.proc.SpawnRequest.FdAction.Dup2(p[1], 1),
                    new dev.agentos.kernel.proc.SpawnRequest.FdAction.Close(p[0]),
                    new dev.agentos.kernel.proc.SpawnRequest.FdAction.Close(p[1]))));
        } finally {
            ctx.close(p[1]);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = ctx.read(p[0], buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
        } finally {
            ctx.close(p[0]);
        }
        ctx.waitpid(pid, dev.agentos.kernel.proc.WaitOptions.BLOCK);
        return bytes.toByteArray();
    }

    private void substitute(Script.Subst sub) throws IOException {
        Script.Regex r = regexOrLast(sub.regex);
        psChars.set(ps.b, 0, ps.len);
        Matcher m = r.matcher(psChars);
        int len = ps.len;
        int pos = 0;
        int copyFrom = 0;
        int prevEnd = -1;
        long count = 0;
        boolean did = false;
        tmp.clear();
        while (pos <= len) {
            m.region(pos, len);
            if (!m.find()) break;
            int st = m.start();
            int en = m.end();
            MatchResult groups = m;
            if (r.longest) {
                int e2 = PosixRegex.longestEnd(r.probe, st, en, len);
                if (e2 != en) {
                    en = e2;
                    groups = r.probe;
                }
            }
            if (st == en && st == prevEnd) {
                pos = st + 1;
                continue;
            }
            count++;
            if (count >= sub.occurrence) {
                tmp.append(ps.b, copyFrom, st - copyFrom);
                replace(sub, groups);
                copyFrom = en;
                did = true;
                if (!sub.global) break;
            }
            prevEnd = en;
            pos = en == st ? en + 1 : en;
        }
        if (!did) return;
        tmp.append(ps.b, copyFrom, len - copyFrom);
        byte[] swapB = ps.b;
        ps.b = tmp.b;
        ps.len = tmp.len;
        tmp.b = swapB;
        tmp.len = 0;
        tFlag = true;
        if (sub.eval) replaceWithOutput(ps);
        if (sub.print) printSpace(ps, out);
        if (sub.wfile != null) printSpace(ps, wfiles.get(sub.wfile));
    }

    private void replace(Script.Subst sub, MatchResult g) {
        if (!sub.hasCase) {
            for (Script.Part p : sub.replacement) {
                if (p instanceof Script.Part.Literal lit) {
                    tmp.append(lit.bytes(), 0, lit.bytes().length);
                } else if (p instanceof Script.Part.Group grp) {
                    int s = g.start(grp.n());
                    if (s >= 0) tmp.append(ps.b, s, g.end(grp.n()) - s);
                }
            }
            return;
        }
        caseMode = 0;
        oneShot = 0;
        for (Script.Part p : sub.replacement) {
            switch (p) {
                case Script.Part.Literal lit -> appendCased(lit.bytes(), 0, lit.bytes().length);
                case Script.Part.Group grp -> {
                    int s = g.start(grp.n());
                    if (s >= 0) appendCased(ps.b, s, g.end(grp.n()) - s);
                }
                case Script.Part.Case cs -> {
                    switch (cs.op()) {
                        case 'L', 'U' -> { caseMode = cs.op(); oneShot = 0; }
                        case 'E' -> { caseMode = 0; oneShot = 0; }
                        default -> oneShot = cs.op();
                    }
                }
            }
        }
    }

    private void appendCased(byte[] b, int off, int n) {
        for (int k = 0; k < n; k++) {
            int c = b[off + k] & 0xff;
            if (oneShot != 0) {
                c = oneShot == 'u' ? upper(c) : lower(c);
                oneShot = 0;
            } else if (caseMode == 'U') {
                c = upper(c);
            } else if (caseMode == 'L') {
                c = lower(c);
            }
            tmp.append(c);
        }
    }

    private static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
    private static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

    // ---- l ----

    private void list(int width) throws IOException {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (int k = 0; k < ps.len; k++) {
            int c = ps.b[k] & 0xff;
            String piece = switch (c) {
                case '\\' -> "\\\\";
                case 7 -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case 0x0b -> "\\v";
                default -> c < 32 || c >= 127 ? String.format("\\%03o", c) : String.valueOf((char) c);
            };
            if (width > 1 && col + piece.length() > width - 1) {
                sb.append("\\\n");
                col = 0;
            }
            sb.append(piece);
            col += piece.length();
        }
        sb.append("$\n");
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }
}
