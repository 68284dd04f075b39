package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Parameter expansion: looks up $name, ${name[i]}, $@ and the specials, and applies the ${...} operators
 * (defaults, lengths, substrings, affix removal, replacement, case changes, @-transformations).
 */
final class ParameterExpansion {
    final Expander x;
    final Shell sh;

    ParameterExpansion(Expander x) {
        this.x = x;
        this.sh = x.sh;
    }

    /** Values of a parameter: null when unset; multi when it is $@, $* or an array with [@]/[*]. */
    record Value(List<String> values, boolean multi, boolean star) {
        String joined(String sep) { return values == null ? null : String.join(sep, values); }
        String single() { return values == null ? null : values.isEmpty() ? "" : multi ? String.join(" ", values) : values.get(0); }
    }

    Value lookup(String name, Word index) {
        if (index != null) {
            String il = index.literal();
            if ("@".equals(il) || "*".equals(il)) {
                if (name.equals("PIPESTATUS")) {
                    List<String> v = new ArrayList<>();
                    for (int s : sh.pipeStatus) v.add(Integer.toString(s));
                    return new Value(v, true, il.equals("*"));
                }
                if (name.equals("FUNCNAME")) {
                    List<String> v = new ArrayList<>(sh.funcNames.reversed());
                    if (!v.isEmpty()) v.add("main");
                    return new Value(v, true, il.equals("*"));
                }
                Variables.Var v = sh.vars.get(name);
                return new Value(v == null ? List.of() : v.values(), true, il.equals("*"));
            }
            Variables.Var v = sh.vars.get(name);
            String key;
            if (v != null && v.assoc != null) key = x.expandString(index);
            else key = Long.toString(sh.arith(x.expandArith(index)));
            if (name.equals("FUNCNAME")) {
                int i = (int) Shell.parseLongOr(key, 0);
                int n = sh.funcNames.size();
                String r = i < n ? sh.funcNames.get(n - 1 - i) : i == n && n > 0 ? "main" : null;
                return new Value(r == null ? null : List.of(r), false, false);
            }
            String s = sh.getElement(name, key);
            return new Value(s == null ? null : List.of(s), false, false);
        }
        switch (name) {
            case "@", "*" -> { return new Value(sh.positional, true, name.equals("*")); }
            case "#" -> { return single(Integer.toString(sh.positional.size())); }
            case "?" -> { return single(Integer.toString(sh.lastStatus)); }
            case "-" -> { return single(sh.opts.flags(sh.interactive, sh.cMode)); }
            case "$" -> { return single(Integer.toString(sh.shellPid)); }
            case "!" -> { return sh.lastBgPid < 0 ? new Value(null, false, false) : single(Integer.toString(sh.lastBgPid)); }
            case "0" -> { return single(sh.arg0); }
            default -> { }
        }
        char c0 = name.charAt(0);
        if (c0 >= '0' && c0 <= '9') {
            int n = Integer.parseInt(name);
            return n <= sh.positional.size() ? single(sh.positional.get(n - 1)) : new Value(null, false, false);
        }
        String v = sh.get(name);
        return v == null ? new Value(null, false, false) : single(v);
    }

    static Value single(String s) { return new Value(List.of(s), false, false); }

