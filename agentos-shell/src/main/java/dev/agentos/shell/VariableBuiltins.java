package dev.agentos.shell;

import dev.agentos.shell.Ast.Assign;
import dev.agentos.shell.Ast.FuncDef;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The builtins that create, inspect and remove variables: declare/typeset/local, export, readonly, unset,
 * let.
 */
final class VariableBuiltins {
    private final Shell sh;

    VariableBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("export", this::export);
            t.put("readonly", this::readonly);
            t.put("unset", this::unset);
            t.put("let", this::let);
            t.put("local", a -> declare(a, true));
            t.put("declare", a -> declare(a, false));
            t.put("typeset", a -> declare(a, false));
    }

    private void err(String msg) { sh.error(msg); }

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

    static String declareLine(String name, Variables.Var v) {
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
            if (!Lexer.isName(plain)) {
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
                sh.simple.assign(new Assign(plain, as.index(), as.value(), as.array(), as.append()), false);
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
            if (!Lexer.isName(name)) {
                err("export: `" + a.get(i) + "': not a valid identifier");
                st = 1;
                continue;
            }
            if (as != null) sh.simple.assign(as, false);
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
            if (!Lexer.isName(name)) { err("readonly: `" + a.get(i) + "': not a valid identifier"); st = 1; continue; }
            if (as != null) {
                Variables.Var v = sh.vars.get(name);
                if (v != null && v.readonly) { err(name + ": readonly variable"); st = 1; continue; }
                sh.simple.assign(as, false);
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
            if (!Lexer.isName(n)) { err("unset: `" + n + "': not a valid identifier"); st = 1; continue; }
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

    private int let(List<String> a) {
        if (a.size() < 2) { err("let: expression expected"); return 1; }
        long v = 0;
        for (String e : a.subList(1, a.size())) v = sh.arith(e);
        return v == 0 ? 1 : 0;
    }
}
