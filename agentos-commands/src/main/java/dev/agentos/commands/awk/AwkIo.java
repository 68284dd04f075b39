package dev.agentos.commands.awk;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** awk's I/O through the syscall interface: main input over ARGV, getline sources, redirections, pipes. */
final class AwkIo {
    /** An open output: a file, a pipe to a command, or a standard stream. */
    static final class Out {
        final OutputStream os;
        final int fd;
        final int pid;
        final boolean autoFlush;

        Out(OutputStream os, int fd, int pid, boolean autoFlush) {
            this.os = os;
            this.fd = fd;
            this.pid = pid;
            this.autoFlush = autoFlush;
        }

        void write(String s) {
            try {
                os.write(s.getBytes(StandardCharsets.ISO_8859_1));
                if (autoFlush) os.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                os.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An open getline source. */
    record In(RecordReader reader, int fd, int pid) {}

    /** What the main loop does when main input moves between files. */
    interface FileHooks {
        /** Runs BEGINFILE rules; true when one of them said nextfile. */
        boolean beginFile();
        void endFile();
    }

    final ProcessContext ctx;
    Interp rt;
    Out stdout;
    private final Out stderr;
    private final Map<String, Out> outputs = new LinkedHashMap<>();
    private final Map<String, In> inputs = new LinkedHashMap<>();
    FileHooks hooks;
    boolean inplace;
    String srcName = "cmd. line";

    // main input state
    private int argIndex = 1;
    private RecordReader main;
    private int mainFd = -1;
    private boolean sawFile;
    private boolean mainDone;
    private String inplaceTarget;
    private Out savedStdout;

    AwkIo(ProcessContext ctx) {
        this.ctx = ctx;
        this.stdout = new Out(new BufferedOutputStream(ctx.stdout(), 64 * 1024), 1, 0, false);
        this.stderr = new Out(ctx.stderr(), 2, 0, true);
    }

    long now() { return ctx.clock().instant().getEpochSecond(); }

    String tz() { return ctx.getenv("TZ").orElse("UTC"); }

    // ---- main input ----

    /** The next main-input record (NR/FNR advanced), or null at the end of all input. */
    String nextMainRecord() {
        while (true) {
            if (mainDone) return null;
            if (main == null && !openNextMain()) {
                mainDone = true;
                return null;
            }
            String r = main.read(rt.rs, rt.rsPattern);
            if (r != null) {
                rt.nr++;
                rt.fnr++;
                rt.globals[Interp.RT] = Val.str(main.rt);
                return r;
            }
            closeMain();
        }
    }

    /** nextfile: abandons the current file. */
    void skipFile() {
        if (main != null) closeMain();
    }

    private void closeMain() {
        if (hooks != null) hooks.endFile();
        if (mainFd > 0) ctx.close(mainFd);
        main = null;
        mainFd = -1;
        if (inplaceTarget != null) {
            stdout.flush();
            ctx.close(stdout.fd);
            ctx.rename(inplaceTarget + ".awk-inplace", inplaceTarget);
            stdout = savedStdout;
            inplaceTarget = null;
        }
    }

    private boolean openNextMain() {
        AwkArray argv = rt.globalArray(Interp.ARGV);
        while (true) {
            int argc = (int) rt.toNum(rt.getGlobal(Interp.ARGC, "ARGC"));
            if (argIndex >= argc) {
                if (sawFile) return false;
                sawFile = true;
                return openMain("-", true);
            }
            String key = Integer.toString(argIndex++);
            if (!argv.contains(key)) continue;
            String arg = rt.toStr(argv.get(key));
            if (arg.isEmpty()) continue;
            int eq = arg.indexOf('=');
            if (eq > 0 && arg.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                Awk.assign(rt, arg.substring(0, eq), arg.substring(eq + 1));
                continue;
            }
            sawFile = true;
            if (openMain(arg, false)) return true;
        }
    }

    private boolean openMain(String name, boolean implicit) {
        int fd = 0;
        if (!name.equals("-") && !name.equals("/dev/stdin")) {
            try {
                var st = ctx.stat(Awk.external(name));
                if (st.isDirectory()) {
                    warn("command line argument `" + name + "' is a directory: skipped");
                    return false;
                }
                fd = ctx.open(Awk.external(name), OpenFlags.O_RDONLY, 0);
            } catch (AgentOsException e) {
                throw new AwkFatal("cannot open file `" + name + "' for reading: " + reason(e), false);
            }
        }
        mainFd = fd;
        main = new RecordReader(fd == 0 ? ctx.stdin() : fdStream(fd));
        rt.globals[Interp.FILENAME] = Val.str(name);
        rt.fnr = 0;
        if (inplace && fd != 0) {
            inplaceTarget = Awk.external(name);
            int out = ctx.open(inplaceTarget + ".awk-inplace", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
            savedStdout = stdout;
            stdout.flush();
            stdout = new Out(new BufferedOutputStream(fdOut(out), 64 * 1024), out, 0, false);
        }
        if (hooks != null && hooks.beginFile()) {
            closeMain();
            return false;
        }
        return true;
    }

    /** A warning with the source location, as gawk words runtime warnings. */
    void warnAt(String msg) {
        stdout.flush();
        stderr.write(Awk.name(ctx) + ": " + srcName + ":" + rt.line + ": warning: " + msg + "\n");
    }

    static String reason(AgentOsException e) {
        return e.errno().map(x -> x.strerror()).orElse(e.getMessage());
    }

    void warn(String msg) {
        stdout.flush();
        stderr.write(Awk.name(ctx) + ": warning: " + msg + "\n");
    }

    InputStream fdStream(int fd) {
        return new InputStream() {
            @Override public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) <= 0 ? -1 : b[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) {
                int n = ctx.read(fd, b, off, len);
                return n <= 0 ? -1 : n;
            }
        };
    }

    OutputStream fdOut(int fd) {
        return new OutputStream() {
            @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

            @Override public void write(byte[] b, int off, int len) { ctx.write(fd, b, off, len); }
        };
    }

    // ---- getline ----

    int getline(Expr.Getline g) {
        String rec;
        switch (g.kind()) {
            case 0 -> {
                rec = nextMainRecord();
                if (rec == null) return 0;
            }
            case 1 -> {
                String name = g.src().str(rt);
                In in = inputs.get(name);
                if (in == null) {
                    if (name.equals("-") || name.equals("/dev/stdin")) {
                        in = new In(new RecordReader(ctx.stdin()), 0, 0);
                    } else {
                        try {
                            int fd = ctx.open(Awk.external(name), OpenFlags.O_RDONLY, 0);
                            in = new In(new RecordReader(fdStream(fd)), fd, 0);
                        } catch (AgentOsException e) {
                            return -1;
                        }
                    }
                    inputs.put(name, in);
                }
                try {
                    rec = in.reader().read(rt.rs, rt.rsPattern);
                } catch (AgentOsException e) {
                    return -1;
                }
                if (rec == null) return 0;
                rt.globals[Interp.RT] = Val.str(in.reader().rt);
            }
            default -> {
                String cmd = g.src().str(rt);
                In in = inputs.get(cmd);
                if (in == null) {
                    flushAll();
                    int[] p = ctx.pipe();
                    ctx.setCloseOnExec(p[0], true);
                    int pid = spawn(cmd, List.of(new FdAction.Dup2(p[1], 1), new FdAction.Close(p[1])));
                    ctx.close(p[1]);
                    if (pid < 0) {
                        ctx.close(p[0]);
                        return -1;
                    }
                    in = new In(new RecordReader(fdStream(p[0])), p[0], pid);
                    inputs.put(cmd, in);
                }
                rec = in.reader().read(rt.rs, rt.rsPattern);
                if (rec == null) return 0;
                rt.globals[Interp.RT] = Val.str(in.reader().rt);
            }
        }
        if (g.var() == null) rt.setRecord(rec);
        else g.var().set(rt, Val.strnum(rec));
        return 1;
    }

    // ---- output ----

    void print(Stmt.Print p) {
        String text;
        List<Expr> args = p.args();
        if (p.formatted()) {
            text = Format.sprintf(rt, args.get(0).str(rt), Builtins.values(rt, args.subList(1, args.size())));
        } else if (args.isEmpty()) {
            text = rt.record() + rt.ors;
        } else if (args.size() == 1) {
            text = args.get(0).outStr(rt).concat(rt.ors);
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) sb.append(rt.ofs);
                sb.append(args.get(i).outStr(rt));
            }
            text = sb.append(rt.ors).toString();
        }
        Out o = p.redir() == 0 ? stdout : output(p.redir(), p.dest().str(rt));
        o.write(text);
    }