    Value paramValue(Param p) {
        String op = p.op();
        String name = p.name();
        if (op.equals("!prefix")) {
            List<String> names = new ArrayList<>();
            for (String k : sh.vars.map.keySet()) if (k.startsWith(name) && sh.vars.map.get(k).isSet()) names.add(k);
            names.sort(null);
            return new Value(names, true, false);
        }
        if (op.equals("!keys")) {
            Variables.Var var = sh.vars.get(name);
            return new Value(var == null ? List.of() : var.keys(), true, "*".equals(p.index().literal()));
        }
        Value v;
        if (op.startsWith("!")) {
            Value ref = lookup(name, p.index());
            String target = ref.single();
            if (target == null || target.isEmpty()) {
                if (target == null) { sh.error(name + ": invalid indirect expansion"); throw new Shell.CommandFailed(1, true); }
                v = new Value(null, false, false);
            } else {
                int br = target.indexOf('[');
                if (br > 0 && target.endsWith("]")) {
                    Word idx = new Parser(target.substring(br + 1, target.length() - 1)).words.parseEmbedded(WordParser.Mode.ARITH);
                    v = lookup(target.substring(0, br), idx);
                } else if (Lexer.isName(target) || target.chars().allMatch(Character::isDigit) || "@*#?-$!".contains(target)) {
                    v = lookup(target, null);
                } else {
                    sh.error(target + ": invalid variable name");
                    throw new Shell.CommandFailed(1, true);
                }
            }
            op = op.equals("!ind") ? "" : op.substring(1);
        } else {
            v = lookup(name, p.index());
        }
        if (op.equals("#len")) {
            if (v.multi) return single(Integer.toString(v.values.size()));
            if (v.values == null) { checkUnset(p); return single("0"); }
            String s = v.single();
            int len = cLocale() ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
            return single(Integer.toString(len));
        }
        switch (op) {
            case "" -> {
                if (v.values == null) checkUnset(p);
                return v;
            }
            case "-", ":-", "=", ":=", "?", ":?", "+", ":+" -> {
                boolean colon = op.startsWith(":");
                boolean unset = v.values == null || (colon && (v.multi ? v.values.isEmpty() || (v.values.size() == 1 && v.values.get(0).isEmpty()) : v.single().isEmpty()));
                if (v.multi && v.values != null && !colon && v.values.isEmpty()) unset = true;
                char k = op.charAt(op.length() - 1);
                if (k == '+') return unset ? new Value(List.of(""), false, false) : single(x.expandString(p.arg()));
                if (!unset) return v;
                String word = x.expandString(p.arg());
                if (k == '-') return single(word);
                if (k == '=') {
                    if (p.index() != null) sh.setElement(name, Long.toString(sh.arith(x.expandArith(p.index()))), word);
                    else if (!Lexer.isName(name)) { sh.error("$" + name + ": cannot assign in this way"); throw new Shell.CommandFailed(1, true); }
                    else sh.setVar(name, word);
                    return single(word);
                }
                sh.error(name + ": " + (word.isEmpty() ? (colon ? "parameter null or not set" : "parameter not set") : word));
                if (sh.interactive) throw new Shell.CommandFailed(1, true);
                throw new Shell.ExitException(sh.subshellLevel > 0 ? 1 : 127);
            }
            default -> { }
        }
        if (v.values == null) {
            checkUnset(p);
            if (op.equals(":")) return new Value(null, false, false);
            v = single("");
            if (op.startsWith("@") || op.startsWith("#") || op.startsWith("%") || op.startsWith("/") || op.startsWith("^") || op.startsWith(",")) {
                return new Value(null, false, false);
            }
        }
        if (op.equals(":")) return substring(p, v);
        List<String> out = new ArrayList<>(v.values.size());
        switch (op) {
            case "#", "##", "%", "%%" -> {
                String pat = x.expandPattern(p.arg());
                for (String s : v.values) out.add(removeAffix(s, pat, op));
            }
            case "/", "//", "/#", "/%" -> {
                String pat = x.expandPattern(p.arg());
                String rep = p.arg2() == null ? "" : x.expandString(p.arg2());
                for (String s : v.values) out.add(replace(s, pat, rep, op));
            }
            case "^", "^^", ",", ",," -> {
                String pat = p.arg() == null ? "" : x.expandPattern(p.arg());
                for (String s : v.values) out.add(caseMod(s, op, pat));
            }
            case "@" -> {
                String t = p.arg() == null ? "" : p.arg().raw();
                for (String s : v.values) out.add(transform(s, t, name));
            }
            default -> throw new Shell.CommandFailed(1, true);
        }
        return new Value(out, v.multi, v.star);
    }

    void checkUnset(Param p) {
        if (!sh.opts.nounset) return;
        String n = p.name();
        if (n.equals("@") || n.equals("*")) return;
        if (p.index() != null && ("@".equals(p.index().literal()) || "*".equals(p.index().literal()))) return;
        String shown = p.index() == null ? n : n + "[" + p.index().raw() + "]";
        sh.error(shown + ": unbound variable");
        if (sh.interactive) throw new Shell.CommandFailed(1, true);
        throw new Shell.ExitException(sh.subshellLevel > 0 ? 1 : 127);
    }

    Value substring(Param p, Value v) {
        long off = sh.arith(x.expandArith(p.arg()));
        boolean hasLen = p.arg2() != null;
        long len = hasLen ? sh.arith(x.expandArith(p.arg2())) : 0;
        if (v.multi) {
            List<String> vals = v.values;
            boolean positional = p.name().equals("@") || p.name().equals("*");
            if (positional) {
                vals = new ArrayList<>();
                vals.add(sh.arg0);
                vals.addAll(sh.positional);
                if (off == 0) off = 0; else if (off > 0) { } else off = vals.size() + off;
                if (off < 0) return new Value(List.of(), true, v.star);
            } else if (off < 0) off = vals.size() + off;
            if (off < 0) return new Value(List.of(), true, v.star);
            if (hasLen && len < 0) {
                sh.error(p.arg2().raw().strip() + ": substring expression < 0");
                throw new Shell.CommandFailed(1, true);
            }
            long end = hasLen ? (len < 0 ? vals.size() + len : off + len) : vals.size();
            if (hasLen && len < 0 && end < off) {
                sh.error(p.arg2().raw() + ": substring expression < 0");
                throw new Shell.CommandFailed(1, true);
            }
            end = Math.min(end, vals.size());
            if (off >= end) return new Value(List.of(), true, v.star);
            return new Value(new ArrayList<>(vals.subList((int) off, (int) end)), true, v.star);
        }
        String s = v.single();
        int n = s.length();
        if (off < 0) off = n + off;
        if (off < 0 || off > n) return single("");
        long end;
        if (!hasLen) end = n;
        else if (len < 0) {
            end = n + len;
            if (end < off) {
                sh.error(p.arg2().raw().strip() + ": substring expression < 0");
                throw new Shell.CommandFailed(1, true);
            }
        } else end = Math.min(n, off + len);
        return single(s.substring((int) off, (int) end));
    }

