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
    final Shell sh;
    final List<Integer> procSubFds = new ArrayList<>();
    final ParameterExpansion params;

    Expander(Shell sh) {
        this.sh = sh;
        this.params = new ParameterExpansion(this);
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

    private void param(Param p, boolean quoted, Fields f) {
        ParameterExpansion.Value v = params.paramValue(p);
        emit(v, quoted, f);
    }

    private void emit(ParameterExpansion.Value v, boolean quoted, Fields f) {
        if (v.values() == null) return;
        if (v.multi()) {
            if (quoted && v.star()) { f.quoted(v.joined(ifs().isEmpty() ? "" : ifs().substring(0, 1))); return; }
            List<String> vals = v.values();
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
        String s = v.values().isEmpty() ? "" : v.values().get(0);
        if (quoted) f.quoted(s); else f.unquoted(s);
    }
}
