package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.shell.Ast.Assign;
import dev.agentos.shell.Ast.FuncDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The builtins that change the shell itself or are too common to spawn; each returns its exit status. */
final class Builtins {
    @FunctionalInterface
    interface Builtin {
        int run(List<String> argv);
    }

    static final Set<String> SPECIAL = Set.of("break", ":", "continue", ".", "eval", "exec", "exit", "export", "readonly",
            "return", "set", "shift", "times", "trap", "unset", "source");
    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
            "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc");

    private final Shell sh;
    private final Map<String, Builtin> table = new HashMap<>();
    boolean keepRedirections;
    int sourceDepth;
    private int getoptsChar = 1;

    Builtins(Shell sh) {
        this.sh = sh;
        table.put(":", a -> 0);
        table.put("true", a -> 0);
        table.put("false", a -> 1);
        table.put("echo", this::echo);
        table.put("printf", this::printf);
        table.put("test", a -> TestCommand.run(sh, a));
        table.put("[", a -> TestCommand.run(sh, a));
        table.put("cd", this::cd);
        table.put("pwd", this::pwd);
        table.put("export", this::export);
        table.put("readonly", this::readonly);
        table.put("unset", this::unset);
        table.put("shift", this::shift);
        table.put("set", this::set);
        table.put("eval", this::eval);
        table.put("exec", this::exec);
        table.put("exit", this::exit);
        table.put("return", this::return_);
        table.put("break", a -> loopControl(a, true));
        table.put("continue", a -> loopControl(a, false));
        table.put("type", this::type);
        table.put("command", this::command);
        table.put("builtin", this::builtin);
        table.put("hash", this::hash);
        table.put("alias", this::alias);
        table.put("unalias", this::unalias);
        table.put("getopts", this::getopts);
        table.put("wait", this::waitBuiltin);
        table.put("jobs", this::jobs);
        table.put("fg", this::fg);
        table.put("bg", this::bg);
        table.put("kill", this::kill);
        table.put("disown", this::disown);
        table.put("umask", this::umask);
        table.put("times", a -> { sh.writeOut("0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n"); return 0; });
        table.put("ulimit", this::ulimit);
        table.put("let", this::let);
        table.put("mapfile", this::mapfile);
        table.put("readarray", this::mapfile);
        table.put("pushd", this::pushd);
        table.put("popd", this::popd);
        table.put("dirs", this::dirs);
        table.put("local", a -> declare(a, true));
        table.put("declare", a -> declare(a, false));
        table.put("typeset", a -> declare(a, false));
        table.put("source", this::source);
        table.put(".", this::source);
        table.put("shopt", this::shopt);
        table.put("trap", this::trap);
        table.put("read", a -> new ReadBuiltin(sh).run(a));
        table.put("caller", this::caller);
    }

    Builtin find(String name) { return table.get(name); }

    boolean isBuiltin(String name) { return table.containsKey(name); }

    private void err(String msg) { sh.error(msg); }

    // ---- output ----

    private int echo(List<String> a) {
        boolean newline = true, escapes = false;
        int i = 1;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.length() < 2 || s.charAt(0) != '-' || !s.substring(1).chars().allMatch(c -> c == 'n' || c == 'e' || c == 'E')) break;
            for (char c : s.substring(1).toCharArray()) {
                if (c == 'n') newline = false; else escapes = c == 'e';
            }
        }
        StringBuilder b = new StringBuilder();
        for (int j = i; j < a.size(); j++) {
            if (j > i) b.append(' ');
            if (escapes) {
                boolean[] stop = new boolean[1];
                b.append(Escapes.decode(a.get(j), true, stop));
                if (stop[0]) { newline = false; break; }
            } else b.append(a.get(j));
        }
        if (newline) b.append('\n');
        return write(b.toString(), "echo");
    }

    private int write(String s, String who) {
        try {
            sh.writeOut(s);
            return 0;
        } catch (AgentOsException e) {
            err(who + ": write error: " + Shell.strerror(e));
            return 1;
        }
    }

    private int printf(List<String> a) {
        int i = 1;
        String var = null;
        if (i < a.size() && a.get(i).equals("-v")) {
            if (i + 1 >= a.size()) { err("printf: -v: option requires an argument"); return 2; }
            var = a.get(i + 1);
            i += 2;
        }
        if (i < a.size() && a.get(i).equals("--")) i++;
        if (i >= a.size()) {
            err("printf: usage: printf [-v var] format [arguments]");
            return 2;
        }
        Printf p = new Printf(sh, "printf");
        String out = p.format(a.get(i), a.subList(i + 1, a.size()));
        if (var != null) {
            if (var.endsWith("]") && var.indexOf('[') > 0) {
                int br = var.indexOf('[');
                sh.setElement(var.substring(0, br), var.substring(br + 1, var.length() - 1), out);
            } else sh.setVar(var, out);
        } else if (write(out, "printf") != 0) return 1;
        return p.failed() ? 1 : 0;
    }

    // ---- directories ----

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) { if (!parts.isEmpty()) parts.remove(parts.size() - 1); continue; }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    String pwdValue() {
        String p = sh.get("PWD");
        if (p != null && p.startsWith("/")) {
            try {
                FileStat a = sh.ctx.stat(p), b = sh.ctx.stat(".");
                if (a.ino() == b.ino() && a.dev() == b.dev()) return p;
            } catch (AgentOsException e) {
                // stale: use the physical path
            }
        }
        return sh.ctx.cwd();
    }

    private int cd(List<String> a) {
        int i = 1;
        boolean physical = false;
        while (i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1) {
            if (a.get(i).equals("--")) { i++; break; }
            if (a.get(i).equals("-P")) physical = true;
            else if (!a.get(i).equals("-L")) break;
            i++;
        }
        if (a.size() - i > 1) { err("cd: too many arguments"); return 1; }
        String dir;
        boolean print = false;
        if (i >= a.size()) {
            dir = sh.get("HOME");
            if (dir == null) { err("cd: HOME not set"); return 1; }
        } else dir = a.get(i);
        if (dir.equals("-")) {
            dir = sh.get("OLDPWD");
            if (dir == null) { err("cd: OLDPWD not set"); return 1; }
            print = true;
        }
        if (dir.isEmpty()) return 0;
        String cur = pwdValue();
        String target = null;
        if (!dir.startsWith("/") && !dir.startsWith("./") && !dir.startsWith("../") && !dir.equals(".") && !dir.equals("..")) {
            String cdpath = sh.get("CDPATH");
            if (cdpath != null) {
                for (String c : cdpath.split(":", -1)) {
                    if (c.isEmpty()) continue;
                    String cand = normalize((c.startsWith("/") ? c : cur + "/" + c) + "/" + dir);
                    try {
                        if (sh.ctx.stat(cand).isDirectory()) { target = cand; print = true; break; }
                    } catch (AgentOsException e) {
                        // next
                    }
                }
            }
        }
        if (target == null) target = normalize(dir.startsWith("/") ? dir : cur + "/" + dir);
        try {
            sh.ctx.chdir(target);
        } catch (AgentOsException e) {
            try {
                sh.ctx.chdir(dir);
            } catch (AgentOsException e2) {
                err("cd: " + dir + ": " + Shell.strerror(e2));
                return 1;
            }
            target = sh.ctx.cwd();
        }
        if (physical) target = sh.ctx.cwd();
        setPwd(cur, target);
        if (print) sh.writeOut(target + "\n");
        return 0;
    }

    private void setPwd(String old, String now) {
        Variables.Var o = sh.vars.getOrCreate("OLDPWD");
        o.value = old;
        Variables.Var p = sh.vars.getOrCreate("PWD");
        p.value = now;
    }

    private int pwd(List<String> a) {
        boolean physical = a.contains("-P");
        sh.writeOut((physical ? sh.ctx.cwd() : pwdValue()) + "\n");
        return 0;
    }

    private int pushd(List<String> a) {
        String cur = pwdValue();
        if (a.size() < 2) {
            if (sh.dirStack.isEmpty()) { err("pushd: no other directory"); return 1; }
            String top = sh.dirStack.remove(0);
            if (cd(List.of("cd", top)) != 0) return 1;
            sh.dirStack.add(0, cur);
        } else {
            if (cd(List.of("cd", a.get(1))) != 0) return 1;
            sh.dirStack.add(0, cur);
        }
        return dirs(List.of("dirs"));
    }

    private int popd(List<String> a) {
        if (sh.dirStack.isEmpty()) { err("popd: directory stack empty"); return 1; }
        String top = sh.dirStack.remove(0);
        if (cd(List.of("cd", top)) != 0) return 1;
        return dirs(List.of("dirs"));
    }

    private int dirs(List<String> a) {
        if (a.contains("-c")) { sh.dirStack.clear(); return 0; }
        String home = sh.get("HOME");
        List<String> all = new ArrayList<>();
        all.add(pwdValue());
        all.addAll(sh.dirStack);
        boolean perLine = a.contains("-p") || a.contains("-v");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String d = all.get(i);
            if (!a.contains("-l") && home != null && (d.equals(home) || d.startsWith(home + "/"))) d = "~" + d.substring(home.length());
            if (a.contains("-v")) b.append(String.format("%2d  %s\n", i, d));
            else if (perLine) b.append(d).append('\n');
            else b.append(i > 0 ? " " : "").append(d);
        }
        if (!perLine) b.append('\n');
        sh.writeOut(b.toString());
        return 0;
    }

    // ---- variables ----

    static String attributes(Variables.Var v) {
        if (v == null) return "";
        StringBuilder b = new StringBuilder();
        if (v.indexed != null) b.append('a');
        if (v.assoc != null) b.append('A');
        if (v.integer) b.append('i');
        if (v.lower) b.append('l');
        if (v.nameref) b.append('n');
        if (v.readonly) b.append('r');
        if (v.upper) b.append('u');
        if (v.exported) b.append('x');
        return b.toString();
    }

    static String dq(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    String declareLine(String name, Variables.Var v) {
        String attrs = attributes(v);
        StringBuilder b = new StringBuilder("declare -").append(attrs.isEmpty() ? "-" : attrs).append(' ').append(name);
        if (v.indexed != null) {
            b.append("=(");
            boolean first = true;
            for (var e : v.indexed.entrySet()) {
                if (!first) b.append(' ');
                first = false;
                b.append('[').append(e.getKey()).append("]=").append(dq(e.getValue()));
            }
            b.append(')');
        } else if (v.assoc != null) {
            b.append("=(");
            for (var e : v.assoc.entrySet()) {
                b.append('[').append(Quoting.quote(e.getKey())).append("]=").append(dq(e.getValue())).append(' ');
            }
            b.append(')');
        } else if (v.value != null) {
            b.append('=').append(dq(v.value));
        }
        return b.toString();
    }

    private int declare(List<String> a, boolean local) {
        String who = a.get(0);
        if (local && !sh.vars.inFunction()) {
            err(who + ": can only be used in a function");
            return 1;
        }
        String on = "", off = "";
        boolean print = false, functions = false, funcNames = false, global = false;
        int i = 1;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (sh.assignArgs.containsKey(i)) break;
            if (s.equals("--")) { i++; break; }
            if ((s.startsWith("-") || s.startsWith("+")) && s.length() > 1) {
                for (char c : s.substring(1).toCharArray()) {
                    if (c == 'p') print = true;
                    else if (c == 'f') functions = true;
                    else if (c == 'F') funcNames = true;
                    else if (c == 'g') global = true;
                    else if ("aAilnrtux".indexOf(c) >= 0) { if (s.charAt(0) == '-') on += c; else off += c; }
                    else { err(who + ": -" + c + ": invalid option"); return 2; }
                }
            } else break;
        }
        if (functions || funcNames) {
            List<String> names = i < a.size() ? a.subList(i, a.size()) : new ArrayList<>(new TreeMap<>(sh.functions).keySet());
            int st = 0;
            for (String n : names) {
                FuncDef f = sh.functions.get(n);
                if (f == null) { st = 1; continue; }
                sh.writeOut(funcNames ? "declare -f " + n + "\n" : Unparser.function(f) + "\n");
            }
            return st;
        }
        if (print || (i >= a.size() && on.isEmpty() && off.isEmpty())) {
            int st = 0;
            if (i >= a.size()) {
                for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                    Variables.Var v = sh.vars.get(n);
                    if (!v.isSet() && !print) continue;
                    if (!on.isEmpty() && !attributes(v).contains(on.substring(0, 1))) continue;
                    sh.writeOut(declareLine(n, v) + "\n");
                }
                return 0;
            }
            for (; i < a.size(); i++) {
                Variables.Var v = sh.vars.get(a.get(i));
                if (v == null) { err(who + ": " + a.get(i) + ": not found"); st = 1; continue; }
                sh.writeOut(declareLine(a.get(i), v) + "\n");
            }
            return st;
        }
        if (i >= a.size()) {
            for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                Variables.Var v = sh.vars.get(n);
                if (!on.isEmpty() && attributes(v).contains(on.substring(0, 1))) sh.writeOut(declareLine(n, v) + "\n");
            }
            return 0;
        }
        boolean makeLocal = local || (sh.vars.inFunction() && !global);
        int st = 0;
        for (; i < a.size(); i++) {
            Assign as = sh.assignArgs.get(i);
            String name = as != null ? as.name() : a.get(i);
            String plain = name;
            int eq = as == null ? name.indexOf('=') : -1;
            String value = null;
            if (eq > 0) { plain = name.substring(0, eq); value = name.substring(eq + 1); }
            if (!Parser.isName(plain)) {
                err(who + ": `" + a.get(i) + "': not a valid identifier");
                st = 1;
                continue;
            }
            Variables.Var v;
            if (makeLocal) {
                Variables.Var existing = sh.vars.get(plain);
                v = sh.vars.frames.get(sh.vars.frames.size() - 1).containsKey(plain) ? existing : sh.vars.makeLocal(plain);
            } else v = sh.vars.getOrCreate(plain);
            if (v.readonly && (as != null || value != null)) {
                err(plain + ": readonly variable");
                st = 1;
                continue;
            }
            applyAttrs(v, on, off);
            if (as != null) {
                sh.assign(new Assign(plain, as.index(), as.value(), as.array(), as.append()), false);
            } else if (value != null) {
                sh.setVar(plain, value);
            }
            if (on.indexOf('r') >= 0) v.readonly = true;
        }
        return st;
    }

    private static void applyAttrs(Variables.Var v, String on, String off) {
        for (char c : on.toCharArray()) {
            switch (c) {
                case 'a' -> { if (v.indexed == null && v.assoc == null) { v.indexed = new TreeMap<>(); if (v.value != null) v.indexed.put(0L, v.value); v.value = null; } }
                case 'A' -> { if (v.assoc == null) { v.assoc = new java.util.LinkedHashMap<>(); v.indexed = null; v.value = null; } }
                case 'i' -> v.integer = true;
                case 'l' -> { v.lower = true; v.upper = false; }
                case 'u' -> { v.upper = true; v.lower = false; }
                case 'x' -> v.exported = true;
                case 'n' -> v.nameref = true;
                default -> { }
            }
        }
        for (char c : off.toCharArray()) {
            switch (c) {
                case 'i' -> v.integer = false;
                case 'l' -> v.lower = false;
                case 'u' -> v.upper = false;
                case 'x' -> v.exported = false;
                case 'n' -> v.nameref = false;
                default -> { }
            }
        }
    }

    private int export(List<String> a) {
        boolean unexport = false;
        int i = 1;
        boolean print = false;
        for (; i < a.size() && a.get(i).startsWith("-") && !sh.assignArgs.containsKey(i); i++) {
            if (a.get(i).equals("--")) { i++; break; }
            if (a.get(i).contains("n")) unexport = true;
            if (a.get(i).contains("p")) print = true;
            if (a.get(i).contains("f")) { return 0; }
        }
        if (i >= a.size()) {
            for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                Variables.Var v = sh.vars.get(n);
                if (v.exported) sh.writeOut(declareLine(n, v).replaceFirst("^declare -", "declare -") + "\n");
            }
            return 0;
        }
        int st = 0;
        for (; i < a.size(); i++) {
            Assign as = sh.assignArgs.get(i);
            String name = as != null ? as.name() : a.get(i);
            if (!Parser.isName(name)) {
                err("export: `" + a.get(i) + "': not a valid identifier");
                st = 1;
                continue;
            }
            if (as != null) sh.assign(as, false);
            Variables.Var v = sh.vars.getOrCreate(name);
            v.exported = !unexport;
        }
        return st;
    }

    private int readonly(List<String> a) {
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-") && !sh.assignArgs.containsKey(i); i++) {
            if (a.get(i).equals("--")) { i++; break; }
        }
        if (i >= a.size()) {
            for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                Variables.Var v = sh.vars.get(n);
                if (v.readonly) sh.writeOut(declareLine(n, v) + "\n");
            }
            return 0;
        }
        int st = 0;
        for (; i < a.size(); i++) {
            Assign as = sh.assignArgs.get(i);
            String name = as != null ? as.name() : a.get(i);
            if (!Parser.isName(name)) { err("readonly: `" + a.get(i) + "': not a valid identifier"); st = 1; continue; }
            if (as != null) {
                Variables.Var v = sh.vars.get(name);
                if (v != null && v.readonly) { err(name + ": readonly variable"); st = 1; continue; }
                sh.assign(as, false);
            }
            sh.vars.getOrCreate(name).readonly = true;
        }
        return st;
    }

    private int unset(List<String> a) {
        boolean funcs = false, varsOnly = false;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-"); i++) {
            if (a.get(i).equals("-f")) funcs = true;
            else if (a.get(i).equals("-v")) varsOnly = true;
            else if (a.get(i).equals("--")) { i++; break; }
        }
        int st = 0;
        for (; i < a.size(); i++) {
            String n = a.get(i);
            if (funcs) { sh.functions.remove(n); continue; }
            int br = n.indexOf('[');
            if (br > 0 && n.endsWith("]")) {
                String base = n.substring(0, br);
                String idx = n.substring(br + 1, n.length() - 1);
                Variables.Var v = sh.vars.get(base);
                if (v == null) continue;
                if (idx.equals("@") || idx.equals("*")) { sh.vars.map.remove(base); continue; }
                if (v.assoc != null) v.assoc.remove(idx);
                else if (v.indexed != null) {
                    long k = sh.arith(idx);
                    if (k < 0 && !v.indexed.isEmpty()) k += v.indexed.lastKey() + 1;
                    v.indexed.remove(k);
                } else if (sh.arith(idx) == 0) v.value = null;
                continue;
            }
            if (!Parser.isName(n)) { err("unset: `" + n + "': not a valid identifier"); st = 1; continue; }
            Variables.Var v = sh.vars.get(n);
            if (v != null && v.readonly) { err("unset: " + n + ": cannot unset: readonly variable"); st = 1; continue; }
            if (v != null) {
                if (sh.vars.inFunction()) {
                    // unsetting a local leaves it unset in this scope; a global is removed
                    v.value = null;
                    v.indexed = null;
                    v.assoc = null;
                    boolean localHere = false;
                    for (var f : sh.vars.frames) if (f.containsKey(n)) localHere = true;
                    if (!localHere) sh.vars.map.remove(n);
                } else sh.vars.map.remove(n);
            } else if (!varsOnly) sh.functions.remove(n);
        }
        return st;
    }

    private int shift(List<String> a) {
        int n = 1;
        if (a.size() > 1) {
            try {
                n = Integer.parseInt(a.get(1));
            } catch (NumberFormatException e) {
                err("shift: " + a.get(1) + ": numeric argument required");
                return 1;
            }
        }
        if (n < 0) { err("shift: " + a.get(1) + ": shift count out of range"); return 1; }
        if (n > sh.positional.size()) return 1;
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        return 0;
    }

    private int set(List<String> a) {
        if (a.size() == 1) {
            for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                Variables.Var v = sh.vars.get(n);
                if (!v.isSet()) continue;
                if (v.indexed != null || v.assoc != null) {
                    String line = declareLine(n, v);
                    sh.writeOut(n + "=" + line.substring(line.indexOf('=') + 1) + "\n");
                } else sh.writeOut(n + "=" + Quoting.quote(v.value) + "\n");
            }
            return 0;
        }
        int i = 1;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--")) {
                sh.positional = new ArrayList<>(a.subList(i + 1, a.size()));
                return 0;
            }
            if (s.equals("-") ) { sh.opts.xtrace = false; sh.opts.verbose = false; i++; break; }
            if (!(s.startsWith("-") || s.startsWith("+")) || s.length() < 2) break;
            boolean on = s.charAt(0) == '-';
            for (int k = 1; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == 'o') {
                    if (i + 1 >= a.size()) {
                        for (var e : sh.opts.long_().entrySet()) {
                            if (on) sh.writeOut(String.format("%-15s\t%s\n", e.getKey(), e.getValue() ? "on" : "off"));
                            else sh.writeOut("set " + (e.getValue() ? "-o " : "+o ") + e.getKey() + "\n");
                        }
                        return 0;
                    }
                    String opt = a.get(++i);
                    if (!sh.opts.setLong(opt, on)) {
                        err("set: " + opt + ": invalid option name");
                        return 1;
                    }
                    break;
                }
                if (!sh.opts.setFlag(c, on)) {
                    err("set: " + (on ? "-" : "+") + c + ": invalid option");
                    sh.writeErr("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                    return 2;
                }
            }
        }
        if (i < a.size()) sh.positional = new ArrayList<>(a.subList(i, a.size()));
        return 0;
    }

    private int shopt(List<String> a) {
        boolean set = false, unset = false, quiet = false, print = false, oMode = false;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-"); i++) {
            for (char c : a.get(i).substring(1).toCharArray()) {
                switch (c) {
                    case 's' -> set = true;
                    case 'u' -> unset = true;
                    case 'q' -> quiet = true;
                    case 'p' -> print = true;
                    case 'o' -> oMode = true;
                    default -> { err("shopt: -" + c + ": invalid option"); return 2; }
                }
            }
        }
        Map<String, Boolean> all = oMode ? sh.opts.long_() : sh.opts.shopts();
        if (i >= a.size()) {
            for (var e : all.entrySet()) {
                if ((set && !e.getValue()) || (unset && e.getValue())) continue;
                sh.writeOut(print ? "shopt " + (e.getValue() ? "-s " : "-u ") + e.getKey() + "\n" : String.format("%-15s\t%s\n", e.getKey(), e.getValue() ? "on" : "off"));
            }
            return 0;
        }
        int st = 0;
        for (; i < a.size(); i++) {
            String n = a.get(i);
            if (set || unset) {
                boolean ok = oMode ? sh.opts.setLong(n, set) : sh.opts.setShopt(n, set);
                if (!ok) { err("shopt: " + n + ": invalid shell option name"); st = 1; }
            } else {
                Boolean v = all.get(n);
                if (v == null) { err("shopt: " + n + ": invalid shell option name"); st = 1; continue; }
                if (!quiet) sh.writeOut(String.format("%-15s\t%s\n", n, v ? "on" : "off"));
                if (!v) st = 1;
            }
        }
        return st;
    }

    // ---- control ----

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
        int st = sh.spawnAndWait(new ArrayList<>(argv), sh.exportedEnv());
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
            String found = searchPath(sh, file);
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
            sh.scriptName = savedScript;
            sh.cMode = savedC;
            sh.lineno = savedLine;
            sourceDepth--;
            if (a.size() > 2) sh.positional = savedPos;
        }
    }

    static String searchPath(Shell sh, String name) {
        String path = sh.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin";
        for (String d : path.split(":", -1)) {
            String cand = (d.isEmpty() ? "." : d) + "/" + name;
            try {
                FileStat st = sh.ctx.stat(cand);
                if (st.isRegular()) return cand;
            } catch (AgentOsException e) {
                // keep looking
            }
        }
        return null;
    }

    static String searchExecutable(Shell sh, String name) {
        String path = sh.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin";
        for (String d : path.split(":", -1)) {
            String cand = (d.isEmpty() ? "." : d) + "/" + name;
            try {
                FileStat st = sh.ctx.stat(cand);
                if (st.isRegular() && sh.ctx.access(cand, 1)) return cand;
            } catch (AgentOsException e) {
                // keep looking
            }
        }
        return null;
    }

    // ---- lookup ----

    private int type(List<String> a) {
        boolean tOnly = false, pOnly = false, all = false;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1; i++) {
            for (char c : a.get(i).substring(1).toCharArray()) {
                if (c == 't') tOnly = true;
                else if (c == 'p' || c == 'P') pOnly = true;
                else if (c == 'a') all = true;
            }
        }
        int st = 0;
        for (; i < a.size(); i++) {
            String n = a.get(i);
            boolean found = false;
            if (!pOnly && sh.aliases.containsKey(n)) {
                sh.writeOut(tOnly ? "alias\n" : n + " is aliased to `" + sh.aliases.get(n) + "'\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && KEYWORDS.contains(n)) {
                sh.writeOut(tOnly ? "keyword\n" : n + " is a shell keyword\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && sh.functions.containsKey(n)) {
                sh.writeOut(tOnly ? "function\n" : n + " is a function\n" + Unparser.function(sh.functions.get(n)) + "\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && table.containsKey(n)) {
                sh.writeOut(tOnly ? "builtin\n" : n + " is a shell builtin\n");
                found = true;
                if (!all) continue;
            }
            String path = n.contains("/") ? (exists(n) ? n : null) : searchExecutable(sh, n);
            if (path != null) {
                sh.writeOut(tOnly ? "file\n" : pOnly ? path + "\n" : n + " is " + path + "\n");
                found = true;
            }
            if (!found) {
                if (!tOnly && !pOnly) err("type: " + n + ": not found");
                st = 1;
            }
        }
        return st;
    }

    private boolean exists(String p) {
        try {
            sh.ctx.stat(p);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    private int command(List<String> a) {
        int i = 1;
        boolean v = false, bigV = false;
        for (; i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1; i++) {
            if (a.get(i).equals("--")) { i++; break; }
            for (char c : a.get(i).substring(1).toCharArray()) {
                if (c == 'v') v = true;
                else if (c == 'V') bigV = true;
            }
        }
        if (i >= a.size()) return 0;
        if (v || bigV) {
            int st = 0;
            for (; i < a.size(); i++) {
                String n = a.get(i);
                if (bigV) {
                    List<String> t = new ArrayList<>(List.of("type", n));
                    if (type(t) != 0) st = 1;
                    continue;
                }
                if (sh.aliases.containsKey(n)) sh.writeOut("alias " + n + "='" + sh.aliases.get(n) + "'\n");
                else if (sh.functions.containsKey(n) || table.containsKey(n) || KEYWORDS.contains(n)) sh.writeOut(n + "\n");
                else {
                    String p = n.contains("/") ? (exists(n) ? n : null) : searchExecutable(sh, n);
                    if (p == null) st = 1;
                    else sh.writeOut(p + "\n");
                }
            }
            return st;
        }
        List<String> argv = new ArrayList<>(a.subList(i, a.size()));
        Builtin b = table.get(argv.get(0));
        if (b != null) return b.run(argv);
        return sh.spawnAndWait(argv, sh.exportedEnv());
    }

    private int builtin(List<String> a) {
        if (a.size() < 2) return 0;
        Builtin b = table.get(a.get(1));
        if (b == null) {
            err("builtin: " + a.get(1) + ": not a shell builtin");
            return 1;
        }
        return b.run(new ArrayList<>(a.subList(1, a.size())));
    }

    private int hash(List<String> a) {
        if (a.size() == 1) {
            if (sh.hashed.isEmpty()) sh.writeOut("hash: hash table empty\n");
            else {
                sh.writeOut("hits\tcommand\n");
                for (var e : sh.hashed.entrySet()) sh.writeOut("   1\t" + e.getValue() + "\n");
            }
            return 0;
        }
        int st = 0;
        for (String n : a.subList(1, a.size())) {
            if (n.equals("-r")) { sh.hashed.clear(); continue; }
            if (n.startsWith("-")) continue;
            String p = searchExecutable(sh, n);
            if (p == null) { err("hash: " + n + ": not found"); st = 1; }
            else if (!table.containsKey(n)) sh.hashed.put(n, p);
        }
        return st;
    }

    private int alias(List<String> a) {
        if (a.size() == 1 || (a.size() == 2 && a.get(1).equals("-p"))) {
            for (var e : new TreeMap<>(sh.aliases).entrySet()) sh.writeOut("alias " + e.getKey() + "=" + Quoting.quoteAlways(e.getValue()) + "\n");
            return 0;
        }
        int st = 0;
        for (String s : a.subList(1, a.size())) {
            int eq = s.indexOf('=');
            if (eq > 0) sh.aliases.put(s.substring(0, eq), s.substring(eq + 1));
            else if (sh.aliases.containsKey(s)) sh.writeOut("alias " + s + "=" + Quoting.quoteAlways(sh.aliases.get(s)) + "\n");
            else { err("alias: " + s + ": not found"); st = 1; }
        }
        return st;
    }

    private int unalias(List<String> a) {
        int st = 0;
        for (String s : a.subList(1, a.size())) {
            if (s.equals("-a")) { sh.aliases.clear(); continue; }
            if (sh.aliases.remove(s) == null) { err("unalias: " + s + ": not found"); st = 1; }
        }
        return st;
    }

    private int getopts(List<String> a) {
        if (a.size() < 3) {
            err("getopts: usage: getopts optstring name [arg ...]");
            return 2;
        }
        String spec = a.get(1);
        String var = a.get(2);
        List<String> args = a.size() > 3 ? a.subList(3, a.size()) : sh.positional;
        boolean silent = spec.startsWith(":");
        if (silent) spec = spec.substring(1);
        int optind = (int) Shell.parseLongOr(sh.get("OPTIND") == null ? "1" : sh.get("OPTIND"), 1);
        if (optind < 1) optind = 1;
        if (optind == 1 && lastOptind != 1) getoptsChar = 1;
        lastOptind = optind;
        if (optind > args.size()) { sh.setVar(var, "?"); return 1; }
        String cur = args.get(optind - 1);
        if (getoptsChar == 1) {
            if (!cur.startsWith("-") || cur.equals("-")) { sh.setVar(var, "?"); return 1; }
            if (cur.equals("--")) { setOptind(optind + 1); sh.setVar(var, "?"); return 1; }
        }
        char c = cur.charAt(getoptsChar);
        getoptsChar++;
        boolean last = getoptsChar >= cur.length();
        int idx = spec.indexOf(c);
        Variables.Var optarg = sh.vars.get("OPTARG");
        if (idx < 0 || c == ':') {
            if (last) { getoptsChar = 1; setOptind(optind + 1); }
            if (silent) { sh.setVar("OPTARG", String.valueOf(c)); }
            else {
                sh.writeErr(sh.arg0 + ": illegal option -- " + c + "\n");
                if (optarg != null) sh.vars.map.remove("OPTARG");
            }
            sh.setVar(var, "?");
            return 0;
        }
        if (idx + 1 < spec.length() && spec.charAt(idx + 1) == ':') {
            if (!last) {
                sh.setVar("OPTARG", cur.substring(getoptsChar));
                getoptsChar = 1;
                setOptind(optind + 1);
            } else if (optind < args.size()) {
                sh.setVar("OPTARG", args.get(optind));
                getoptsChar = 1;
                setOptind(optind + 2);
            } else {
                getoptsChar = 1;
                setOptind(optind + 1);
                if (silent) { sh.setVar(var, ":"); sh.setVar("OPTARG", String.valueOf(c)); }
                else { sh.writeErr(sh.arg0 + ": option requires an argument -- " + c + "\n"); sh.setVar(var, "?"); sh.vars.map.remove("OPTARG"); }
                return 0;
            }
        } else {
            if (last) { getoptsChar = 1; setOptind(optind + 1); }
            sh.vars.map.remove("OPTARG");
        }
        sh.setVar(var, String.valueOf(c));
        return 0;
    }

    private int lastOptind = 1;

    private void setOptind(int n) {
        sh.setVar("OPTIND", Integer.toString(n));
        lastOptind = n;
    }

    // ---- jobs ----

    /** Reaps finished background jobs without blocking. */
    void pollJobs() {
        for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
            for (int k = 0; k < j.pids.size(); k++) {
                if (j.done[k]) continue;
                try {
                    Optional<WaitResult> r = sh.ctx.waitpid(j.pids.get(k), new WaitOptions(true, true, false));
                    if (r.isPresent()) {
                        ExitStatus s = r.get().status();
                        if (s instanceof ExitStatus.Stopped) j.stopped = true;
                        else { j.done[k] = true; j.statuses[k] = s.shellStatus(); }
                    }
                } catch (AgentOsException e) {
                    j.done[k] = true;
                }
            }
        }
    }

    private Jobs.Job jobSpec(String spec, String who) {
        Jobs.Job j;
        if (spec == null || spec.equals("%%") || spec.equals("%+") || spec.equals("%")) j = sh.jobs.current();
        else if (spec.equals("%-")) j = sh.jobs.previous();
        else if (spec.startsWith("%")) {
            String s = spec.substring(1);
            j = null;
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) j = sh.jobs.byId(Integer.parseInt(s));
            else for (Jobs.Job x : sh.jobs.list) if (x.command.startsWith(s)) j = x;
        } else {
            try {
                j = sh.jobs.byPid(Integer.parseInt(spec));
            } catch (NumberFormatException e) {
                j = null;
            }
        }
        if (j == null) err(who + ": " + (spec == null ? "current" : spec) + ": no such job");
        return j;
    }

    private int waitBuiltin(List<String> a) {
        List<String> args = new ArrayList<>(a.subList(1, a.size()));
        boolean anyOne = args.remove("-n");
        if (args.isEmpty()) {
            if (anyOne) {
                if (sh.jobs.list.isEmpty()) return 127;
                while (true) {
                    try {
                        Optional<WaitResult> r = sh.ctx.waitpid(-1, WaitOptions.BLOCK);
                        if (r.isEmpty()) return 127;
                        Jobs.Job j = sh.jobs.byPid(r.get().pid());
                        if (j != null) sh.jobs.remove(j);
                        return r.get().status().shellStatus();
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) { sh.runPendingTraps(); return 128 + 2; }
                        return 127;
                    }
                }
            }
            for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
                for (int k = 0; k < j.pids.size(); k++) {
                    if (j.done[k]) continue;
                    try {
                        Optional<WaitResult> r = sh.ctx.waitpid(j.pids.get(k), WaitOptions.BLOCK);
                        j.done[k] = true;
                        if (r.isPresent()) j.statuses[k] = r.get().status().shellStatus();
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) {
                            List<Signal> s = sh.ctx.takePendingSignals();
                            int sig = s.isEmpty() ? 2 : s.get(0).number();
                            for (Signal x : s) {
                                String h = sh.traps.get(x.shortName());
                                if (h != null && !h.isEmpty()) sh.runTrapText(h, sh.lastStatus);
                            }
                            return 128 + sig;
                        }
                        j.done[k] = true;
                    }
                }
                sh.jobs.remove(j);
            }
            return 0;
        }
        int st = 0;
        for (String s : args) {
            int pid;
            Jobs.Job j = null;
            if (s.startsWith("%")) {
                j = jobSpec(s, "wait");
                if (j == null) { st = 127; continue; }
                pid = j.lastPid();
            } else {
                try {
                    pid = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    err("wait: `" + s + "': not a pid or valid job spec");
                    st = 2;
                    continue;
                }
                j = sh.jobs.byPid(pid);
            }
            if (j == null) {
                err("wait: pid " + pid + " is not a child of this shell");
                st = 127;
                continue;
            }
            int k = j.pids.indexOf(pid);
            if (j.done[k]) { st = j.statuses[k]; }
            else {
                try {
                    Optional<WaitResult> r = sh.ctx.waitpid(pid, WaitOptions.BLOCK);
                    st = r.map(w -> w.status().shellStatus()).orElse(0);
                    if (r.isPresent() && r.get().status() instanceof ExitStatus.Signaled sg
                            && sg.signal() != Signal.SIGINT && sg.signal() != Signal.SIGPIPE && sg.signal() != Signal.SIGTERM) {
                        err(pid + " " + String.format("%-24s", sg.signal() == Signal.SIGKILL ? "Killed" : sg.signal().name()) + j.command);
                    }
                    j.done[k] = true;
                    j.statuses[k] = st;
                } catch (AgentOsException e) {
                    if (e.is(Errno.EINTR)) {
                        List<Signal> sig = sh.ctx.takePendingSignals();
                        for (Signal x : sig) {
                            String h = sh.traps.get(x.shortName());
                            if (h != null && !h.isEmpty()) sh.runTrapText(h, sh.lastStatus);
                        }
                        return 128 + (sig.isEmpty() ? 2 : sig.get(0).number());
                    }
                    st = 127;
                }
            }
            if (j.finished()) sh.jobs.remove(j);
        }
        return st;
    }

    private int jobs(List<String> a) {
        pollJobs();
        boolean pids = a.contains("-p");
        boolean longFmt = a.contains("-l");
        Jobs.Job cur = sh.jobs.current(), prev = sh.jobs.previous();
        for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
            if (pids) { sh.writeOut(j.pids.get(0) + "\n"); continue; }
            String state = j.finished() ? (j.status() == 0 ? "Done" : "Exit " + j.status()) : j.stopped ? "Stopped" : "Running";
            char mark = j == cur ? '+' : j == prev ? '-' : ' ';
            String cmd = j.command + (j.finished() || j.stopped ? "" : " &");
            sh.writeOut("[" + j.id + "]" + mark + "  " + (longFmt ? j.pids.get(0) + " " : "") + String.format("%-24s", state) + cmd + "\n");
            if (j.finished()) sh.jobs.remove(j);
        }
        return 0;
    }

    private int fg(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "fg");
        if (j == null) return 1;
        sh.writeOut(j.command + "\n");
        j.stopped = false;
        return sh.foreground(j, true);
    }

    private int bg(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "bg");
        if (j == null) return 1;
        j.stopped = false;
        sh.writeOut("[" + j.id + "]+ " + j.command + " &\n");
        try {
            sh.ctx.kill(-j.pgid, Signal.SIGCONT);
        } catch (AgentOsException e) {
            // already gone
        }
        return 0;
    }

    private int disown(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "disown");
        if (j == null) return 1;
        sh.jobs.remove(j);
        return 0;
    }

    private int kill(List<String> a) {
        if (a.size() < 2) {
            err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
            return 2;
        }
        Signal sig = Signal.SIGTERM;
        int i = 1;
        String first = a.get(1);
        if (first.equals("-l") || first.equals("-L")) {
            if (a.size() > 2) {
                int st = 0;
                for (String s : a.subList(2, a.size())) {
                    try {
                        int n = Integer.parseInt(s);
                        if (n > 128) n -= 128;
                        Optional<Signal> x = Signal.of(n);
                        if (x.isPresent()) sh.writeOut(x.get().shortName() + "\n");
                        else { err("kill: " + s + ": invalid signal specification"); st = 1; }
                    } catch (NumberFormatException e) {
                        Optional<Signal> x = Signal.parse(s);
                        if (x.isPresent()) sh.writeOut(x.get().number() + "\n");
                        else { err("kill: " + s + ": invalid signal specification"); st = 1; }
                    }
                }
                return st;
            }
            StringBuilder b = new StringBuilder();
            int k = 0;
            for (Signal s : Signal.values()) {
                b.append(String.format("%2d) %-10s", s.number(), s.name()));
                b.append(++k % 5 == 0 ? "\n" : "\t");
            }
            sh.writeOut(b.toString().stripTrailing() + "\n");
            return 0;
        }
        if (first.equals("-s") || first.equals("-n")) {
            if (a.size() < 3) { err("kill: " + first + ": option requires an argument"); return 2; }
            Optional<Signal> s = Signal.parse(a.get(2));
            if (s.isEmpty()) { err("kill: " + a.get(2) + ": invalid signal specification"); return 1; }
            sig = s.get();
            i = 3;
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            Optional<Signal> s = first.equals("-0") ? Optional.empty() : Signal.parse(first.substring(1));
            if (s.isEmpty() && !first.equals("-0")) { err("kill: " + first.substring(1) + ": invalid signal specification"); return 1; }
            sig = s.orElse(null);
            i = 2;
        } else if (first.equals("--")) i = 2;
        int st = 0;
        for (; i < a.size(); i++) {
            String t = a.get(i);
            int pid;
            if (t.startsWith("%")) {
                Jobs.Job j = jobSpec(t, "kill");
                if (j == null) { st = 1; continue; }
                pid = -j.pgid;
                if (j.pgid == sh.ctx.pgid()) pid = j.pids.get(0);
            } else {
                try {
                    pid = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    err("kill: " + t + ": arguments must be process or job IDs");
                    st = 1;
                    continue;
                }
            }
            try {
                if (sig == null) {
                    final int target = Math.abs(pid);
                    boolean alive = sh.ctx.processes().stream().anyMatch(p -> p.pid() == target && p.exitStatus().isEmpty());
                    if (!alive) throw AgentOsException.errnoDetail(Errno.ESRCH, "kill");
                } else sh.ctx.kill(pid, sig);
            } catch (AgentOsException e) {
                err("kill: (" + t + ") - " + Shell.strerror(e));
                st = 1;
            }
        }
        return st;
    }

    // ---- misc ----

    private int umask(List<String> a) {
        boolean symbolic = a.contains("-S");
        List<String> rest = new ArrayList<>(a.subList(1, a.size()));
        rest.remove("-S");
        rest.remove("-p");
        if (rest.isEmpty()) {
            int m = sh.ctx.umask();
            if (symbolic) {
                int p = ~m & 0777;
                sh.writeOut("u=" + rwx(p >> 6) + ",g=" + rwx(p >> 3) + ",o=" + rwx(p) + "\n");
            } else sh.writeOut(String.format("%04o\n", m));
            return 0;
        }
        try {
            sh.ctx.umask(Integer.parseInt(rest.get(0), 8));
        } catch (NumberFormatException e) {
            err("umask: " + rest.get(0) + ": octal number out of range");
            return 1;
        }
        return 0;
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "") + ((bits & 2) != 0 ? "w" : "") + ((bits & 1) != 0 ? "x" : "");
    }

    /**
     * ulimit: reports the VM's limits (they are fixed per VM, so a change is refused as bash refuses one
     * above the hard limit). There is no per-file size limit: -f is unlimited.
     */
    private int ulimit(List<String> a) {
        var limits = sh.ctx.limits();
        char which = 'f';
        boolean all = false;
        String value = null;
        for (String arg : a.subList(1, a.size())) {
            if (arg.equals("-a")) all = true;
            else if (arg.matches("-[HS]*[fnu][HS]*")) which = arg.replaceAll("[-HS]", "").charAt(0);
            else if (arg.matches("-[HS]+")) continue;
            else if (!arg.startsWith("-")) value = arg;
            else { err("ulimit: " + arg + ": invalid option"); return 2; }
        }
        String name = switch (which) { case 'n' -> "open files"; case 'u' -> "max user processes"; default -> "file size"; };
        String current = switch (which) {
            case 'n' -> Integer.toString(limits.maxOpenFiles());
            case 'u' -> Integer.toString(limits.maxProcesses());
            default -> "unlimited";
        };
        if (all) {
            sh.writeOut("file size                   (blocks, -f) unlimited\n"
                    + "open files                          (-n) " + limits.maxOpenFiles() + "\n"
                    + "max user processes                  (-u) " + limits.maxProcesses() + "\n");
            return 0;
        }
        if (value == null) {
            sh.writeOut(current + "\n");
            return 0;
        }
        if (value.equals(current)) return 0;
        err("ulimit: " + name + ": cannot modify limit: Operation not permitted");
        return 1;
    }

    private int let(List<String> a) {
        if (a.size() < 2) { err("let: expression expected"); return 1; }
        long v = 0;
        for (String e : a.subList(1, a.size())) v = sh.arith(e);
        return v == 0 ? 1 : 0;
    }

    private int mapfile(List<String> a) {
        String delim = "\n";
        boolean strip = false;
        long max = 0, skip = 0, origin = 0;
        boolean keepOld = false;
        int fd = 0;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-"); i++) {
            String o = a.get(i);
            switch (o) {
                case "-t" -> strip = true;
                case "-d" -> { delim = a.get(++i); if (delim.isEmpty()) delim = "\0"; else delim = delim.substring(0, 1); }
                case "-n" -> max = Long.parseLong(a.get(++i));
                case "-s" -> skip = Long.parseLong(a.get(++i));
                case "-O" -> { origin = Long.parseLong(a.get(++i)); keepOld = true; }
                case "-u" -> fd = Integer.parseInt(a.get(++i));
                case "-C", "-c" -> i++;
                default -> { }
            }
        }
        String name = i < a.size() ? a.get(i) : "MAPFILE";
        String data = Redirections.readAll(sh, fd);
        Variables.Var v = sh.vars.inFunction() && sh.vars.get(name) == null ? sh.vars.getOrCreate(name) : sh.vars.getOrCreate(name);
        if (v.indexed == null || !keepOld) v.indexed = new TreeMap<>();
        v.value = null;
        long idx = origin;
        int pos = 0;
        long count = 0, seen = 0;
        char d = delim.charAt(0);
        while (pos < data.length()) {
            int e = data.indexOf(d, pos);
            String line = e < 0 ? data.substring(pos) : data.substring(pos, strip ? e : e + 1);
            pos = e < 0 ? data.length() : e + 1;
            if (seen++ < skip) continue;
            if (max > 0 && count >= max) break;
            v.indexed.put(idx++, line);
            count++;
        }
        return 0;
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
            return kill(List.of("kill", "-l"));
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

    static Map<String, String> copy(Map<String, String> m) { return new HashMap<>(m); }
}
