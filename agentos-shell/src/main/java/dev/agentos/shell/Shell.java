package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
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
    final History history = new History(this);
    final CompoundCommands compound = new CompoundCommands(this);
    final SimpleCommands simple = new SimpleCommands(this);
    final ChildProcesses children = new ChildProcesses(this);
    final Pipelines pipelines = new Pipelines(this);
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
            if (!Lexer.isName(e.getKey())) continue;
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
        if (o.opts.functrace) { // set -T: subshells and command substitutions inherit DEBUG and RETURN
            for (String k : List.of("DEBUG", "RETURN")) if (o.traps.containsKey(k)) traps.put(k, o.traps.get(k));
        }
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
        this.history.entries.addAll(o.history.entries);
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
            case "BASH_COMMAND": return currentCommand == null ? "" : Unparser.head(currentCommand);
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
                    p.in.skipLine();
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
            case Simple s -> simple.execSimpleChecked(s);
            case Pipeline p -> pipelines.execPipeline(p);
            case AndOr a -> compound.execAndOr(a);
            case Sequence s -> {
                int st = lastStatus;
                for (Command item : s.items()) {
                    st = exec(item);
                    lastStatus = st;
                    if (!inTrap) runPendingTraps();
                }
                yield st;
            }
            case Background b -> children.execBackground(b);
            case Subshell s -> checkErrexit(children.execSubshell(s));
            case Group g -> exec(g.body());
            case If i -> compound.execIf(i);
            case Loop l -> compound.execLoop(l);
            case For f -> compound.execFor(f);
            case Select f -> compound.execSelect(f);
            case ArithFor f -> { debugTrap(f); yield compound.execArithFor(f); }
            case Case k -> { debugTrap(k); yield compound.execCase(k); }
            case FuncDef f -> { functions.put(f.name(), f); yield 0; }
            case CondCmd cc -> {
                lineno = cc.line();
                debugTrap(cc);
                int st = new CondEval(this).eval(cc.expr()) ? 0 : 1;
                if (opts.xtrace) writeErr(simple.xtracePrefix() + "[[ ... ]]\n");
                yield checkErrexit(st);
            }
            case ArithCmd a -> {
                lineno = a.line();
                debugTrap(a);
                long v = arith(expander.expandArith(a.expr()));
                yield checkErrexit(v == 0 ? 1 : 0);
            }
            case Redirected r -> compound.execRedirected(r);
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

    /** Foreground waits report a death by signal as bash does ("Terminated"); others stay quiet. */
    boolean reportSignals = true;

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

    /** The command $BASH_COMMAND names: the one running or about to, never one inside a trap. */
    Command currentCommand;

    /**
     * The DEBUG trap, run before simple commands, for, select, case, [[ ]] and (( )) as bash does; inside
     * functions, command substitutions and subshells only under set -T (functrace).
     */
    void debugTrap(Command c) {
        if (inTrap) return;
        currentCommand = c;
        if (traps.isEmpty()) return;
        String action = traps.get("DEBUG");
        if (action == null || action.isEmpty() || (funcDepth > 0 && !opts.functrace)) return;
        runTrapText(action, lastStatus);
    }

    /** The RETURN trap, after a function (traced, or which set the trap itself) or a sourced file finishes. */
    void returnTrap(int status) {
        String action = traps.get("RETURN");
        if (action != null && !action.isEmpty()) runTrapText(action, status);
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
