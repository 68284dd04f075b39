package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.List;

/** Turns a syntax tree back into text in bash's layout: declare -f, type, job listings. */
final class Unparser {
    private final StringBuilder b = new StringBuilder();

    private Unparser() {}

    static String text(Command c) {
        Unparser u = new Unparser();
        u.cmd(c, 0, true);
        return u.b.toString().strip();
    }

    /** $BASH_COMMAND: the command about to run, as bash prints it (a compound command's head only). */
    static String head(Command c) {
        return switch (c) {
            case For f -> "for " + f.var() + (f.items() == null ? "" : " in " + joined(f.items()));
            case Select f -> "select " + f.var() + (f.items() == null ? "" : " in " + joined(f.items()));
            case Case k -> "case " + k.subject().raw() + " in ";
            case ArithCmd a -> "(( " + a.expr().raw().strip() + " ))";
            case ArithFor f -> "(( " + f.init() + " ))";
            default -> text(c);
        };
    }

    private static String joined(List<Word> ws) {
        Unparser u = new Unparser();
        u.words(ws);
        return u.b.toString();
    }

    static String function(FuncDef f) {
        Unparser u = new Unparser();
        u.b.append(f.name()).append(" () \n");
        Command body = f.body();
        if (body instanceof Group g) {
            u.b.append("{ \n");
            u.list(g.body(), 1);
            u.b.append("}");
        } else {
            u.cmd(body, 0, false);
        }
        return u.b.toString();
    }

    private void indent(int n) { b.append("    ".repeat(n)); }

    private void list(Command c, int level) {
        List<Command> items = c instanceof Sequence s ? s.items() : List.of(c);
        for (int i = 0; i < items.size(); i++) {
            indent(level);
            cmd(items.get(i), level, true);
            b.append(i < items.size() - 1 && !(items.get(i) instanceof Background) ? ";\n" : "\n");
        }
    }

    private void words(List<Word> ws) {
        for (int i = 0; i < ws.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(ws.get(i).raw());
        }
    }

    private void redirs(List<Redir> rs) {
        for (Redir r : rs) {
            b.append(' ');
            if (r.fd() >= 0) b.append(r.fd());
            b.append(r.op());
            if (r.heredoc() != null) b.append(r.heredoc().delimiter);
            else b.append(' ').append(r.target().raw());
        }
    }

    private void cmd(Command c, int level, boolean inline) {
        switch (c) {
            case Simple s -> {
                boolean first = true;
                for (Assign a : s.assigns()) {
                    if (!first) b.append(' ');
                    first = false;
                    b.append(a.name()).append(a.append() ? "+=" : "=").append(a.value() == null ? "(...)" : a.value().raw());
                }
                if (!s.words().isEmpty()) {
                    if (!first) b.append(' ');
                    words(s.words());
                }
                redirs(s.redirs());
            }
            case Pipeline p -> {
                if (p.bang()) b.append("! ");
                for (int i = 0; i < p.cmds().size(); i++) {
                    if (i > 0) b.append(" | ");
                    cmd(p.cmds().get(i), level, true);
                }
            }
            case AndOr a -> {
                cmd(a.left(), level, true);
                b.append(a.and() ? " && " : " || ");
                cmd(a.right(), level, true);
            }
            case Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    if (i > 0) b.append("; ");
                    cmd(s.items().get(i), level, true);
                }
            }
            case Background bg -> { cmd(bg.cmd(), level, true); b.append(" &"); }
            case Subshell s -> { b.append("( "); cmd(s.body(), level, true); b.append(" )"); }
            case Group g -> { b.append("{ \n"); list(g.body(), level + 1); indent(level); b.append("}"); }
            case If i -> {
                for (int k = 0; k < i.conds().size(); k++) {
                    b.append(k == 0 ? "if " : "elif ");
                    cmd(i.conds().get(k), level, true);
                    b.append("; then\n");
                    list(i.bodies().get(k), level + 1);
                    indent(level);
                }
                if (i.elseBody() != null) { b.append("else\n"); list(i.elseBody(), level + 1); indent(level); }
                b.append("fi");
            }
            case Loop l -> {
                b.append(l.until() ? "until " : "while ");
                cmd(l.cond(), level, true);
                b.append("; do\n");
                list(l.body(), level + 1);
                indent(level);
                b.append("done");
            }
            case For f -> {
                b.append("for ").append(f.var());
                if (f.items() != null) { b.append(" in "); words(f.items()); }
                b.append(";\n");
                indent(level);
                b.append("do\n");
                list(f.body(), level + 1);
                indent(level);
                b.append("done");
            }
            case Select f -> {
                b.append("select ").append(f.var());
                if (f.items() != null) { b.append(" in "); words(f.items()); }
                b.append(";\n");
                indent(level);
                b.append("do\n");
                list(f.body(), level + 1);
                indent(level);
                b.append("done");
            }
            case ArithFor f -> {
                b.append("for ((").append(f.init()).append("; ").append(f.cond()).append("; ").append(f.step()).append("))\n");
                indent(level);
                b.append("do\n");
                list(f.body(), level + 1);
                indent(level);
                b.append("done");
            }
            case Case k -> {
                b.append("case ").append(k.subject().raw()).append(" in \n");
                for (CaseItem it : k.items()) {
                    indent(level + 1);
                    for (int i = 0; i < it.patterns().size(); i++) {
                        if (i > 0) b.append(" | ");
                        b.append(it.patterns().get(i).raw());
                    }
                    b.append(")\n");
                    if (it.body() != null) list(it.body(), level + 2);
                    indent(level + 2);
                    b.append(it.terminator()).append('\n');
                }
                indent(level);
                b.append("esac");
            }
            case FuncDef f -> b.append(function(f));
            case CondCmd cc -> b.append("[[ ... ]]");
            case ArithCmd a -> b.append("((").append(a.expr().raw()).append("))");
            case Redirected r -> { cmd(r.cmd(), level, inline); redirs(r.redirs()); }
        }
    }
}
