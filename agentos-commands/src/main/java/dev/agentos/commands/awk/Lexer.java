package dev.agentos.commands.awk;

import java.util.Map;

/**
 * Splits awk source into tokens on demand. The parser decides when a '/' starts a regex
 * ({@link #regex}), since only it knows whether an operand or an operator is expected.
 */
final class Lexer {
    enum T {
        EOF, NEWLINE, NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN,
        BEGIN, END, BEGINFILE, ENDFILE, FUNCTION, IF, ELSE, WHILE, FOR, DO, BREAK, CONTINUE, NEXT, NEXTFILE,
        EXIT, RETURN, DELETE, GETLINE, PRINT, PRINTF, IN,
        LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, SEMI, COMMA,
        PLUS, MINUS, STAR, SLASH, PERCENT, CARET, NOT, GT, LT, PIPE, PIPE_AMP, QUESTION, COLON, TILDE, DOLLAR,
        ASSIGN, ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, DIV_ASSIGN, MOD_ASSIGN, POW_ASSIGN,
        EQ, LE, GE, NE, NOMATCH, INCR, DECR, APPEND, AND, OR
    }

    record Token(T type, String text, double num, int line, int pos) {}

    private static final Map<String, T> KEYWORDS = Map.ofEntries(
            Map.entry("BEGIN", T.BEGIN), Map.entry("END", T.END), Map.entry("BEGINFILE", T.BEGINFILE),
            Map.entry("ENDFILE", T.ENDFILE), Map.entry("function", T.FUNCTION), Map.entry("func", T.FUNCTION),
            Map.entry("if", T.IF), Map.entry("else", T.ELSE), Map.entry("while", T.WHILE), Map.entry("for", T.FOR),
            Map.entry("do", T.DO), Map.entry("break", T.BREAK), Map.entry("continue", T.CONTINUE),
            Map.entry("next", T.NEXT), Map.entry("nextfile", T.NEXTFILE), Map.entry("exit", T.EXIT),
            Map.entry("return", T.RETURN), Map.entry("delete", T.DELETE), Map.entry("getline", T.GETLINE),
            Map.entry("print", T.PRINT), Map.entry("printf", T.PRINTF), Map.entry("in", T.IN));

    static final java.util.Set<String> BUILTINS = java.util.Set.of("length", "substr", "index", "split", "sub", "gsub",
            "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand",
            "srand", "system", "close", "fflush", "gensub", "asort", "asorti", "strftime", "systime", "mktime",
            "and", "or", "xor", "lshift", "rshift", "compl", "isarray", "typeof", "strtonum", "patsplit");

    final String src;
    final String file;
    private int pos;
    private int line = 1;
    final java.util.List<String> warnings = new java.util.ArrayList<>();

    Lexer(String src, String file) {
        this.src = src;
        this.file = file;
    }

    int line() { return line; }

