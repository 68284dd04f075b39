package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs simple commands: expands words, performs assignments, traces with set -x, and dispatches to a
 * function, a builtin or an external program.
 */
final class SimpleCommands {
    final Shell sh;

    SimpleCommands(Shell sh) {
        this.sh = sh;
    }

    int execSimpleChecked(Simple s) {
        int st = execSimple(s);
        return sh.checkErrexit(st);
    }

    int execSimple(Simple s) {
        sh.lineno = s.line();
        sh.debugTrap(s);
        sh.lastSubStatus = 0;
        List<String> argv;
        Map<Integer, Assign> savedAssignArgs = sh.assignArgs;
        try {
            argv = sh.expander.expandCommandWords(s.words());
        } catch (Shell.CommandFailed f) {
            if (f.abortLine && !sh.interactive) throw f;
            return f.status;
        }
        Map<Integer, Assign> myAssignArgs = sh.assignArgs;
        sh.assignArgs = savedAssignArgs;
        if (argv.isEmpty()) {
            try {
                for (Assign a : s.assigns()) {
                    assign(a, false);
                    if (sh.opts.xtrace) sh.writeErr(xtracePrefix() + a.name() + (a.append() ? "+=" : "=") + Quoting.quote(a.array() != null ? "(...)" : String.valueOf(sh.get(a.name()))) + "\n");
                }
            } catch (Shell.CommandFailed f) {
                if (f.abortLine && !sh.interactive) throw f;
                return f.status;
            }
            if (!s.redirs().isEmpty()) {
                try {
                    Redirections.apply(sh, s.redirs()).restore();
                } catch (Shell.CommandFailed f) {
                    return f.status;
                }
            }
            return sh.lastSubStatus;
        }
        String name = argv.get(0);
        if (sh.opts.xtrace) xtrace(s.assigns(), argv);
        FuncDef fn = sh.functions.get(name);
        Builtins.Builtin bi = fn == null ? sh.builtins.find(name) : null;
        if (fn == null && bi == null) return sh.children.execExternal(s, argv);
        // functions and builtins run here: assignments are temporary unless a special builtin
        boolean special = bi != null && Builtins.SPECIAL.contains(name);
        Map<String, Variables.Var> savedVars = null;
        if (!s.assigns().isEmpty()) {
            if (!special || sh.posix) {
                savedVars = new HashMap<>();
                for (Assign a : s.assigns()) {
                    if (!savedVars.containsKey(a.name())) {
                        Variables.Var old = sh.vars.get(a.name());
                        savedVars.put(a.name(), old == null ? null : old.copy());
                    }
                }
                if (special) savedVars = null;
            }
            try {
                for (Assign a : s.assigns()) {
                    assign(a, false);
                    if (savedVars != null) sh.vars.getOrCreate(a.name()).exported = true;
                }
            } catch (Shell.CommandFailed f) {
                return f.status;
            }
        }
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(sh, s.redirs());
        } catch (Shell.CommandFailed f) {
            restoreVars(savedVars);
            return f.status;
        }
        try {
            if (fn != null) return callFunction(fn, argv);
            sh.assignArgs = myAssignArgs;
            try {
                return bi.run(argv);
            } finally {
                sh.assignArgs = Map.of();
            }
        } finally {
            if (sh.builtins.control.keepRedirections) {
                sh.builtins.control.keepRedirections = false;
                saved.keep();
            } else saved.restore();
            restoreVars(savedVars);
            if (!sh.expander.procSubFds.isEmpty()) sh.expander.closeProcSubs();
        }
    }

    void restoreVars(Map<String, Variables.Var> savedVars) {
        if (savedVars == null) return;
        for (var e : savedVars.entrySet()) {
            if (e.getValue() == null) sh.vars.map.remove(e.getKey());
            else sh.vars.map.put(e.getKey(), e.getValue());
        }
    }

    void xtrace(List<Assign> assigns, List<String> argv) {
        StringBuilder b = new StringBuilder();
        String p = xtracePrefix();
        for (Assign a : assigns) {
            b.append(p).append(a.name()).append('=').append(Quoting.quote(a.value() == null ? "" : sh.expander.expandString(a.value()))).append('\n');
        }
        b.append(p);
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(Quoting.quote(argv.get(i)));
        }
        b.append('\n');
        sh.writeErr(b.toString());
    }

    String xtracePrefix() {
        String ps4 = sh.get("PS4");
        if (ps4 == null) ps4 = "+ ";
        if (ps4.isEmpty()) return "";
        String first = ps4.substring(0, 1);
        return first.repeat(1 + funcXtraceLevel()) + ps4.substring(1);
    }

    int funcXtraceLevel() { return 0; }

    /** Performs an assignment (from a command prefix or a declaration). */
    void assign(Assign a, boolean local) {
        if (local && sh.vars.inFunction()) sh.vars.makeLocal(a.name());
        if (a.array() != null) {
            Variables.Var v = sh.vars.getOrCreate(a.name());
            if (v.readonly) { sh.error(a.name() + ": readonly variable"); throw new Shell.CommandFailed(1, false); }
            if (v.assoc != null) {
                if (!a.append()) v.assoc.clear();
                for (Word w : a.array()) {
                    Assign inner = Expander.elementAssign(w);
                    if (inner != null) v.assoc.put(sh.expander.expandString(inner.index()), sh.transform(v, sh.expander.expandString(inner.value())));
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
                    next = sh.arith(sh.expander.expandArith(inner.index()));
                    arr.put(next++, sh.transform(v, sh.expander.expandString(inner.value())));
                } else {
                    for (String f : sh.expander.expandWords(List.of(w))) arr.put(next++, sh.transform(v, f));
                }
            }
            v.indexed = arr;
            v.value = null;
            if (sh.opts.allexport) v.exported = true;
            return;
        }
        String value = a.value() == null ? "" : sh.expander.expandString(a.value());
        if (a.index() != null) {
            Variables.Var v = sh.vars.get(a.name());
            String idx = v != null && v.assoc != null ? sh.expander.expandString(a.index()) : Long.toString(sh.arith(sh.expander.expandArith(a.index())));
            if (a.append()) {
                String old = sh.getElement(a.name(), idx);
                value = (v != null && v.integer) ? Long.toString(Shell.parseLongOr(old == null ? "0" : old, 0) + sh.arith(value)) : (old == null ? "" : old) + value;
            }
            sh.setElement(a.name(), idx, value);
            return;
        }
        if (a.append()) {
            Variables.Var v = sh.vars.get(a.name());
            if (v != null && v.integer) value = Long.toString(sh.arith((v.scalar() == null ? "0" : v.scalar()) + "+(" + value + ")"));
            else {
                String old = sh.get(a.name());
                value = (old == null ? "" : old) + value;
            }
            if (v != null && v.indexed != null) {
                Variables.Var vv = sh.vars.get(a.name());
                vv.indexed.put(0L, value);
                return;
            }
        }
        try {
            sh.setVar(a.name(), value);
        } catch (Arith.ArithError e) {
            sh.error(e.getMessage());
            throw new Shell.CommandFailed(1, true);
        }
    }

    int callFunction(FuncDef fn, List<String> argv) {
        if (sh.funcDepth >= maxFuncDepth()) {
            sh.error(fn.name() + ": maximum function nesting level exceeded (" + maxFuncDepth() + ")");
            throw new Shell.CommandFailed(1, true);
        }
        List<String> savedPos = sh.positional;
        sh.positional = new ArrayList<>(argv.subList(1, argv.size()));
        sh.funcNames.add(fn.name());
        sh.vars.pushFrame();
        sh.funcDepth++;
        int savedLoop = sh.loopDepth;
        sh.loopDepth = 0;
        String returnTrapAtEntry = sh.traps.get("RETURN");
        int st = 0;
        try {
            if (sh.opts.functrace) sh.debugTrap(sh.currentCommand); // bash traps again before the body's first command
            st = sh.exec(fn.body());
            return st;
        } catch (Shell.ReturnException r) {
            st = r.status;
            return st;
        } catch (StackOverflowError e) {
            if (sh.funcDepth > 1) throw e;
            sh.error(fn.name() + ": maximum function nesting level exceeded");
            throw new Shell.CommandFailed(1, true);
        } finally {
            // functions do not inherit the RETURN trap without set -T, but one they set themselves fires
            String rt = sh.traps.get("RETURN");
            if (rt != null && (sh.opts.functrace || !rt.equals(returnTrapAtEntry))) sh.returnTrap(st);
            sh.loopDepth = savedLoop;
            sh.funcDepth--;
            sh.vars.popFrame();
            sh.funcNames.remove(sh.funcNames.size() - 1);
            sh.positional = savedPos;
        }
    }

    int maxFuncDepth() {
        String s = sh.get("FUNCNEST");
        long n = s == null ? 0 : Shell.parseLongOr(s, 0);
        return n > 0 ? (int) n : Integer.MAX_VALUE;
    }

    Map<String, String> envWith(List<Assign> assigns) {
        if (assigns.isEmpty()) return sh.exportedEnv();
        Map<String, Variables.Var> savedVars = new HashMap<>();
        for (Assign a : assigns) {
            Variables.Var old = sh.vars.get(a.name());
            if (!savedVars.containsKey(a.name())) savedVars.put(a.name(), old == null ? null : old.copy());
        }
        try {
            for (Assign a : assigns) {
                assign(a, false);
                sh.vars.getOrCreate(a.name()).exported = true;
            }
            return sh.exportedEnv();
        } finally {
            restoreVars(savedVars);
        }
    }
}
