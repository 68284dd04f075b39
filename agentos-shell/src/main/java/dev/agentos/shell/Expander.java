package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/** Word expansion: tilde, parameters, command and arithmetic substitution, field splitting, pathnames. */
final class Expander {
    private static final ConcurrentHashMap<String, Word> ARITH_TEXT = new ConcurrentHashMap<>();
    private final Shell sh;
    final List<Integer> procSubFds = new ArrayList<>();

    Expander(Shell sh) {
        this.sh = sh;
    }

    /** Accumulates fields; {@code pat} mirrors {@code cur} with quoted glob characters escaped. */
    private final class Fields {
        final List<String> out = new ArrayList<>();
        final List<String> pats = new ArrayList<>();
        final List<Boolean> globs = new ArrayList<>();
        final StringBuilder cur = new StringBuilder();
        final StringBuilder pat = new StringBuilder();
        boolean started, hasGlob, wsPending;
        final boolean split;

        Fields(boolean split) { this.split = split; }

        void quoted(String s) {
            cur.append(s);
            if (split) pat.append(Patterns.escape(s));
            started = true;
            wsPending = false;
        }

        void literal(String s) {
            cur.append(s);
            if (split) {
                pat.append(s);
                if (!hasGlob && Patterns.hasMeta(s)) hasGlob = true;
            }
            started = true;
            wsPending = false;
        }

        void end() {
            out.add(cur.toString());
            pats.add(pat.toString());
            globs.add(hasGlob);
            cur.setLength(0);
            pat.setLength(0);
            started = false;
            hasGlob = false;
        }

        /** Unquoted expansion result: split on IFS, glob characters active. */
        void unquoted(String s) {
            if (!split) { cur.append(s); started = started || !s.isEmpty(); return; }
            String ifs = ifs();
            if (ifs.isEmpty()) { if (!s.isEmpty()) literal(s); return; }
            int runStart = -1;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (ifs.indexOf(c) >= 0) {
                    if (runStart >= 0) { literal(s.substring(runStart, i)); runStart = -1; }
                    if (c == ' ' || c == '\t' || c == '\n') {
                        if (started) { end(); wsPending = true; }
                    } else {
                        if (started) end();
                        else if (!wsPending) end();
                        wsPending = false;
                    }
                } else if (runStart < 0) runStart = i;
            }
            if (runStart >= 0) literal(s.substring(runStart));
        }