    private Out output(char kind, String name) {
        Out o = outputs.get(name);
        if (o != null) return o;
        if (kind != '|') {
            if (name.equals("/dev/stdout") || name.equals("-")) return stdout;
            if (name.equals("/dev/stderr")) {
                stdout.flush();
                return stderr;
            }
        }
        if (kind == '|') {
            flushAll();
            int[] p = ctx.pipe();
            ctx.setCloseOnExec(p[1], true);
            int pid = spawn(name, List.of(new FdAction.Dup2(p[0], 0), new FdAction.Close(p[0])));
            ctx.close(p[0]);
            if (pid < 0) throw new AwkFatal("can't open pipe `" + name + "' for output");
            o = new Out(new BufferedOutputStream(fdOut(p[1]), 8192), p[1], pid, false);
        } else {
            int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (kind == 'a' ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
            try {
                int fd = ctx.open(Awk.external(name), flags, 0666);
                o = new Out(new BufferedOutputStream(fdOut(fd), 8192), fd, 0, false);
            } catch (AgentOsException e) {
                throw new AwkFatal("cannot redirect to `" + name + "': " + reason(e));
            }
        }
        outputs.put(name, o);
        return o;
    }

    /** Spawns {@code sh -c cmd} (or the command directly when there is no shell yet); -1 on failure. */
    private int spawn(String cmd, List<FdAction> actions) {
        SpawnRequest req;
        String c = Awk.external(cmd);
        if (ctx.access("/bin/sh", 1)) {
            req = SpawnRequest.of("/bin/sh", List.of("-c", c));
        } else {
            List<String> words = new ArrayList<>(List.of(c.trim().split("\\s+")));
            if (words.isEmpty() || words.get(0).isEmpty()) return -1;
            req = SpawnRequest.of(words.get(0), words.subList(1, words.size()));
        }
        java.util.Map<String, String> env = new LinkedHashMap<>();
        for (var e : rt.globalArray(Interp.ENVIRON).map.entrySet()) env.put(Awk.external(e.getKey()), Awk.external(rt.toStr(e.getValue())));
        try {
            return ctx.spawn(req.withFdActions(actions).withEnv(env));
        } catch (AgentOsException e) {
            return -1;
        }
    }

    private int waitFor(int pid) {
        try {
            var r = ctx.waitpid(pid, WaitOptions.BLOCK);
            if (r.isEmpty()) return -1;
            ExitStatus s = r.get().status();
            if (s instanceof ExitStatus.Exited e) return e.code();
            if (s instanceof ExitStatus.Signaled sig) return 256 + sig.signal().number();
            return s.shellStatus();
        } catch (AgentOsException e) {
            return -1;
        }
    }

    int system(String cmd) {
        flushAll();
        int pid = spawn(cmd, List.of());
        if (pid < 0) return 127;
        return waitFor(pid);
    }

    int close(String name) {
        Out o = outputs.remove(name);
        if (o != null) {
            o.flush();
            ctx.close(o.fd);
            return o.pid > 0 ? waitFor(o.pid) : 0;
        }
        In in = inputs.remove(name);
        if (in != null) {
            if (in.fd() > 0) ctx.close(in.fd());
            return in.pid() > 0 ? waitFor(in.pid()) : 0;
        }
        return -1;
    }

    int fflush(String name) {
        if (name == null || name.isEmpty()) {
            flushAll();
            return 0;
        }
        if (name.equals("/dev/stdout")) {
            stdout.flush();
            return 0;
        }
        Out o = outputs.get(name);
        if (o == null) return -1;
        o.flush();
        return 0;
    }

    void flushAll() {
        stdout.flush();
        for (Out o : outputs.values()) o.flush();
    }

    void closeAllQuietly() {
        try {
            closeAll();
        } catch (RuntimeException ignored) {
            // already failing
        }
    }

    void closeAll() {
        try {
            stdout.flush();
        } catch (RuntimeException ignored) {
            // EPIPE on exit is not an error worth reporting
        }
        for (String name : new ArrayList<>(outputs.keySet())) close(name);
        for (String name : new ArrayList<>(inputs.keySet())) close(name);
    }
}
