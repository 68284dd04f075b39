package dev.agentos.shell;

import java.util.List;

/** The shell's syntax tree: commands, words and their parts, redirections. */
final class Ast {
    private Ast() {}

    // ---- commands ----
    sealed interface Command permits Simple, Pipeline, AndOr, Sequence, Subshell, Group, If, Loop, For, Select, ArithFor,
            Case, FuncDef, CondCmd, ArithCmd, Redirected, Background {}

    record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs, int line) implements Command {}
    record Pipeline(List<Command> cmds, boolean bang, boolean timed, int line) implements Command {}
    /** left op right with op "&&" or "||". */
    record AndOr(Command left, boolean and, Command right) implements Command {}
    record Sequence(List<Command> items) implements Command {}
    record Background(Command cmd, int line) implements Command {}
    record Subshell(Command body, int line) implements Command {}
    record Group(Command body) implements Command {}
    record If(List<Command> conds, List<Command> bodies, Command elseBody) implements Command {}
    record Loop(Command cond, Command body, boolean until) implements Command {}
    /** items null means "$@". */
    record For(String var, List<Word> items, Command body, int line) implements Command {}
    /** select: items null means "$@". */
    record Select(String var, List<Word> items, Command body, int line) implements Command {}
    record ArithFor(String init, String cond, String step, Command body, int line) implements Command {}
    record Case(Word subject, List<CaseItem> items, int line) implements Command {}
    record CaseItem(List<Word> patterns, Command body, String terminator) {}
    record FuncDef(String name, Command body, String source, int line) implements Command {}
    record CondCmd(Cond expr, int line) implements Command {}
    record ArithCmd(Word expr, int line) implements Command {}
    record Redirected(Command cmd, List<Redir> redirs) implements Command {}

    // ---- [[ ]] ----
    sealed interface Cond permits CondAnd, CondOr, CondNot, CondUnary, CondBinary, CondWord {}
    record CondAnd(Cond l, Cond r) implements Cond {}
    record CondOr(Cond l, Cond r) implements Cond {}
    record CondNot(Cond c) implements Cond {}
    record CondUnary(String op, Word w) implements Cond {}
    record CondBinary(String op, Word l, Word r) implements Cond {}
    record CondWord(Word w) implements Cond {}

    // ---- assignments and redirections ----
    /** name=value, name+=value, name[i]=value, name=(a b c). */
    record Assign(String name, Word index, Word value, List<Word> array, boolean append) {}

    /** fd -1 means the operator's default; varName for {var}>file. */
    record Redir(int fd, String op, Word target, HereDoc heredoc, String varName) {}

    /** A here-document body: raw text, expanded unless the delimiter was quoted. */
    static final class HereDoc {
        final String delimiter;
        final boolean expand;
        final boolean stripTabs;
        String body = "";
        Word parsed;

        HereDoc(String delimiter, boolean expand, boolean stripTabs) {
            this.delimiter = delimiter;
            this.expand = expand;
            this.stripTabs = stripTabs;
        }
    }

    // ---- words ----
    record Word(List<Part> parts, String raw) {
        boolean isLiteral() {
            for (Part p : parts) if (!(p instanceof Lit)) return false;
            return true;
        }

        /** Text when the word is unquoted literal text only, else null. */
        String literal() {
            if (parts.size() == 1 && parts.get(0) instanceof Lit l) return l.text();
            if (parts.isEmpty()) return "";
            if (!isLiteral()) return null;
            StringBuilder b = new StringBuilder();
            for (Part p : parts) b.append(((Lit) p).text());
            return b.toString();
        }
    }

    sealed interface Part permits Lit, Quoted, Dq, Param, CmdSub, ArithSub, Tilde, ProcSub, AssignArg {}
    /** An assignment given as an argument of declare/local/export/readonly. */
    record AssignArg(Assign assign) implements Part {}
    /** Unquoted text: subject to globbing. */
    record Lit(String text) implements Part {}
    /** Quoted text: single quotes, $'...', a backslash-escaped character. */
    record Quoted(String text) implements Part {}
    record Dq(List<Part> parts) implements Part {}
    /**
     * A parameter expansion. op: "" plain, "#len", "!ind", ":-" "-" ":=" "=" ":?" "?" ":+" "+", "#" "##" "%" "%%",
     * "/" "//" "/#" "/%", ":" substring, "^" "^^" "," ",,", "@Q" etc., "!prefix*", "!keys".
     */
    record Param(String name, Word index, String op, Word arg, Word arg2) implements Part {}
    record CmdSub(Command body, String source) implements Part {}
    record ArithSub(Word expr) implements Part {}
    record Tilde(String user) implements Part {}
    record ProcSub(Command body, boolean input) implements Part {}
}