        void finish() { if (started) end(); }
    }

    String ifs() {
        String s = sh.get("IFS");
        return s == null ? " \t\n" : s;
    }

    // ---- entry points ----

    List<String> expandCommandWords(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        Map<Integer, Assign> assigns = null;
        for (Word w : words) {
            if (w.parts().size() == 1 && w.parts().get(0) instanceof AssignArg aa) {
                if (assigns == null) assigns = new HashMap<>();
                assigns.put(out.size(), aa.assign());
                out.add(aa.assign().name());
                continue;
            }
            String lit = w.parts().size() == 1 && w.parts().get(0) instanceof Lit l ? l.text() : null;
            if (lit != null && !Patterns.hasMeta(lit)) { out.add(lit); continue; }
            expandInto(w, out);
        }
        sh.assignArgs = assigns == null ? Map.of() : assigns;
        return out;
    }

    List<String> expandWords(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) expandInto(w, out);
        return out;
    }

    private void expandInto(Word w, List<String> out) {
        Fields f = new Fields(true);
        for (Part p : w.parts()) part(p, false, f);
        f.finish();
        for (int i = 0; i < f.out.size(); i++) {
            if (f.globs.get(i) && !sh.opts.noglob) {
                List<String> matches = Glob.expand(sh, f.pats.get(i));
                if (!matches.isEmpty()) { out.addAll(matches); continue; }
                if (sh.opts.nullglob) continue;
                if (sh.opts.failglob) {
                    sh.error("no match: " + f.out.get(i));
                    throw new Shell.CommandFailed(1, true);
                }
            }
            out.add(f.out.get(i));
        }
    }

    /** Expands without splitting or globbing (assignments, here-docs, case subjects, [[ ]] operands). */
    String expandString(Word w) {
        if (w == null) return "";
        List<Part> parts = w.parts();
        if (parts.size() == 1) {
            Part p = parts.get(0);
            if (p instanceof Lit l) return l.text();
            if (p instanceof Quoted q) return q.text();
        }
        Fields f = new Fields(false);
        for (Part p : parts) part(p, true, f);
        return f.cur.toString();
    }

    /** Expands to a shell pattern: quoted parts escaped, unquoted glob characters active. */
    String expandPattern(Word w) {
        if (w == null) return "";
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) patternPart(p, false, b);
        return b.toString();
    }

    private void patternPart(Part p, boolean quoted, StringBuilder b) {
        switch (p) {
            case Lit l -> b.append(quoted ? Patterns.escape(l.text()) : l.text());
            case Quoted q -> b.append(Patterns.escape(q.text()));
            case Dq d -> { for (Part x : d.parts()) patternPart(x, true, b); }
            default -> {
                Fields f = new Fields(false);
                part(p, true, f);
                b.append(quoted ? Patterns.escape(f.cur.toString()) : f.cur);
            }
        }
    }

    /** The text of an arithmetic expression after expansion. */
    String expandArith(Word w) {
        if (w.parts().size() == 1 && w.parts().get(0) instanceof Lit l) return l.text();
        return expandString(w);
    }

    String expandArithText(String text) {
        Word w = ARITH_TEXT.get(text);
        if (w == null) {
            w = new Parser(text, sh.lineno).words.parseEmbedded(WordParser.Mode.ARITH);
            if (ARITH_TEXT.size() < 10_000) ARITH_TEXT.put(text, w);
        }
        return expandArith(w);
    }

    /** An array literal element [key]=value, or null. */
    static Assign elementAssign(Word w) {
        String raw = w.raw();
        if (!raw.startsWith("[") || !(w.parts().get(0) instanceof Lit)) return null;
        int close = raw.indexOf("]=");
        if (close < 0) return null;
        Word index = new Parser(raw.substring(1, close)).words.parseEmbedded(WordParser.Mode.ARITH);
        Word value = new Parser(raw.substring(close + 2)).words.readWord(true);
        return new Assign("", index, value == null ? new Word(List.of(), "") : value, null, false);
    }

    // ---- parts ----

    private void part(Part p, boolean quoted, Fields f) {
        switch (p) {
            case Lit l -> { if (quoted) f.quoted(l.text()); else f.literal(l.text()); }
            case Quoted q -> f.quoted(q.text());
            case Dq d -> {
                if (d.parts().isEmpty()) { f.quoted(""); return; }
                boolean onlyAt = d.parts().size() == 1 && d.parts().get(0) instanceof Param pp && isAtLike(pp);
                if (!onlyAt) f.started = true;
                for (Part x : d.parts()) part(x, true, f);
            }
            case Param pp -> param(pp, quoted, f);
            case CmdSub c -> {
                String out = commandSub(c);
                if (quoted) f.quoted(out); else f.unquoted(out);
            }
            case ArithSub a -> {
                String v = Long.toString(sh.arith(expandArith(a.expr())));
                if (quoted) f.quoted(v); else f.unquoted(v);
            }
            case Tilde t -> f.quoted(tilde(t.user()));
            case ProcSub ps -> f.quoted(procSub(ps));
            case AssignArg aa -> f.quoted(aa.assign().name());
        }
    }

    private static boolean isAtLike(Param p) {
        if (!p.op().isEmpty() && !p.op().equals(":") && !p.op().startsWith("/") && !p.op().startsWith("#") && !p.op().startsWith("%")
                && !p.op().equals("!keys")) return false;
        if (p.name().equals("@")) return true;
        return p.index() != null && "@".equals(p.index().literal());
    }

    private String commandSub(CmdSub c) {
        if (c.body() instanceof Simple s && s.words().isEmpty() && s.assigns().isEmpty() && s.redirs().size() == 1
                && s.redirs().get(0).op().equals("<")) {
            String path = expandString(s.redirs().get(0).target());
            try {
                String text = Redirections.readFile(sh, path);
                int end = text.length();
                while (end > 0 && text.charAt(end - 1) == '\n') end--;
                return text.substring(0, end);
            } catch (AgentOsException e) {
                sh.error(path + ": " + Shell.strerror(e));
                return "";
            }
        }
        return sh.pipelines.commandSubstitution(c.body());
    }

    String tilde(String user) {
        switch (user) {
            case "" -> { String h = sh.get("HOME"); return h == null ? "/home/agentos" : h; }
            case "+" -> { String p = sh.get("PWD"); return p == null ? sh.ctx.cwd() : p; }
            case "-" -> { String p = sh.get("OLDPWD"); return p == null ? "~-" : p; }
            default -> {
                try {
                    String passwd = Redirections.readFile(sh, "/etc/passwd");
                    for (String line : passwd.split("\n")) {
                        String[] f = line.split(":");
                        if (f.length >= 6 && f[0].equals(user)) return f[5];
                    }
                } catch (AgentOsException e) {
                    // no passwd file
                }
                return "~" + user;
            }
        }
    }

    private String procSub(ProcSub ps) {
        int[] pipe = sh.ctx.pipe();
        int keep = ps.input() ? pipe[0] : pipe[1];
        int give = ps.input() ? pipe[1] : pipe[0];
        try {
            sh.children.forkProgram(child -> child.exec(ps.body()),
                    List.of(new FdAction.Dup2(give, ps.input() ? 1 : 0), new FdAction.Close(give), new FdAction.Close(keep)),
                    SpawnRequest.ProcessGroup.INHERIT);
        } finally {
            sh.ctx.close(give);
        }
        int fd = sh.ctx.dupAtLeast(keep, 60);
        sh.ctx.close(keep);
        procSubFds.add(fd);
        return "/dev/fd/" + fd;
    }

    void closeProcSubs() {
        for (int fd : procSubFds) {
            try { sh.ctx.close(fd); } catch (AgentOsException ignored) { /* closed by the command */ }
        }
        procSubFds.clear();
    }

    // ---- parameters ----

    /** Values of a parameter: null when unset; multi when it is $@, $* or an array with [@]/[*]. */
    private record Value(List<String> values, boolean multi, boolean star) {
        String joined(String sep) { return values == null ? null : String.join(sep, values); }
        String single() { return values == null ? null : values.isEmpty() ? "" : multi ? String.join(" ", values) : values.get(0); }
    }

    private Value lookup(String name, Word index) {
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
            if (v != null && v.assoc != null) key = expandString(index);
            else key = Long.toString(sh.arith(expandArith(index)));
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

    private static Value single(String s) { return new Value(List.of(s), false, false); }

    private void param(Param p, boolean quoted, Fields f) {
        Value v = paramValue(p);
        emit(v, quoted, f);
    }

    private void emit(Value v, boolean quoted, Fields f) {
        if (v.values == null) return;
        if (v.multi) {
            if (quoted && v.star) { f.quoted(v.joined(ifs().isEmpty() ? "" : ifs().substring(0, 1))); return; }
            List<String> vals = v.values;
            for (int i = 0; i < vals.size(); i++) {
                if (i > 0) {
                    if (quoted) { f.end(); f.started = true; }
                    else if (f.started) f.end();
                }
                if (quoted) f.quoted(vals.get(i));
                else f.unquoted(vals.get(i));
            }
            return;
        }
        String s = v.values.isEmpty() ? "" : v.values.get(0);
        if (quoted) f.quoted(s); else f.unquoted(s);
    }

    private Value paramValue(Param p) {
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
                if (k == '+') return unset ? new Value(List.of(""), false, false) : single(expandString(p.arg()));
                if (!unset) return v;
                String word = expandString(p.arg());
                if (k == '-') return single(word);
                if (k == '=') {
                    if (p.index() != null) sh.setElement(name, Long.toString(sh.arith(expandArith(p.index()))), word);
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
                String pat = expandPattern(p.arg());
                for (String s : v.values) out.add(removeAffix(s, pat, op));
            }
            case "/", "//", "/#", "/%" -> {
                String pat = expandPattern(p.arg());
                String rep = p.arg2() == null ? "" : expandString(p.arg2());
                for (String s : v.values) out.add(replace(s, pat, rep, op));
            }
            case "^", "^^", ",", ",," -> {
                String pat = p.arg() == null ? "" : expandPattern(p.arg());
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

    private void checkUnset(Param p) {
        if (!sh.opts.nounset) return;
        String n = p.name();
        if (n.equals("@") || n.equals("*")) return;
        if (p.index() != null && ("@".equals(p.index().literal()) || "*".equals(p.index().literal()))) return;
        String shown = p.index() == null ? n : n + "[" + p.index().raw() + "]";
        sh.error(shown + ": unbound variable");
        if (sh.interactive) throw new Shell.CommandFailed(1, true);
        throw new Shell.ExitException(sh.subshellLevel > 0 ? 1 : 127);
    }

    private Value substring(Param p, Value v) {
        long off = sh.arith(expandArith(p.arg()));
        boolean hasLen = p.arg2() != null;
        long len = hasLen ? sh.arith(expandArith(p.arg2())) : 0;
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

    private String caseMod(String s, String op, String pat) {
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

    private static String caseModUnicode(String s, String op, String pat) {
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

    private String transform(String s, String t, String name) {
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
