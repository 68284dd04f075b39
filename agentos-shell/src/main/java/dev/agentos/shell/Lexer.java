package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The character cursor under the parser: position, lines, blanks and comments, operators, reserved words,
 * pending here-documents and the error messages bash gives for bad tokens.
 */
final class Lexer {

    Lexer(String src, int firstLine) {
        this.src = src;
        this.firstLine = firstLine;
        computeLines();
    }

    static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "{", "}", "!", "in", "function", "select", "[[", "]]", "time");

    static final Set<String> TERMINATORS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    String src;

    final int firstLine;

    int[] lineStarts;

    int pos;

    final List<HereDoc> pending = new ArrayList<>();

    void computeLines() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineAt(int p) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= p) lo = mid; else hi = mid - 1;
        }
        return firstLine + lo;
    }

    int currentLine() { return lineAt(pos); }

    /** After a runtime-style parse error: resume at the next line. */
    void skipLine() {
        int e = src.indexOf('\n', pos);
        pos = e < 0 ? src.length() : e + 1;
        pending.clear();
    }

    String lineText(int p) {
        int l = lineAt(p) - firstLine;
        int s = lineStarts[l];
        int e = src.indexOf('\n', s);
        return src.substring(s, e < 0 ? src.length() : e);
    }

    SyntaxError unexpected(String token) {
        if (token == null) return eofError();
        return new SyntaxError("syntax error near unexpected token `" + token + "'", lineAt(pos), lineText(pos));
    }

    SyntaxError eofError() {
        int line = lineAt(src.length()) + (src.endsWith("\n") ? 0 : 1);
        return new SyntaxError("syntax error: unexpected end of file", line, null);
    }

    SyntaxError unmatched(char c) {
        return new SyntaxError("unexpected EOF while looking for matching `" + c + "'", lineAt(pos), null);
    }

    boolean eof() { return pos >= src.length(); }

    char peek() { return pos < src.length() ? src.charAt(pos) : '\0'; }

    char peek(int k) { return pos + k < src.length() ? src.charAt(pos + k) : '\0'; }

    boolean startsWith(String s) { return src.startsWith(s, pos); }

    static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    static boolean isNameStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    static boolean isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

    static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!isNameChar(s.charAt(i))) return false;
        return true;
    }

    /** Skips blanks, line continuations and a comment. */
    void skipBlanks() {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t') pos++;
            else if (c == '\\' && peek(1) == '\n') pos += 2;
            else if (c == '#') {
                while (!eof() && peek() != '\n') pos++;
            } else break;
        }
    }

    /** Skips blanks and newlines, reading pending here-documents at each newline. */
    void skipNewlines() {
        while (true) {
            skipBlanks();
            if (peek() == '\n') {
                pos++;
                readHeredocs();
            } else break;
        }
    }

    /** Set when a here-document ran into the end of the input before its delimiter. */
    boolean heredocUnterminated;

    void readHeredocs() {
        for (HereDoc hd : pending) {
            StringBuilder body = new StringBuilder();
            while (true) {
                if (eof()) { heredocUnterminated = true; break; }
                int e = src.indexOf('\n', pos);
                String ln = src.substring(pos, e < 0 ? src.length() : e);
                pos = e < 0 ? src.length() : e + 1;
                String cmp = hd.stripTabs ? ln.replaceFirst("^\t+", "") : ln;
                if (cmp.equals(hd.delimiter)) break;
                body.append(cmp).append('\n');
            }
            hd.body = body.toString();
        }
        pending.clear();
    }

    /** The next operator token at pos (without consuming), or null. */
    String peekOperator() {
        for (String op : new String[] {";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|", "(", ")"}) {
            if (startsWith(op)) return op;
        }
        return null;
    }

    /** The reserved word at pos, if the next token is one. */
    String peekReserved() {
        int save = pos;
        int e = pos;
        while (e < src.length() && !isMeta(src.charAt(e)) && src.charAt(e) != '"' && src.charAt(e) != '\''
                && src.charAt(e) != '\\' && src.charAt(e) != '$' && src.charAt(e) != '`') e++;
        if (e < src.length() && !isMeta(src.charAt(e))) return null;
        String w = src.substring(save, e);
        return RESERVED.contains(w) ? w : null;
    }

    void expectReserved(String word) {
        skipNewlines();
        String r = peekReserved();
        if (!word.equals(r)) {
            if (eof()) throw eofError();
            throw unexpected(tokenAt());
        }
        pos += word.length();
    }

    /** The token at pos, as bash names it in an error. */
    String tokenAt() {
        if (eof()) return null;
        if (peek() == '\n') return "newline";
        String op = peekOperator();
        if (op != null) return op;
        int e = pos;
        while (e < src.length() && !isMeta(src.charAt(e))) e++;
        return src.substring(pos, Math.max(e, pos + 1));
    }

    boolean isMetaOrEnd(int p) { return p >= src.length() || isMeta(src.charAt(p)); }
}
