package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses simple commands: assignments, words, redirections (here-documents included) and alias expansion
 * in command position.
 */
final class SimpleCommandParser {
    final Parser p;
    final Lexer in;

    SimpleCommandParser(Parser p) {
        this.p = p;
        this.in = p.in;
    }

    final java.util.Set<String> aliasActive = new java.util.HashSet<>();

    int aliasEnd = -1;

    Command parseSimple(int line) {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (in.eof()) break;
            Redir r = tryRedir();
            if (r != null) { redirs.add(r); continue; }
            char c = in.peek();
            if (c == '(' && words.size() == 1 && assigns.isEmpty() && redirs.isEmpty()) {
                // name() compound-command
                in.pos++;
                in.skipBlanks();
                if (in.peek() != ')') throw in.unexpected(in.tokenAt());
                in.pos++;
                return p.parseFunctionBody(words.get(0).raw(), in.pos, line);
            }
            if (Lexer.isMeta(c) && !((c == '<' || c == '>') && in.peek(1) == '(')) break;
            if (words.isEmpty()) {
                Assign a = tryAssign();
                if (a != null) { assigns.add(a); continue; }
            }
            int start = in.pos;
            Word w = p.words.readWord(false);
            if (w == null) break;
            if (words.isEmpty() && p.aliases != null && expandAlias(w, start)) continue;
            if (words.isEmpty() && assigns.isEmpty() && redirs.isEmpty()) {
                String lw = w.literal();
                if (lw != null && Lexer.TERMINATORS.contains(lw)) { in.pos = start; throw in.unexpected(lw); }
            }
            if (!words.isEmpty() && isDeclaration(words.get(0))) {
                int save = in.pos;
                in.pos = start;
                Assign a = tryAssign();
                if (a != null) {
                    words.add(new Word(List.of(new AssignArg(a)), in.src.substring(start, in.pos)));
                    continue;
                }
                in.pos = save;
            }
            words.addAll(Braces.expand(w));
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) throw in.unexpected(in.tokenAt());
        return new Simple(assigns, words, redirs, line);
    }

    /** Replaces an alias name in command position by its value, in the source text itself. */
    boolean expandAlias(Word w, int start) {
        String name = w.literal();
        if (name == null || !w.raw().equals(name)) return false;
        java.util.Map<String, String> defs = p.aliases.get();
        String value = defs == null ? null : defs.get(name);
        if (value == null) return false;
        if (start < aliasEnd && aliasActive.contains(name)) return false;
        if (start >= aliasEnd) aliasActive.clear();
        aliasActive.add(name);
        in.src = in.src.substring(0, start) + value + in.src.substring(in.pos);
        aliasEnd = start + value.length();
        in.pos = start;
        in.computeLines();
        return true;
    }

    static boolean isDeclaration(Word w) {
        String s = w.literal();
        return s != null && (s.equals("declare") || s.equals("local") || s.equals("export") || s.equals("readonly")
                || s.equals("typeset"));
    }

    Assign tryAssign() {
        int start = in.pos;
        int e = in.pos;
        if (e >= in.src.length() || !Lexer.isNameStart(in.src.charAt(e))) return null;
        while (e < in.src.length() && Lexer.isNameChar(in.src.charAt(e))) e++;
        String name = in.src.substring(in.pos, e);
        Word index = null;
        if (e < in.src.length() && in.src.charAt(e) == '[') {
            int close = findBracketClose(e);
            if (close < 0) return null;
            in.pos = e + 1;
            index = new Parser(in.src.substring(e + 1, close), in.lineAt(e)).words.parseEmbedded(WordParser.Mode.ARITH);
            e = close + 1;
        }
        boolean append = false;
        if (e < in.src.length() && in.src.charAt(e) == '+' && e + 1 < in.src.length() && in.src.charAt(e + 1) == '=') { append = true; e++; }
        if (e >= in.src.length() || in.src.charAt(e) != '=') { in.pos = start; return null; }
        in.pos = e + 1;
        if (in.peek() == '(' && index == null) {
            in.pos++;
            List<Word> items = new ArrayList<>();
            while (true) {
                in.skipNewlines();
                if (in.peek() == ')') { in.pos++; break; }
                if (in.eof()) throw in.eofError();
                Word w = p.words.readWord(false);
                if (w == null) throw in.unexpected(in.tokenAt());
                items.addAll(Braces.expand(w));
            }
            return new Assign(name, null, null, items, append);
        }
        Word value = p.words.readWord(true);
        if (value == null) value = new Word(List.of(), "");
        return new Assign(name, index, value, null, append);
    }

    int findBracketClose(int open) {
        int level = 0;
        for (int i = open; i < in.src.length(); i++) {
            char c = in.src.charAt(i);
            if (c == '[') level++;
            else if (c == ']') { if (--level == 0) return i; }
            else if (c == '\n' || c == ' ' && level == 0) return -1;
        }
        return -1;
    }

    Redir tryRedir() {
        int start = in.pos;
        int fd = -1;
        String varName = null;
        int e = in.pos;
        while (e < in.src.length() && Character.isDigit(in.src.charAt(e))) e++;
        if (e > in.pos && e < in.src.length() && (in.src.charAt(e) == '<' || in.src.charAt(e) == '>')) {
            fd = Integer.parseInt(in.src.substring(in.pos, e));
            in.pos = e;
        } else if (in.peek() == '{') {
            int close = in.src.indexOf('}', in.pos);
            if (close > in.pos + 1 && Lexer.isName(in.src.substring(in.pos + 1, close)) && close + 1 < in.src.length()
                    && (in.src.charAt(close + 1) == '<' || in.src.charAt(close + 1) == '>')) {
                varName = in.src.substring(in.pos + 1, close);
                in.pos = close + 1;
            }
        }
        String op = null;
        for (String o : new String[] {"<<<", "<<-", "<<", "<>", "<&", ">>", ">&", ">|", "&>>", "&>", "<", ">"}) {
            if (in.startsWith(o)) { op = o; break; }
        }
        if (op == null || ((op.equals("<") || op.equals(">")) && in.peek(1) == '(')) {
            in.pos = start;
            return null;
        }
        in.pos += op.length();
        in.skipBlanks();
        if (op.equals("<<") || op.equals("<<-")) {
            int ws = in.pos;
            Word w = p.words.readWord(false);
            if (w == null) throw in.unexpected(in.tokenAt());
            String raw = in.src.substring(ws, in.pos);
            boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
            HereDoc hd = new HereDoc(quoted ? unquote(raw) : raw, !quoted, op.equals("<<-"));
            in.pending.add(hd);
            return new Redir(fd, "<<", null, hd, varName);
        }
        Word target = p.words.readWord(false);
        if (target == null) throw in.unexpected(in.eof() ? "newline" : in.tokenAt());
        return new Redir(fd, op, target, null, varName);
    }

    static String unquote(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' || c == '"') continue;
            if (c == '\\' && i + 1 < raw.length()) { b.append(raw.charAt(++i)); continue; }
            b.append(c);
        }
        return b.toString();
    }
}
