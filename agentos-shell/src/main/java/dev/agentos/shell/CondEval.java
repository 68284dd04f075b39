package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates [[ ]]: patterns on the right of == and !=, EREs for =~ (setting BASH_REMATCH), no splitting. */
final class CondEval {
    private final Shell sh;

    CondEval(Shell sh) { this.sh = sh; }

    boolean eval(Cond c) {
        return switch (c) {
            case CondAnd a -> eval(a.l()) && eval(a.r());
            case CondOr o -> eval(o.l()) || eval(o.r());
            case CondNot n -> !eval(n.c());
            case CondWord w -> !sh.expander.expandString(w.w()).isEmpty();
            case CondUnary u -> TestCommand.unary(sh, u.op(), sh.expander.expandString(u.w()));
            case CondBinary b -> binary(b);
        };
    }

    private boolean binary(CondBinary b) {
        String l = sh.expander.expandString(b.l());
        switch (b.op()) {
            case "==", "=", "!=" -> {
                String pat = sh.expander.expandPattern(b.r());
                boolean m = sh.opts.nocasematch ? Patterns.glob("(?i)" + pat).matcher(l).matches() : Patterns.matches(pat, l);
                return b.op().equals("!=") != m;
            }
            case "=~" -> {
                String re = regexText(b.r());
                Pattern p = Patterns.ere(re);
                if (p == null) return false;
                Matcher m = p.matcher(l);
                Variables.Var v = sh.vars.getOrCreate("BASH_REMATCH");
                v.indexed = new java.util.TreeMap<>();
                v.value = null;
                if (!m.find()) return false;
                for (int i = 0; i <= m.groupCount(); i++) v.indexed.put((long) i, m.group(i) == null ? "" : m.group(i));
                return true;
            }
            case "<" -> { return l.compareTo(sh.expander.expandString(b.r())) < 0; }
            case ">" -> { return l.compareTo(sh.expander.expandString(b.r())) > 0; }
            default -> {
                String r = sh.expander.expandString(b.r());
                if (List.of("-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(b.op())) {
                    long x = sh.arith(l.isEmpty() ? "0" : l), y = sh.arith(r.isEmpty() ? "0" : r);
                    return TestCommand.compare(b.op(), x, y);
                }
                return TestCommand.binaryFile(sh, b.op(), l, r);
            }
        }
    }

    /** The regex: quoted parts match literally. */
    private String regexText(Word w) {
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) {
            switch (p) {
                case Lit l -> b.append(l.text());
                case Quoted q -> b.append(quoteRe(q.text()));
                case Dq d -> b.append(quoteRe(sh.expander.expandString(new Word(d.parts(), ""))));
                default -> b.append(sh.expander.expandString(new Word(List.of(p), "")));
            }
        }
        return b.toString();
    }

    private static String quoteRe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }
}
