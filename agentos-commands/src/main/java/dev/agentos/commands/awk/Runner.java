package dev.agentos.commands.awk;

import java.util.List;

/** Runs a parsed program: BEGIN rules, the record loop over main input with patterns and ranges, END rules. */
final class Runner implements AwkIo.FileHooks {
    private final Interp rt;
    private final AwkIo io;
    private final List<Stmt.Rule> begin, main, end, beginFile, endFile;
    private boolean inMain;
    private boolean exiting;

    Runner(Interp rt, AwkIo io, Stmt.Program prog) {
        this.rt = rt;
        this.io = io;
        this.begin = prog.of('B');
        this.main = prog.of('M');
        this.end = prog.of('E');
        this.beginFile = prog.of('b');
        this.endFile = prog.of('e');
        io.hooks = this;
    }

    boolean inMain() { return inMain; }

    void run() {
        boolean exited = false;
        for (Stmt.Rule r : begin) {
            int c = rt.run(r.action);
            if (c == Stmt.EXIT) {
                exited = true;
                break;
            }
        }
        if (!exited && (!main.isEmpty() || !end.isEmpty() || !beginFile.isEmpty() || !endFile.isEmpty())) {
            exited = mainLoop();
        }
        if (exited && exiting) return;
        inMain = !main.isEmpty() || !end.isEmpty();
        for (Stmt.Rule r : end) {
            int c = rt.run(r.action);
            if (c == Stmt.EXIT) return;
        }
    }

    private boolean mainLoop() {
        String rec;
        inMain = true;
        while ((rec = io.nextMainRecord()) != null) {
            rt.setRecord(rec);
            for (int k = 0, n = main.size(); k < n; k++) {
                Stmt.Rule r = main.get(k);
                int c;
                try {
                    if (!matches(r)) continue;
                    c = r.action == null ? print() : rt.run(r.action);
                } catch (Interp.Control x) {
                    c = x.code;
                }
                if (c == Stmt.NORMAL) continue;
                if (c == Stmt.NEXT) break;
                if (c == Stmt.NEXTFILE) {
                    io.skipFile();
                    break;
                }
                if (c == Stmt.EXIT) return true;
            }
        }
        return false;
    }

    private int print() {
        io.stdout.write(rt.record() + rt.ors);
        return Stmt.NORMAL;
    }

    private boolean matches(Stmt.Rule r) {
        if (r.pattern == null) return true;
        if (r.pattern2 == null) return r.pattern.bool(rt);
        if (!r.inRange) {
            if (!r.pattern.bool(rt)) return false;
            r.inRange = !r.pattern2.bool(rt);
            return true;
        }
        if (r.pattern2.bool(rt)) r.inRange = false;
        return true;
    }

    @Override public boolean beginFile() {
        for (Stmt.Rule r : beginFile) {
            if (rt.run(r.action) == Stmt.NEXTFILE) return true;
        }
        return false;
    }

    @Override public void endFile() {
        for (Stmt.Rule r : endFile) rt.run(r.action);
    }
}