    static String removeAffix(String s, String pat, String op) {
        boolean prefix = op.startsWith("#");
        boolean longest = op.length() == 2;
        if (!Patterns.hasMeta(pat)) {
            String lit = Patterns.unescape(pat);
            if (prefix) return s.startsWith(lit) ? s.substring(lit.length()) : s;
            return s.endsWith(lit) ? s.substring(0, s.length() - lit.length()) : s;
        }
        java.util.regex.Pattern re = Patterns.glob(pat);
        int n = s.length();
        if (prefix) {
            if (longest) { for (int i = n; i >= 0; i--) if (re.matcher(s.substring(0, i)).matches()) return s.substring(i); }
            else { for (int i = 0; i <= n; i++) if (re.matcher(s.substring(0, i)).matches()) return s.substring(i); }
        } else {
            if (longest) { for (int i = 0; i <= n; i++) if (re.matcher(s.substring(i)).matches()) return s.substring(0, i); }
            else { for (int i = n; i >= 0; i--) if (re.matcher(s.substring(i)).matches()) return s.substring(0, i); }
        }
        return s;
    }

    static String replace(String s, String pat, String rep, String op) {
        if (pat.isEmpty()) return op.equals("/#") ? rep + s : op.equals("/%") ? s + rep : s;
        java.util.regex.Pattern re = Patterns.glob(pat);
        int n = s.length();
        if (op.equals("/#")) {
            for (int i = n; i >= 0; i--) if (re.matcher(s.substring(0, i)).matches()) return rep + s.substring(i);
            return s;
        }
        if (op.equals("/%")) {
            for (int i = 0; i <= n; i++) if (re.matcher(s.substring(i)).matches()) return s.substring(0, i) + rep;
            return s;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        boolean all = op.equals("//");
        boolean done = false;
        while (i <= n) {
            int matchEnd = -1;
            if (!done) {
                Matcher m = re.matcher(s);
                for (int e = n; e > i; e--) {
                    m.region(i, e);
                    if (m.matches()) { matchEnd = e; break; }
                }
            }
            if (matchEnd > i) {
                b.append(rep);
                i = matchEnd;
                if (!all) done = true;
            } else {
                if (i < n) b.append(s.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    /** True in the C/POSIX locale: lengths count bytes and case mapping touches ASCII only. */
    boolean cLocale() {
        for (String n : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = sh.get(n);
            if (v != null && !v.isEmpty()) return v.equals("C") || v.equals("POSIX");
        }
        return true;
    }

    String caseMod(String s, String op, String pat) {
        if (cLocale()) {
            StringBuilder b = new StringBuilder(s);
            boolean upper = op.startsWith("^");
            for (int i = 0; i < (op.length() == 2 ? s.length() : Math.min(1, s.length())); i++) {
                char c = s.charAt(i);
                if (c >= 128) continue;
                if (!pat.isEmpty() && !Patterns.matches(pat, String.valueOf(c))) continue;
                b.setCharAt(i, upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return b.toString();
        }
        return caseModUnicode(s, op, pat);
    }

    static String caseModUnicode(String s, String op, String pat) {
        if (s.isEmpty()) return s;
        boolean upper = op.startsWith("^");
        boolean all = op.length() == 2;
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < (all ? s.length() : 1); i++) {
            char c = s.charAt(i);
            if (!pat.isEmpty() && !Patterns.matches(pat, String.valueOf(c))) continue;
            b.setCharAt(i, upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }

    String transform(String s, String t, String name) {
        return switch (t) {
            case "Q" -> Quoting.quoteAlways(s);
            case "E" -> Escapes.ansiC(s);
            case "P" -> Prompt.expand(sh, s);
            case "U" -> s.toUpperCase();
            case "u" -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            case "L" -> s.toLowerCase();
            case "A" -> name + "=" + Quoting.quoteAlways(s);
            case "a" -> VariableBuiltins.attributes(sh.vars.get(name));
            case "K" -> Quoting.quoteAlways(s);
            default -> s;
        };
    }
}
