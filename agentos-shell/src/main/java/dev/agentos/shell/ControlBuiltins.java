package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Signal;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The builtins that steer execution: eval, exec, exit, return, break/continue, source, trap, caller. */
final class ControlBuiltins {
    private final Shell sh;
    boolean keepRedirections;
    int sourceDepth;

    ControlBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("eval", this::eval);
            t.put("exec", this::exec);
            t.put("exit", this::exit);
            t.put("return", this::return_);
            t.put("break", a -> loopControl(a, true));
            t.put("continue", a -> loopControl(a, false));
            t.put("source", this::source);
            t.put(".", this::source);
            t.put("trap", this::trap);
            t.put("caller", this::caller);
    }

    private void err(String msg) { sh.error(msg); }

    private int eval(List<String> a) {
        String text = String.join(" ", a.subList(1, a.size()));
        if (text.isBlank()) return 0;
        Parser p = sh.parser(text, sh.lineno);
        int st = 0;
        while (true) {
            Ast.Command c;
            try {
                c = p.next();
            } catch (SyntaxError e) {
                sh.reportSyntax(e, sh.arg0 + ": eval: ");
                return 2;
            }
            if (c == null) break;
            st = sh.exec(c);
            sh.lastStatus = st;
        }
        return st;
    }

    private int exec(List<String> a) {
        int i = 1;
        while (i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1) {
            if (a.get(i).equals("--")) { i++; break; }
            i++;
        }
        if (i >= a.size()) {
            keepRedirections = true;
            return 0;
        }
        List<String> argv = a.subList(i, a.size());
        int st = sh.children.spawnAndWait(new ArrayList<>(argv), sh.exportedEnv());
        if (st == 127 || st == 126) throw new Shell.ExitException(st);
        throw new Shell.ExitException(st);
    }

    private int exit(List<String> a) {
        int st = sh.lastStatus;
        if (a.size() > 1) {
            try {
                st = (int) Long.parseLong(a.get(1).strip());
            } catch (NumberFormatException e) {
                err("exit: " + a.get(1) + ": numeric argument required");
                st = 2;
            }
            if (a.size() > 2 && st != 2) { err("exit: too many arguments"); return 1; }
        }
        if (sh.interactive && sh.subshellLevel == 0) sh.writeErr("exit\n");
        throw new Shell.ExitException(st & 0xff);
    }

    private int return_(List<String> a) {
        if (sh.funcDepth == 0 && sourceDepth == 0) {
            err("return: can only `return' from a function or sourced script");
            return 2;
        }
        int st = sh.lastStatus;
        if (a.size() > 1) {
            try {
                st = (int) Long.parseLong(a.get(1).strip());
            } catch (NumberFormatException e) {
                err("return: " + a.get(1) + ": numeric argument required");
                st = 2;
            }
        }
        throw new Shell.ReturnException(st & 0xff);
    }

    private int loopControl(List<String> a, boolean isBreak) {
        int n = 1;
        if (a.size() > 1) {
            try {
                n = Integer.parseInt(a.get(1));
            } catch (NumberFormatException e) {
                err(a.get(0) + ": " + a.get(1) + ": numeric argument required");
                return 1;
            }
            if (n < 1) { err(a.get(0) + ": " + a.get(1) + ": loop count out of range"); return 1; }
        }
        if (sh.loopDepth == 0) {
            err(a.get(0) + ": only meaningful in a `for', `while', or `until' loop");
            return 0;
        }
        throw new Shell.LoopControl(isBreak, Math.min(n, sh.loopDepth));
    }

    private int source(List<String> a) {
        if (a.size() < 2) {
            err(a.get(0) + ": filename argument required");
            sh.writeErr(a.get(0) + ": usage: " + a.get(0) + " filename [arguments]\n");
            return 2;
        }
        String file = a.get(1);
        String path = file;
        if (!file.contains("/")) {
            String found = LookupBuiltins.searchPath(sh, file);
            if (found != null) path = found;
        }
        String text;
        try {
            text = Redirections.readFile(sh, path);
        } catch (AgentOsException e) {
            err(file + ": " + Shell.strerror(e));
            return 1;
        }
        List<String> savedPos = sh.positional;
        if (a.size() > 2) sh.positional = new ArrayList<>(a.subList(2, a.size()));
        sourceDepth++;
        int savedLine = sh.lineno;
        String savedScript = sh.scriptName;
        boolean savedC = sh.cMode;
        try {
            Parser p = sh.parser(text, 1);
            sh.scriptName = file;
            sh.cMode = false;
            int st = 0;
            while (true) {
                Ast.Command c;
                try {
                    c = p.next();
                } catch (SyntaxError e) {
                    sh.reportSyntax(e, file + ": ");
                    return 2;
                }
                if (c == null) break;
                st = sh.exec(c);
                sh.lastStatus = st;
            }
            return st;
        } catch (Shell.ReturnException r) {
            return r.status;
        } finally {
            sh.returnTrap(sh.lastStatus);
            sh.scriptName = savedScript;
            sh.cMode = savedC;
            sh.lineno = savedLine;
            sourceDepth--;
            if (a.size() > 2) sh.positional = savedPos;
        }
    }

    private int trap(List<String> a) {
        if (a.size() == 1 || (a.size() == 2 && a.get(1).equals("-p"))) {
            for (var e : new TreeMap<>(sh.traps).entrySet()) {
                sh.writeOut("trap -- " + Quoting.quoteAlways(e.getValue()) + " " + trapName(e.getKey()) + "\n");
            }
            return 0;
        }
        if (a.get(1).equals("-p")) {
            for (String c : a.subList(2, a.size())) {
                String key = normalizeTrap(c);
                if (key != null && sh.traps.containsKey(key)) {
                    sh.writeOut("trap -- " + Quoting.quoteAlways(sh.traps.get(key)) + " " + trapName(key) + "\n");
                }
            }
            return 0;
        }
        if (a.get(1).equals("-l")) {
            return sh.builtins.find("kill").run(List.of("kill", "-l"));
        }
        int i = 1;
        if (a.get(i).equals("--")) i++;
        String action = a.get(i);
        List<String> conds;
        if (i + 1 >= a.size()) {
            // trap SIG: reset
            conds = List.of(action);
            action = "-";
        } else {
            conds = a.subList(i + 1, a.size());
        }
        boolean reset = action.equals("-");
        if (!reset && action.chars().allMatch(Character::isDigit) && !action.isEmpty() && i + 1 < a.size()) {
            // a number first means reset those signals
            conds = a.subList(i, a.size());
            reset = true;
        }
        int st = 0;
        for (String c : conds) {
            String key = normalizeTrap(c);
            if (key == null) {
                err("trap: " + c + ": invalid signal specification");
                st = 1;
                continue;
            }
            sh.setTrap(key, reset ? null : action);
        }
        return st;
    }

    private static String trapName(String key) {
        return switch (key) {
            case "EXIT", "ERR", "DEBUG", "RETURN" -> key;
            default -> "SIG" + key;
        };
    }

    static String normalizeTrap(String c) {
        String u = c.toUpperCase();
        if (u.equals("EXIT") || u.equals("0")) return "EXIT";
        if (u.equals("ERR") || u.equals("DEBUG") || u.equals("RETURN")) return u;
        return Signal.parse(c).map(Signal::shortName).orElse(null);
    }

    private int caller(List<String> a) {
        if (sh.funcNames.isEmpty()) return 1;
        sh.writeOut(sh.lineno + " " + (sh.funcNames.size() > 1 ? sh.funcNames.get(sh.funcNames.size() - 2) : "main") + "\n");
        return 0;
    }
}
