package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.shell.Ast.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The interpreter: one shell's state and the execution of commands. Expansion and builtins live beside it. */
final class Shell implements Arith.Vars {
    // ---- control flow ----
    static final class ExitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        ExitException(int status) { super(null, null, false, false); this.status = status; }
    }

    static final class ReturnException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        ReturnException(int status) { super(null, null, false, false); this.status = status; }
    }

    static final class LoopControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean isBreak;
        int levels;
        LoopControl(boolean isBreak, int levels) { super(null, null, false, false); this.isBreak = isBreak; this.levels = levels; }
    }

    /** An expansion or redirection error that abandons the current command (and, non-interactively, the line). */
    static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean abortLine;
        CommandFailed(int status, boolean abortLine) { super(null, null, false, false); this.status = status; this.abortLine = abortLine; }
    }

    ProcessContext ctx;
    final Variables vars;
    Map<String, FuncDef> functions;
    final Options opts;
    List<String> positional;
    String arg0;
    String shellName; // "bash" or "sh"
    boolean posix;
    boolean interactive;
    boolean cMode;
    String scriptName;
    int lastStatus;
    int lastBgPid = -1;
    int lineno = 1;
    int shellPid;
    int subshellLevel;
    int loopDepth;
    int funcDepth;
    int noErrexit;
    int lastSubStatus;
    boolean inTrap;
    Map<String, String> traps;
    Map<String, String> aliases;
    final Jobs jobs;
    List<String> dirStack;
    ArrayList<String> funcNames = new ArrayList<>();
    ArrayList<String> sourceNames = new ArrayList<>();
    List<Integer> pipeStatus = List.of(0);
    long startMillis;
    long randomSeed;
    final Expander expander;
    final Builtins builtins;
    /** Evaluated assignment arguments of declare-like builtins, by argv index. */
    Map<Integer, Assign> assignArgs = Map.of();
    Map<String, String> hashed = new LinkedHashMap<>();

    Shell(ProcessContext ctx, String arg0, List<String> positional) {
        this.ctx = ctx;
        this.vars = new Variables();
        this.functions = new HashMap<>();
        this.opts = new Options();
        this.positional = new ArrayList<>(positional);
        this.arg0 = arg0;
        this.traps = new HashMap<>();
        this.aliases = new LinkedHashMap<>();
        this.jobs = new Jobs();
        this.dirStack = new ArrayList<>();
        this.expander = new Expander(this);
        this.builtins = new Builtins(this);
        this.startMillis = System.currentTimeMillis();
        this.randomSeed = System.nanoTime() ^ ctx.pid();
        this.shellPid = ctx.pid();
        for (var e : ctx.environment().entrySet()) {
            if (!Parser.isName(e.getKey())) continue;
            Variables.Var v = vars.getOrCreate(e.getKey());
            v.value = e.getValue();
            v.exported = true;
        }
    }

    /** A copy for a subshell: everything by value. */
    private Shell(Shell o) {
        this.ctx = o.ctx;
        this.vars = new Variables(o.vars);
        this.functions = new HashMap<>(o.functions);
        this.opts = o.opts.copy();
        this.positional = new ArrayList<>(o.positional);
        this.arg0 = o.arg0;
        this.shellName = o.shellName;
        this.posix = o.posix;
        this.interactive = false;
        this.cMode = o.cMode;
        this.scriptName = o.scriptName;
        this.lastStatus = o.lastStatus;
        this.lastBgPid = o.lastBgPid;
        this.lineno = o.lineno;
        this.shellPid = o.shellPid;
        this.subshellLevel = o.subshellLevel + 1;
        this.loopDepth = o.loopDepth;
        this.funcDepth = o.funcDepth;
        this.noErrexit = o.noErrexit;
        this.traps = new HashMap<>();
        for (var e : o.traps.entrySet()) if (e.getValue().isEmpty()) traps.put(e.getKey(), ""); // ignored stays ignored
        this.aliases = new LinkedHashMap<>(o.aliases);
        this.jobs = new Jobs();
        this.dirStack = new ArrayList<>(o.dirStack);
        this.funcNames = new ArrayList<>(o.funcNames);
        this.sourceNames = new ArrayList<>(o.sourceNames);
        this.pipeStatus = o.pipeStatus;
        this.startMillis = o.startMillis;
        this.randomSeed = o.randomSeed * 31 + 17;
        this.expander = new Expander(this);
        this.builtins = new Builtins(this);
        this.hashed = new LinkedHashMap<>(o.hashed);
        this.opts.monitor = false;
    }

    Shell fork() { return new Shell(this); }

    // ---- messages ----

    boolean standalone;

    String errPrefix() {
        if (standalone) return "";
        if (interactive) return arg0 + ": ";
        // bash names functions defined by a -c string as coming from "environment"
        if (cMode && funcDepth > 0) return "environment: line " + lineno + ": ";
        return (cMode || scriptName == null ? arg0 : scriptName) + ": line " + lineno + ": ";
    }

    void error(String msg) { writeErr(errPrefix() + msg + "\n"); }

    void writeErr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        try {
            ctx.write(2, b, 0, b.length);
        } catch (AgentOsException e) {
            // no stderr: nothing to say it on
        }
    }

    void writeOut(String s) { writeFd(1, s); }

    void writeFd(int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ctx.write(fd, b, 0, b.length);
    }

    static String strerror(AgentOsException e) {
        return e.errno().map(Errno::strerror).orElse(e.getMessage());
    }

    // ---- variables (Arith.Vars) ----

    @Override public String get(String name) {
        switch (name) {
            case "RANDOM": return Integer.toString(nextRandom());
            case "SECONDS": return Long.toString((System.currentTimeMillis() - startMillis) / 1000);
            case "LINENO": return Integer.toString(lineno);
            case "BASHPID": return Integer.toString(ctx.pid());
            case "EPOCHSECONDS": return Long.toString(ctx.clock().millis() / 1000);
            case "PIPESTATUS": return pipeStatus.isEmpty() ? "" : pipeStatus.get(0).toString();
            case "FUNCNAME": return funcNames.isEmpty() ? null : funcNames.get(funcNames.size() - 1);
            case "PWD": { Variables.Var v = vars.get("PWD"); return v != null ? v.scalar() : null; }
            default: {
                Variables.Var v = vars.get(name);
                if (v == null) return null;
                if (v.nameref && v.value != null && !v.value.equals(name)) return get(v.value);
                return v.scalar();
            }
        }
    }

    int nextRandom() {
        randomSeed = (randomSeed * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        return (int) (randomSeed >>> 17) & 0x7fff;
    }

    @Override public void set(String name, String value) { setVar(name, value); }

    void setVar(String name, String value) {
        if (name.equals("RANDOM")) { randomSeed = value.hashCode(); return; }
        if (name.equals("SECONDS")) { startMillis = System.currentTimeMillis() - parseLongOr(value, 0) * 1000; return; }
        Variables.Var v = vars.getOrCreate(name);
        if (v.nameref && v.value != null && !v.value.isEmpty()) { setVar(v.value, value); return; }
        if (v.readonly) {
            error(name + ": readonly variable");
            throw new CommandFailed(1, true);
        }
        value = transform(v, value);
        if (v.indexed != null) v.indexed.put(0L, value);
        else if (v.assoc != null) v.assoc.put("0", value);
        else v.value = value;
        if (opts.allexport) v.exported = true;
    }

    String transform(Variables.Var v, String value) {
        if (v.integer) value = Long.toString(Arith.eval(value, this));
        if (v.lower) value = value.toLowerCase();
        if (v.upper) value = value.toUpperCase();
        return value;
    }

    static long parseLongOr(String s, long d) {
        try { return Long.parseLong(s.trim()); } catch (NumberFormatException e) { return d; }
    }

    @Override public String getElement(String name, String index) {
        Variables.Var v = vars.get(name);
        if (name.equals("PIPESTATUS")) {
            int i = (int) parseLongOr(index, 0);
            return i < pipeStatus.size() && i >= 0 ? pipeStatus.get(i).toString() : null;
        }
        if (v == null) return null;
        if (v.assoc != null) return v.assoc.get(index);
        long i = parseLongOr(index, 0);
        if (v.indexed != null) {
            if (i < 0) i += v.indexed.isEmpty() ? 0 : v.indexed.lastKey() + 1;
            return v.indexed.get(i);
        }
        return i == 0 ? v.value : null;
    }

    @Override public void setElement(String name, String index, String value) {
        Variables.Var v = vars.getOrCreate(name);
        if (v.readonly) {
            error(name + ": readonly variable");
            throw new CommandFailed(1, false);
        }
        value = transform(v, value);
        if (v.assoc != null) { v.assoc.put(index, value); return; }
        if (v.indexed == null) {
            v.indexed = new java.util.TreeMap<>();
            if (v.value != null) v.indexed.put(0L, v.value);
            v.value = null;
        }
        long i = parseLongOr(index, 0);
        if (i < 0) i += v.indexed.isEmpty() ? 0 : v.indexed.lastKey() + 1;
        v.indexed.put(i, value);
    }

    Map<String, String> exportedEnv() { return vars.exported(); }

    // ---- running ----

    /** Parses and runs source text one complete command at a time, as bash runs -c strings and scripts. */
    /** A parser for this shell's input: with alias expansion when that is on. */
    Parser parser(String src, int firstLine) {
        Parser p = new Parser(src, firstLine);
        p.aliases = () -> opts.expandAliases ? aliases : null;
        return p;
    }

    int runSource(String src, String syntaxPrefix) {
        Parser p = parser(src, 1);
        while (true) {
            Command c;
            try {
                c = p.next();
            } catch (SyntaxError e) {
                reportSyntax(e, syntaxPrefix);
                if (e.getMessage().startsWith("BADSUB:")) {
                    lastStatus = 1;
                    p.skipLine();
                    continue;
                }
                lastStatus = 2;
                if (!interactive) throw new ExitException(2);
                return 2;
            }
            if (c == null) break;
            runTop(c);
        }
        return lastStatus;
    }

    void reportSyntax(SyntaxError e, String syntaxPrefix) {
        String msg = e.getMessage();
        if (msg.startsWith("BADSUB:")) {
            lineno = e.line;
            error(msg.substring(7) + ": bad substitution");
            return;
        }
        String prefix = syntaxPrefix + "line " + e.line + ": ";
        writeErr(prefix + msg + "\n");
        if (e.lineText != null) writeErr(prefix + "`" + e.lineText + "'\n");
    }

    /** Runs one top-level command, absorbing errors that end only the line. */
    void runTop(Command c) {
        try {
            lastStatus = exec(c);
        } catch (CommandFailed f) {
            lastStatus = f.status;
        } catch (LoopControl l) {
            // break/continue outside a loop at top level: ignored
        } catch (ReturnException r) {
            lastStatus = r.status;
        }
        runPendingTraps();
    }

    int exec(Command c) {
        return switch (c) {
            case Simple s -> execSimpleChecked(s);
            case Pipeline p -> execPipeline(p);
            case AndOr a -> execAndOr(a);
            case Sequence s -> {
                int st = lastStatus;
                for (Command item : s.items()) {
                    st = exec(item);
                    lastStatus = st;
                    if (!inTrap) runPendingTraps();
                }
                yield st;
            }
            case Background b -> execBackground(b);
            case Subshell s -> checkErrexit(execSubshell(s));
            case Group g -> exec(g.body());
            case If i -> execIf(i);
            case Loop l -> execLoop(l);
            case For f -> execFor(f);
            case ArithFor f -> execArithFor(f);
            case Case k -> execCase(k);
            case FuncDef f -> { functions.put(f.name(), f); yield 0; }
            case CondCmd cc -> {
                lineno = cc.line();
                int st = new CondEval(this).eval(cc.expr()) ? 0 : 1;
                if (opts.xtrace) writeErr(xtracePrefix() + "[[ ... ]]\n");
                yield checkErrexit(st);
            }
            case ArithCmd a -> {
                lineno = a.line();
                long v = arith(expander.expandArith(a.expr()));
                yield checkErrexit(v == 0 ? 1 : 0);
            }
            case Redirected r -> execRedirected(r);
        };
    }

    long arith(String expr) {
        try {
            return Arith.eval(expr, this);
        } catch (Arith.ArithError e) {
            error(e.getMessage());
            throw new CommandFailed(1, true);
        }
    }

    int checkErrexit(int status) {
        if (status != 0 && noErrexit == 0) {
            String err = traps.get("ERR");
            if (err != null && !err.isEmpty() && !inTrap) runTrapText(err, status);
            if (opts.errexit) throw new ExitException(status);
        }
        return status;
    }

    private int execAndOr(AndOr a) {
        noErrexit++;
        int st;
        try {
            st = exec(a.left());
        } finally {
            noErrexit--;
        }
        lastStatus = st;
        if ((st == 0) == a.and()) return exec(a.right());
        return st;
    }

    private int execIf(If i) {
        for (int k = 0; k < i.conds().size(); k++) {
            int st;
            noErrexit++;
            try {
                st = exec(i.conds().get(k));
            } finally {
                noErrexit--;
            }
            if (st == 0) return exec(i.bodies().get(k));
        }
        if (i.elseBody() != null) return exec(i.elseBody());
        return 0;
    }

    private int execLoop(Loop l) {
        int st = 0;
        loopDepth++;
        try {
            while (true) {
                ctx.checkSignals();
                int c;
                noErrexit++;
                try {
                    c = exec(l.cond());
                } finally {
                    noErrexit--;
                }
                if ((c == 0) == l.until()) break;
                try {
                    st = exec(l.body());
                } catch (LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                    st = 0;
                }
                if (!inTrap) runPendingTraps();
            }
        } finally {
            loopDepth--;
        }
        return st;
    }

    private int execFor(For f) {
        lineno = f.line();
        List<String> items = f.items() == null ? new ArrayList<>(positional) : expander.expandWords(f.items());
        int st = 0;
        loopDepth++;
        try {
            for (String item : items) {
                ctx.checkSignals();
                setVar(f.var(), item);
                if (opts.xtrace) writeErr(xtracePrefix() + "for " + f.var() + " in ...\n");
                try {
                    st = exec(f.body());
                } catch (LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                }
            }
        } finally {
            loopDepth--;
        }
        return st;
    }

    private int execArithFor(ArithFor f) {
        lineno = f.line();
        int st = 0;
        loopDepth++;
        try {
            if (!f.init().isEmpty()) arith(expander.expandArithText(f.init()));
            while (true) {
                ctx.checkSignals();
                if (!f.cond().isEmpty() && arith(expander.expandArithText(f.cond())) == 0) break;
                try {
                    st = exec(f.body());
                } catch (LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                }
                if (!f.step().isEmpty()) arith(expander.expandArithText(f.step()));
            }
        } finally {
            loopDepth--;
        }
        return st;
    }

    private int execCase(Case k) {
        lineno = k.line();
        String subject = expander.expandString(k.subject());
        boolean fall = false;
        for (int i = 0; i < k.items().size(); i++) {
            CaseItem item = k.items().get(i);
            boolean match = fall;
            if (!match) {
                for (Word p : item.patterns()) {
                    if (Patterns.matches(expander.expandPattern(p), subject)) { match = true; break; }
                }
            }
            if (!match) continue;
            int st = item.body() == null ? 0 : exec(item.body());
            lastStatus = st;
            if (item.terminator().equals(";&")) { fall = true; continue; }
            if (item.terminator().equals(";;&")) { fall = false; continue; }
            return st;
        }
        return fall ? lastStatus : 0;
    }

    private int execRedirected(Redirected r) {
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(this, r.redirs());
        } catch (CommandFailed f) {
            return f.status;
        }
        try {
            return exec(r.cmd());
        } finally {
            saved.restore();
        }
    }

    // ---- simple commands ----

    private int execSimpleChecked(Simple s) {
        int st = execSimple(s);
        return checkErrexit(st);
    }

    int execSimple(Simple s) {
        lineno = s.line();
        lastSubStatus = 0;
        List<String> argv;
        Map<Integer, Assign> savedAssignArgs = assignArgs;
        try {
            argv = expander.expandCommandWords(s.words());
        } catch (CommandFailed f) {
            if (f.abortLine && !interactive) throw f;
            return f.status;
        }
        Map<Integer, Assign> myAssignArgs = assignArgs;
        assignArgs = savedAssignArgs;
        if (argv.isEmpty()) {
            try {
                for (Assign a : s.assigns()) {
                    assign(a, false);
                    if (opts.xtrace) writeErr(xtracePrefix() + a.name() + (a.append() ? "+=" : "=") + Quoting.quote(a.array() != null ? "(...)" : String.valueOf(get(a.name()))) + "\n");
                }
            } catch (CommandFailed f) {
                if (f.abortLine && !interactive) throw f;
                return f.status;
            }
            if (!s.redirs().isEmpty()) {
                try {
                    Redirections.apply(this, s.redirs()).restore();
                } catch (CommandFailed f) {
                    return f.status;
                }
            }
            return lastSubStatus;
        }
        String name = argv.get(0);
        if (opts.xtrace) xtrace(s.assigns(), argv);
        FuncDef fn = functions.get(name);
        Builtins.Builtin bi = fn == null ? builtins.find(name) : null;
        if (fn == null && bi == null) return execExternal(s, argv);
        // functions and builtins run here: assignments are temporary unless a special builtin
        boolean special = bi != null && Builtins.SPECIAL.contains(name);
        Map<String, Variables.Var> savedVars = null;
        if (!s.assigns().isEmpty()) {
            if (!special || posix) {
                savedVars = new HashMap<>();
                for (Assign a : s.assigns()) {
                    if (!savedVars.containsKey(a.name())) {
                        Variables.Var old = vars.get(a.name());
                        savedVars.put(a.name(), old == null ? null : old.copy());
                    }
                }
                if (special) savedVars = null;
            }
            try {
                for (Assign a : s.assigns()) {
                    assign(a, false);
                    if (savedVars != null) vars.getOrCreate(a.name()).exported = true;
                }
            } catch (CommandFailed f) {
                return f.status;
            }
        }
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(this, s.redirs());
        } catch (CommandFailed f) {
            restoreVars(savedVars);
            return f.status;
        }
        try {
            if (fn != null) return callFunction(fn, argv);
            assignArgs = myAssignArgs;
            try {
                return bi.run(argv);
            } finally {
                assignArgs = Map.of();
            }
        } finally {
            if (builtins.keepRedirections) {
                builtins.keepRedirections = false;
                saved.keep();
            } else saved.restore();
            restoreVars(savedVars);
            if (!expander.procSubFds.isEmpty()) expander.closeProcSubs();
        }
    }

    private void restoreVars(Map<String, Variables.Var> savedVars) {
        if (savedVars == null) return;
        for (var e : savedVars.entrySet()) {
            if (e.getValue() == null) vars.map.remove(e.getKey());
            else vars.map.put(e.getKey(), e.getValue());
        }
    }

    void xtrace(List<Assign> assigns, List<String> argv) {
        StringBuilder b = new StringBuilder();
        String p = xtracePrefix();
        for (Assign a : assigns) {
            b.append(p).append(a.name()).append('=').append(Quoting.quote(a.value() == null ? "" : expander.expandString(a.value()))).append('\n');
        }
        b.append(p);
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(Quoting.quote(argv.get(i)));
        }
        b.append('\n');
        writeErr(b.toString());
    }

    String xtracePrefix() {
        String ps4 = get("PS4");
        if (ps4 == null) ps4 = "+ ";
        if (ps4.isEmpty()) return "";
        String first = ps4.substring(0, 1);
        return first.repeat(1 + funcXtraceLevel()) + ps4.substring(1);
    }

    private int funcXtraceLevel() { return 0; }

    /** Performs an assignment (from a command prefix or a declaration). */
    void assign(Assign a, boolean local) {
        if (local && vars.inFunction()) vars.makeLocal(a.name());
        if (a.array() != null) {
            Variables.Var v = vars.getOrCreate(a.name());
            if (v.readonly) { error(a.name() + ": readonly variable"); throw new CommandFailed(1, false); }
            if (v.assoc != null) {
                if (!a.append()) v.assoc.clear();
                for (Word w : a.array()) {
                    Assign inner = Expander.elementAssign(w);
                    if (inner != null) v.assoc.put(expander.expandString(inner.index()), transform(v, expander.expandString(inner.value())));
                }
                return;
            }
            java.util.TreeMap<Long, String> arr = new java.util.TreeMap<>();
            long next = 0;
            if (a.append()) {
                if (v.indexed != null) arr.putAll(v.indexed);
                else if (v.value != null) arr.put(0L, v.value);
                next = arr.isEmpty() ? 0 : arr.lastKey() + 1;
            }
            for (Word w : a.array()) {
                Assign inner = Expander.elementAssign(w);
                if (inner != null) {
                    next = arith(expander.expandArith(inner.index()));
                    arr.put(next++, transform(v, expander.expandString(inner.value())));
                } else {
                    for (String f : expander.expandWords(List.of(w))) arr.put(next++, transform(v, f));
                }
            }
            v.indexed = arr;
            v.value = null;
            if (opts.allexport) v.exported = true;
            return;
        }
        String value = a.value() == null ? "" : expander.expandString(a.value());
        if (a.index() != null) {
            Variables.Var v = vars.get(a.name());
            String idx = v != null && v.assoc != null ? expander.expandString(a.index()) : Long.toString(arith(expander.expandArith(a.index())));
            if (a.append()) {
                String old = getElement(a.name(), idx);
                value = (v != null && v.integer) ? Long.toString(parseLongOr(old == null ? "0" : old, 0) + arith(value)) : (old == null ? "" : old) + value;
            }
            setElement(a.name(), idx, value);
            return;
        }
        if (a.append()) {
            Variables.Var v = vars.get(a.name());
            if (v != null && v.integer) value = Long.toString(arith((v.scalar() == null ? "0" : v.scalar()) + "+(" + value + ")"));
            else {
                String old = get(a.name());
                value = (old == null ? "" : old) + value;
            }
            if (v != null && v.indexed != null) {
                Variables.Var vv = vars.get(a.name());
                vv.indexed.put(0L, value);
                return;
            }
        }
        try {
            setVar(a.name(), value);
        } catch (Arith.ArithError e) {
            error(e.getMessage());
            throw new CommandFailed(1, true);
        }
    }

    // ---- functions ----

    int callFunction(FuncDef fn, List<String> argv) {
        if (funcDepth >= maxFuncDepth()) {
            error(fn.name() + ": maximum function nesting level exceeded (" + maxFuncDepth() + ")");
            throw new CommandFailed(1, true);
        }
        List<String> savedPos = positional;
        positional = new ArrayList<>(argv.subList(1, argv.size()));
        funcNames.add(fn.name());
        vars.pushFrame();
        funcDepth++;
        int savedLoop = loopDepth;
        loopDepth = 0;
        try {
            return exec(fn.body());
        } catch (ReturnException r) {
            return r.status;
        } catch (StackOverflowError e) {
            if (funcDepth > 1) throw e;
            error(fn.name() + ": maximum function nesting level exceeded");
            throw new CommandFailed(1, true);
        } finally {
            loopDepth = savedLoop;
            funcDepth--;
            vars.popFrame();
            funcNames.remove(funcNames.size() - 1);
            positional = savedPos;
        }
    }

    private int maxFuncDepth() {
        String s = get("FUNCNEST");
        long n = s == null ? 0 : parseLongOr(s, 0);
        return n > 0 ? (int) n : Integer.MAX_VALUE;
    }

    // ---- external commands ----

    private int execExternal(Simple s, List<String> argv) {
        Map<String, Variables.Var> savedVars = null;
        Map<String, String> env;
        if (s.assigns().isEmpty()) env = exportedEnv();
        else {
            savedVars = new HashMap<>();
            for (Assign a : s.assigns()) {
                Variables.Var old = vars.get(a.name());
                if (!savedVars.containsKey(a.name())) savedVars.put(a.name(), old == null ? null : old.copy());
            }
            try {
                for (Assign a : s.assigns()) {
                    assign(a, false);
                    vars.getOrCreate(a.name()).exported = true;
                }
            } catch (CommandFailed f) {
                restoreVars(savedVars);
                return f.status;
            }
            env = exportedEnv();
            restoreVars(savedVars);
        }
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(this, s.redirs());
        } catch (CommandFailed f) {
            return f.status;
        }
        try {
            return spawnAndWait(argv, env);
        } finally {
            saved.restore();
            if (!expander.procSubFds.isEmpty()) expander.closeProcSubs();
        }
    }

    int spawnAndWait(List<String> argv, Map<String, String> env) {
        String name = argv.get(0);
        SpawnRequest req = new SpawnRequest(name, argv, Optional.of(env), Optional.empty(), List.of(),
                opts.monitor && interactive ? SpawnRequest.ProcessGroup.NEW : SpawnRequest.ProcessGroup.INHERIT, Optional.empty());
        int pid;
        try {
            pid = ctx.spawn(req);
        } catch (AgentOsException e) {
            return spawnFailed(e, argv, env);
        }
        if (opts.monitor && interactive) {
            Jobs.Job job = jobs.add(List.of(pid), pid, String.join(" ", argv));
            return foreground(job);
        }
        return waitFor(pid);
    }

    int spawnFailed(AgentOsException e, List<String> argv, Map<String, String> env) {
        String name = argv.get(0);
        if (e.is(Errno.ENOENT)) {
            if (name.contains("/")) error(name + ": No such file or directory");
            else error(name + ": command not found");
            return 127;
        }
        if (e.is(Errno.ENOEXEC)) return runScriptFile(name, argv);
        if (e.is(Errno.EACCES)) {
            try {
                FileStat st = ctx.stat(name);
                if (st.isDirectory() && name.contains("/")) { error(name + ": Is a directory"); return 126; }
            } catch (AgentOsException ignored) {
                // report the spawn failure
            }
            if (!name.contains("/")) {
                error(name + ": Permission denied");
                return 126;
            }
            error(name + ": Permission denied");
            return 126;
        }
        error(name + ": " + strerror(e));
        return 126;
    }

    /** ENOEXEC: bash runs a file without #! as a shell script in a subshell. */
    private int runScriptFile(String name, List<String> argv) {
        String path = name;
        if (!name.contains("/")) {
            String found = Builtins.searchPath(this, name);
            if (found != null) path = found;
        }
        String text;
        try {
            text = Redirections.readFile(this, path);
        } catch (AgentOsException e) {
            error(name + ": " + strerror(e));
            return 126;
        }
        final String script = text;
        final String p = path;
        int pid = forkProgram(child -> {
            child.functions.clear();
            child.scriptName = p;
            child.arg0 = p;
            child.cMode = false;
            child.positional = new ArrayList<>(argv.subList(1, argv.size()));
            return child.runSource(script, p + ": ");
        }, List.of(), SpawnRequest.ProcessGroup.INHERIT);
        return waitFor(pid);
    }

    int waitFor(int pid) {
        while (true) {
            try {
                Optional<WaitResult> r = ctx.waitpid(pid, WaitOptions.BLOCK);
                if (r.isEmpty()) return 0;
                ExitStatus es = r.get().status();
                if (es instanceof ExitStatus.Signaled sg && reportSignals) reportSignal(sg.signal());
                return statusOf(es);
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR)) { runPendingTraps(); continue; }
                if (e.is(Errno.ECHILD)) return 127;
                throw e;
            }
        }
    }

    static int statusOf(ExitStatus s) { return s.shellStatus(); }

    /** Foreground waits report a death by signal as bash does ("Terminated"); others stay quiet. */
    boolean reportSignals = true;

    void reportSignal(Signal s) {
        String text = switch (s) {
            case SIGINT, SIGPIPE -> null;
            case SIGTERM -> "Terminated";
            case SIGKILL -> "Killed";
            case SIGHUP -> "Hangup";
            case SIGQUIT -> "Quit";
            case SIGABRT -> "Aborted";
            case SIGSEGV -> "Segmentation fault";
            case SIGUSR1 -> "User defined signal 1";
            case SIGUSR2 -> "User defined signal 2";
            case SIGALRM -> "Alarm clock";
            default -> s.name();
        };
        if (text != null) writeErr(text + "\n");
    }

    /** Gives a job the terminal and waits until it ends or stops. */
    int foreground(Jobs.Job job) {
        return foreground(job, false);
    }

    /** Gives a job the terminal (then continues it, for fg) and waits until it ends or stops. */
    int foreground(Jobs.Job job, boolean resume) {
        boolean tty = interactive && opts.monitor && ctx.isatty(0);
        if (tty) {
            try { ctx.terminal(0).setForegroundGroup(job.pgid); } catch (AgentOsException ignored) { tty = false; }
        }
        if (resume) {
            try {
                ctx.kill(-job.pgid, Signal.SIGCONT);
            } catch (AgentOsException e) {
                // already gone
            }
        }
        int st = 0;
        try {
            for (int i = 0; i < job.pids.size(); i++) {
                int pid = job.pids.get(i);
                if (job.done[i]) continue;
                while (true) {
                    try {
                        Optional<WaitResult> r = ctx.waitpid(pid, WaitOptions.UNTRACED);
                        if (r.isPresent()) {
                            ExitStatus es = r.get().status();
                            if (es instanceof ExitStatus.Stopped) {
                                job.stopped = true;
                                writeErr("\n[" + job.id + "]+  Stopped                 " + job.command + "\n");
                                return 128 + ((ExitStatus.Stopped) es).signal().number();
                            }
                            job.done[i] = true;
                            job.statuses[i] = es.shellStatus();
                            st = es.shellStatus();
                            if (es instanceof ExitStatus.Signaled sg && sg.signal() == Signal.SIGINT && interactive) writeErr("\n");
                        }
                        break;
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) { runPendingTraps(); continue; }
                        if (e.is(Errno.ECHILD)) { job.done[i] = true; break; }
                        throw e;
                    }
                }
            }
            jobs.remove(job);
            return st;
        } finally {
            if (tty) {
                try { ctx.terminal(0).setForegroundGroup(ctx.pgid()); } catch (AgentOsException ignored) { /* terminal gone */ }
            }
        }
    }

    /** A body run in a forked shell: returns the status. */
    interface ChildBody {
        int run(Shell child);
    }

    int forkProgram(ChildBody body, List<FdAction> actions, SpawnRequest.ProcessGroup group) {
        Shell copy = fork();
        SpawnRequest req = new SpawnRequest(arg0, List.of(arg0), Optional.of(exportedEnv()), Optional.empty(), actions, group,
                Optional.of(c -> copy.runChild(c, body)));
        return ctx.spawn(req);
    }

    int runChild(ProcessContext c, ChildBody body) {
        this.ctx = c;
        int st;
        try {
            st = body.run(this);
        } catch (ExitException e) {
            st = e.status;
        } catch (CommandFailed f) {
            st = f.status;
        } catch (ReturnException r) {
            st = r.status;
        } catch (LoopControl l) {
            st = 0;
        } catch (StackOverflowError e) {
            error("maximum function nesting level exceeded");
            st = 1;
        }
        lastStatus = st;
        return runExitTrap(st);
    }

    int runExitTrap(int st) {
        String t = traps.remove("EXIT");
        if (t != null && !t.isEmpty()) {
            lastStatus = st;
            try {
                runTrapText(t, st);
            } catch (ExitException e) {
                return e.status;
            }
        }
        return st;
    }

    private int execSubshell(Subshell s) {
        lineno = s.line();
        int pid = forkProgram(child -> child.exec(s.body()), List.of(), SpawnRequest.ProcessGroup.INHERIT);
        return waitFor(pid);
    }

    private int execBackground(Background b) {
        List<FdAction> actions = new ArrayList<>();
        if (!opts.monitor) actions.add(new FdAction.Open(0, "/dev/null", OpenFlags.O_RDONLY, 0));
        boolean explicitStdin = b.cmd() instanceof Simple s && s.redirs().stream().anyMatch(r -> r.fd() == 0 || r.op().startsWith("<"));
        if (explicitStdin || b.cmd() instanceof Pipeline) actions.clear();
        SpawnRequest.ProcessGroup group = opts.monitor ? SpawnRequest.ProcessGroup.NEW : SpawnRequest.ProcessGroup.INHERIT;
        int pid = spawnDirect(b.cmd(), actions, group);
        if (pid < 0) pid = forkProgram(child -> child.exec(b.cmd()), actions, group);
        lastBgPid = pid;
        Jobs.Job job = jobs.add(List.of(pid), opts.monitor ? pid : ctx.pgid(), Quoting.describe(b.cmd()));
        job.background = true;
        if (interactive) writeErr("[" + job.id + "] " + pid + "\n");
        return 0;
    }

    /**
     * Spawns a simple command that names an external program straight from this shell, as bash's fork+exec
     * would leave it: $! and kill then reach the program itself. Returns -1 when the command is not one.
     */
    int spawnDirect(Command c, List<FdAction> base, SpawnRequest.ProcessGroup group) {
        if (!(c instanceof Simple s) || s.words().isEmpty()) return -1;
        String first = s.words().get(0).literal();
        if (first == null || first.isEmpty() || functions.containsKey(first) || builtins.isBuiltin(first)
                || Builtins.KEYWORDS.contains(first)) return -1;
        lineno = s.line();
        List<Integer> toClose = new ArrayList<>();
        List<FdAction> acts = new ArrayList<>(base);
        List<String> argv;
        Map<String, String> env;
        try {
            argv = expander.expandCommandWords(s.words());
            assignArgs = Map.of();
            if (argv.isEmpty()) return -1;
            env = envWith(s.assigns());
            acts.addAll(Redirections.asActions(this, s.redirs(), toClose));
        } catch (CommandFailed f) {
            for (int fd : toClose) ctx.close(fd);
            final int st = f.status;
            return forkProgram(child -> st, base, group);
        }
        try {
            SpawnRequest req = new SpawnRequest(argv.get(0), argv, Optional.of(env), Optional.empty(), acts, group, Optional.empty());
            try {
                return ctx.spawn(req);
            } catch (AgentOsException e) {
                if (e.is(Errno.ENOEXEC) || e.is(Errno.EACCES) || e.is(Errno.ENOENT)) {
                    final List<String> av = argv;
                    final Map<String, String> ev = env;
                    return forkProgram(child -> child.spawnFailed(e, av, ev), acts, group);
                }
                throw e;
            }
        } finally {
            for (int fd : toClose) ctx.close(fd);
        }
    }

    private Map<String, String> envWith(List<Assign> assigns) {
        if (assigns.isEmpty()) return exportedEnv();
        Map<String, Variables.Var> savedVars = new HashMap<>();
        for (Assign a : assigns) {
            Variables.Var old = vars.get(a.name());
            if (!savedVars.containsKey(a.name())) savedVars.put(a.name(), old == null ? null : old.copy());
        }
        try {
            for (Assign a : assigns) {
                assign(a, false);
                vars.getOrCreate(a.name()).exported = true;
            }
            return exportedEnv();
        } finally {
            restoreVars(savedVars);
        }
    }

    // ---- pipelines ----

    private int execPipeline(Pipeline p) {
        lineno = p.line();
        long start = System.nanoTime();
        long cpuStart = p.timed() ? cpuNanos() : 0;
        int st;
        List<Command> cmds = p.cmds();
        if (cmds.size() == 1) {
            if (p.bang()) noErrexit++;
            try {
                st = exec(cmds.get(0));
            } finally {
                if (p.bang()) noErrexit--;
            }
            pipeStatus = List.of(st);
        } else {
            st = runPipeline(cmds, p);
        }
        if (p.timed()) reportTime(start, cpuStart);
        if (p.bang()) return st == 0 ? 1 : 0;
        return cmds.size() > 1 ? checkErrexit(st) : st;
    }

    /** The shell's own runnable time plus its reaped children's: what bash's time keyword reports as user. */
    private long cpuNanos() {
        var t = ctx.times();
        return t.cpuNanos() + t.childrenCpuNanos();
    }

    private void reportTime(long start, long cpuStart) {
        double real = (System.nanoTime() - start) / 1e9;
        double user = Math.max(0, cpuNanos() - cpuStart) / 1e9;
        writeErr(String.format("\nreal\t%dm%.3fs\nuser\t%dm%.3fs\nsys\t0m0.000s\n", (int) (real / 60), real % 60,
                (int) (user / 60), user % 60));
    }

    private int runPipeline(List<Command> cmds, Pipeline p) {
        int n = cmds.size();
        List<Integer> pids = new ArrayList<>();
        int prevRead = -1;
        boolean monitor = opts.monitor && interactive;
        int pgid = 0;
        try {
            for (int i = 0; i < n; i++) {
                int[] pipe = i < n - 1 ? ctx.pipe() : null;
                List<FdAction> actions = new ArrayList<>();
                if (prevRead >= 0) { actions.add(new FdAction.Dup2(prevRead, 0)); actions.add(new FdAction.Close(prevRead)); }
                if (pipe != null) {
                    actions.add(new FdAction.Dup2(pipe[1], 1));
                    actions.add(new FdAction.Close(pipe[1]));
                    actions.add(new FdAction.Close(pipe[0]));
                }
                Command c = cmds.get(i);
                SpawnRequest.ProcessGroup group = !monitor ? SpawnRequest.ProcessGroup.INHERIT
                        : pgid == 0 ? SpawnRequest.ProcessGroup.NEW : new SpawnRequest.ProcessGroup.Join(pgid);
                int pid;
                try {
                    pid = spawnDirect(c, actions, group);
                    if (pid < 0) pid = forkProgram(child -> child.exec(c), actions, group);
                } finally {
                    if (prevRead >= 0) ctx.close(prevRead);
                    if (pipe != null) ctx.close(pipe[1]);
                }
                if (pgid == 0) pgid = pid;
                pids.add(pid);
                prevRead = pipe == null ? -1 : pipe[0];
            }
        } catch (AgentOsException e) {
            if (prevRead >= 0) ctx.close(prevRead);
            error(strerror(e));
            for (int pid : pids) waitFor(pid);
            return 1;
        }
        List<Integer> statuses = new ArrayList<>();
        if (monitor) {
            Jobs.Job job = jobs.add(pids, pgid, Quoting.describe(p));
            foreground(job);
            for (int s : job.statuses) statuses.add(s);
        } else {
            for (int pid : pids) statuses.add(waitFor(pid));
        }
        pipeStatus = statuses;
        int st = statuses.get(n - 1);
        if (opts.pipefail) for (int s : statuses) if (s != 0) st = s;
        return st;
    }

    // ---- command substitution ----

    String commandSubstitution(Command body) {
        int[] pipe = ctx.pipe();
        int pid;
        try {
            pid = forkProgram(child -> {
                child.traps.remove("EXIT");
                child.opts.errexit = false;
                return child.exec(body);
            }, List.of(new FdAction.Dup2(pipe[1], 1), new FdAction.Close(pipe[1]), new FdAction.Close(pipe[0])),
                    SpawnRequest.ProcessGroup.INHERIT);
        } finally {
            ctx.close(pipe[1]);
        }
        String out;
        try {
            out = Redirections.readAll(this, pipe[0]);
        } finally {
            ctx.close(pipe[0]);
        }
        lastSubStatus = waitFor(pid);
        lastStatus = lastSubStatus;
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        return out.substring(0, end);
    }

    // ---- traps ----

    void runPendingTraps() {
        // signals are only caught when a trap asked for them (or for an interactive shell's job control)
        if (inTrap || (traps.isEmpty() && !interactive)) return;
        List<Signal> sigs;
        try {
            sigs = ctx.takePendingSignals();
        } catch (RuntimeException e) {
            return;
        }
        for (Signal s : sigs) {
            String handler = traps.get(s.shortName());
            if (handler != null && !handler.isEmpty()) runTrapText(handler, lastStatus);
        }
    }

    void runTrapText(String text, int status) {
        int saved = lastStatus;
        boolean savedTrap = inTrap;
        inTrap = true;
        int savedLine = lineno;
        try {
            lastStatus = status;
            Command c = Parser.parseAll(text);
            if (c != null) exec(c);
        } catch (SyntaxError e) {
            reportSyntax(e, arg0 + ": ");
        } catch (CommandFailed f) {
            // the trap's own command failed
        } finally {
            inTrap = savedTrap;
            lastStatus = saved;
            lineno = savedLine;
        }
    }

    void setTrap(String cond, String action) {
        if (action == null) traps.remove(cond);
        else traps.put(cond, action);
        Optional<Signal> sig = cond.equals("EXIT") || cond.equals("ERR") || cond.equals("DEBUG") || cond.equals("RETURN")
                ? Optional.empty() : Signal.parse(cond);
        if (sig.isEmpty()) return;
        SignalDisposition d = action == null ? SignalDisposition.DEFAULT : action.isEmpty() ? SignalDisposition.IGNORE : SignalDisposition.CATCH;
        try {
            ctx.signalDisposition(sig.get(), d);
        } catch (AgentOsException e) {
            // SIGKILL/SIGSTOP: bash accepts and ignores
        }
    }
}