    Token next() {
        // skip blanks, comments and backslash-newlines
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '\\' && pos + 2 < src.length() && src.charAt(pos + 1) == '\r' && src.charAt(pos + 2) == '\n') {
                pos += 3;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else {
                break;
            }
        }
        int start = pos;
        if (pos >= src.length()) return tok(T.EOF, "", start);
        char c = src.charAt(pos);
        if (c == '\n') {
            pos++;
            Token t = tok(T.NEWLINE, "\n", start);
            line++;
            return t;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            String w = src.substring(start, pos);
            T k = KEYWORDS.get(w);
            if (k != null) return tok(k, w, start);
            if (BUILTINS.contains(w)) return tok(T.BUILTIN, w, start);
            if (pos < src.length() && src.charAt(pos) == '(') return tok(T.FUNC_NAME, w, start);
            return tok(T.NAME, w, start);
        }
        if (c == '"') return string(start);
        pos++;
        char d = pos < src.length() ? src.charAt(pos) : 0;
        switch (c) {
            case '{': return tok(T.LBRACE, "{", start);
            case '}': return tok(T.RBRACE, "}", start);
            case '(': return tok(T.LPAREN, "(", start);
            case ')': return tok(T.RPAREN, ")", start);
            case '[': return tok(T.LBRACKET, "[", start);
            case ']': return tok(T.RBRACKET, "]", start);
            case ';': return tok(T.SEMI, ";", start);
            case ',': return tok(T.COMMA, ",", start);
            case '?': return tok(T.QUESTION, "?", start);
            case ':': return tok(T.COLON, ":", start);
            case '~': return tok(T.TILDE, "~", start);
            case '$': return tok(T.DOLLAR, "$", start);
            case '+':
                if (d == '+') { pos++; return tok(T.INCR, "++", start); }
                if (d == '=') { pos++; return tok(T.ADD_ASSIGN, "+=", start); }
                return tok(T.PLUS, "+", start);
            case '-':
                if (d == '-') { pos++; return tok(T.DECR, "--", start); }
                if (d == '=') { pos++; return tok(T.SUB_ASSIGN, "-=", start); }
                return tok(T.MINUS, "-", start);
            case '*':
                if (d == '*') {
                    pos++;
                    if (pos < src.length() && src.charAt(pos) == '=') { pos++; return tok(T.POW_ASSIGN, "**=", start); }
                    return tok(T.CARET, "**", start);
                }
                if (d == '=') { pos++; return tok(T.MUL_ASSIGN, "*=", start); }
                return tok(T.STAR, "*", start);
            case '/':
                if (d == '=') { pos++; return tok(T.DIV_ASSIGN, "/=", start); }
                return tok(T.SLASH, "/", start);
            case '%':
                if (d == '=') { pos++; return tok(T.MOD_ASSIGN, "%=", start); }
                return tok(T.PERCENT, "%", start);
            case '^':
                if (d == '=') { pos++; return tok(T.POW_ASSIGN, "^=", start); }
                return tok(T.CARET, "^", start);
            case '!':
                if (d == '=') { pos++; return tok(T.NE, "!=", start); }
                if (d == '~') { pos++; return tok(T.NOMATCH, "!~", start); }
                return tok(T.NOT, "!", start);
            case '=':
                if (d == '=') { pos++; return tok(T.EQ, "==", start); }
                return tok(T.ASSIGN, "=", start);
            case '<':
                if (d == '=') { pos++; return tok(T.LE, "<=", start); }
                return tok(T.LT, "<", start);
            case '>':
                if (d == '=') { pos++; return tok(T.GE, ">=", start); }
                if (d == '>') { pos++; return tok(T.APPEND, ">>", start); }
                return tok(T.GT, ">", start);
            case '|':
                if (d == '|') { pos++; return tok(T.OR, "||", start); }
                if (d == '&') { pos++; return tok(T.PIPE_AMP, "|&", start); }
                return tok(T.PIPE, "|", start);
            case '&':
                if (d == '&') { pos++; return tok(T.AND, "&&", start); }
                break;
            default:
                break;
        }
        throw new ParseError("syntax error", line, start);
    }

    private Token tok(T t, String text, int start) { return new Token(t, text, 0, line, start); }

    private Token number(int start) {
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && (src.charAt(pos + 1) == 'x' || src.charAt(pos + 1) == 'X')
                && pos + 2 < src.length() && Character.digit(src.charAt(pos + 2), 16) >= 0) {
            pos += 2;
            int s = pos;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) pos++;
            double v = new java.math.BigInteger(src.substring(s, pos), 16).doubleValue();
            return new Token(T.NUMBER, src.substring(start, pos), v, line, start);
        }
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (src.charAt(start) == '0' && pos - start > 1 && (pos >= src.length() || ".eE".indexOf(src.charAt(pos)) < 0)
                && src.substring(start, pos).chars().allMatch(ch -> ch < '8')) {
            String text = src.substring(start, pos);
            return new Token(T.NUMBER, text, Long.parseLong(text, 8), line, start);
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        return new Token(T.NUMBER, text, Double.parseDouble(text), line, start);
    }

    private Token string(int start) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new ParseError("unterminated string", line, start);
            }
            char c = src.charAt(pos++);
            if (c == '"') break;
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) { sb.append('\\'); break; }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case '"' -> sb.append('"');
                case 'a' -> sb.append((char) 7);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append((char) 11);
                case '\n' -> line++;
                case 'x' -> {
                    int v = 0, k = 0;
                    while (k < 2 && pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                        v = v * 16 + Character.digit(src.charAt(pos++), 16);
                        k++;
                    }
                    if (k == 0) sb.append("\\x");
                    else sb.append((char) v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0', k = 1;
                        while (k < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
                            v = v * 8 + (src.charAt(pos++) - '0');
                            k++;
                        }
                        sb.append((char) (v & 0xff));
                    } else {
                        warnings.add("escape sequence `\\" + e + "' treated as plain `" + e + "'");
                        sb.append(e);
                    }
                }
            }
        }
        return new Token(T.STRING, sb.toString(), 0, line, start);
    }

    /** Re-reads a regex literal whose opening '/' was at {@code slashPos}; returns its raw text. */
    Token regex(int slashPos) {
        pos = slashPos + 1;
        StringBuilder sb = new StringBuilder();
        boolean inBracket = false;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw new ParseError("unterminated regexp", line, slashPos + 1);
            }
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                char e = src.charAt(pos++);
                if (e == '/') sb.append('/');
                else if (e == '\n') line++;
                else sb.append('\\').append(e);
                continue;
            }
            if (inBracket) {
                if (c == '[' && pos < src.length() && (src.charAt(pos) == ':' || src.charAt(pos) == '.' || src.charAt(pos) == '=')) {
                    int close = src.indexOf(src.charAt(pos) + "]", pos + 1);
                    if (close > 0 && src.indexOf('\n', pos) > close || close > 0 && src.indexOf('\n', pos) < 0) {
                        sb.append(src, pos - 1, close + 2);
                        pos = close + 2;
                        continue;
                    }
                }
                if (c == ']') inBracket = false;
                sb.append(c);
                continue;
            }
            if (c == '[') {
                inBracket = true;
                sb.append(c);
                if (pos < src.length() && src.charAt(pos) == '^') { sb.append('^'); pos++; }
                if (pos < src.length() && src.charAt(pos) == ']') { sb.append(']'); pos++; }
                continue;
            }
            if (c == '/') break;
            sb.append(c);
        }
        return new Token(T.ERE, sb.toString(), 0, line, slashPos);
    }
}
