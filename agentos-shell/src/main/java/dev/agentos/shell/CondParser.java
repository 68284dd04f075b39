package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expression inside [[ ]]: ||, &&, !, parentheses, unary and binary tests, and the regex of =~.
 */
final class CondParser {
    final Parser p;
    final Lexer in;

    CondParser(Parser p) {
        this.p = p;
        this.in = p.in;
    }

    Command parseCond(int line) {
        in.pos += 2;
        Cond c = condOr();
        skipCondBlanks();
        if (!in.startsWith("]]")) throw in.unexpected(in.tokenAt());
        in.pos += 2;
        return new CondCmd(c, line);
    }

    void skipCondBlanks() {
        while (!in.eof() && (in.peek() == ' ' || in.peek() == '\t' || in.peek() == '\n' || (in.peek() == '\\' && in.peek(1) == '\n'))) in.pos += in.peek() == '\\' ? 2 : 1;
    }

    Cond condOr() {
        Cond l = condAnd();
        while (true) {
            skipCondBlanks();
            if (in.startsWith("||")) { in.pos += 2; l = new CondOr(l, condAnd()); } else return l;
        }
    }

    Cond condAnd() {
        Cond l = condNot();
        while (true) {
            skipCondBlanks();
            if (in.startsWith("&&")) { in.pos += 2; l = new CondAnd(l, condNot()); } else return l;
        }
    }

    Cond condNot() {
        skipCondBlanks();
        if (in.peek() == '!' && (in.peek(1) == ' ' || in.peek(1) == '\t')) { in.pos++; return new CondNot(condNot()); }
        return condPrimary();
    }

    Cond condPrimary() {
        skipCondBlanks();
        if (in.peek() == '(') {
            in.pos++;
            Cond c = condOr();
            skipCondBlanks();
            if (in.peek() != ')') throw in.unexpected(in.tokenAt());
            in.pos++;
            return c;
        }
        if (in.startsWith("]]")) throw in.unexpected("]]");
        Word w = readCondWord();
        if (w == null) throw in.unexpected(in.tokenAt());
        String s = w.literal();
        skipCondBlanks();
        if (s != null && s.length() == 2 && s.charAt(0) == '-' && !in.startsWith("]]") && !in.startsWith("&&") && !in.startsWith("||")
                && "abcdefghknoprstuvwxzGLNOS".indexOf(s.charAt(1)) >= 0) {
            Word arg = readCondWord();
            if (arg == null) throw in.unexpected(in.tokenAt());
            return new CondUnary(s, arg);
        }
        String op = null;
        for (String o : new String[] {"==", "!=", "=~", "<", ">", "="}) {
            if (in.startsWith(o)) { op = o; break; }
        }
        if (op == null && in.peek() == '-') {
            for (String o : new String[] {"-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"}) {
                if (in.startsWith(o) && in.isMetaOrEnd(in.pos + 3)) { op = o; break; }
            }
        }
        if (op == null) return new CondWord(w);
        in.pos += op.length();
        skipCondBlanks();
        Word r = op.equals("=~") ? readRegexWord() : readCondWord();
        if (r == null) throw in.unexpected(in.tokenAt());
        return new CondBinary(op, w, r);
    }

    Word readCondWord() {
        if (in.peek() == '(' || in.peek() == ')' || in.startsWith("&&") || in.startsWith("||")) return null;
        if (in.peek() == '<' || in.peek() == '>') return null;
        return p.words.readWord(false);
    }

    /** The right side of =~: parentheses and | are part of the regex. */
    Word readRegexWord() {
        int start = in.pos;
        int level = 0;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!in.eof()) {
            char c = in.peek();
            if (level == 0 && (c == ' ' || c == '\t' || c == '\n')) break;
            if (c == '(') level++;
            else if (c == ')') { if (level == 0) break; level--; }
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                WordParser.flushLit(lit, parts);
                p.words.readSpecial(parts, WordParser.Mode.WORD);
                continue;
            }
            lit.append(c);
            in.pos++;
        }
        WordParser.flushLit(lit, parts);
        if (in.pos == start) return null;
        return new Word(parts, in.src.substring(start, in.pos));
    }
}
