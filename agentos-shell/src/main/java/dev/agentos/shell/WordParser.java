package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads words: literals, quotes, escapes, and the expansions ($x, ${...}, $(...), `...`, $((...))) as AST
 * parts, in the quoting mode the context asks for.
 */
final class WordParser {
    final Parser p;
    final Lexer in;

    WordParser(Parser p) {
        this.p = p;
        this.in = p.in;
    }

    enum Mode { WORD, DQ, HEREDOC, ARITH, PARAM_ARG, PARAM_ARG_DQ, PATTERN_SLASH }

    /** Parses all of src as one word in the given mode (here-doc bodies, arithmetic, indexes). */
    Word parseEmbedded(Mode mode) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!in.eof()) {
            char c = in.peek();
            if (c == '$' || c == '`' || (c == '\\' && mode != Mode.ARITH) || (mode == Mode.ARITH && (c == '"' || c == '\''))) {
                flushQuoted(lit, parts, mode);
                if (mode == Mode.HEREDOC && c == '\\') {
                    char n = in.peek(1);
                    if (n == '$' || n == '`' || n == '\\') { parts.add(new Quoted(String.valueOf(n))); in.pos += 2; }
                    else if (n == '\n') in.pos += 2;
                    else { lit.append(c); in.pos++; }
                    continue;
                }
                readSpecial(parts, mode == Mode.ARITH ? Mode.WORD : Mode.DQ);
                continue;
            }
            lit.append(c);
            in.pos++;
        }
        flushQuoted(lit, parts, mode);
        return new Word(parts, in.src);
    }

    static void flushQuoted(StringBuilder lit, List<Part> parts, Mode mode) {
        if (lit.isEmpty()) return;
        parts.add(mode == Mode.ARITH ? new Lit(lit.toString()) : new Quoted(lit.toString()));
        lit.setLength(0);
    }

    static void flushLit(StringBuilder lit, List<Part> parts) {
        if (lit.isEmpty()) return;
        parts.add(new Lit(lit.toString()));
        lit.setLength(0);
    }

    /** Reads an unquoted word; null when there is none at pos. */
    Word readWord(boolean assignmentValue) {
        int start = in.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!in.eof()) {
            char c = in.peek();
            if (Lexer.isMeta(c)) {
                if (c == '(' && !lit.isEmpty() && "?*+@!".indexOf(lit.charAt(lit.length() - 1)) >= 0) {
                    readExtglob(lit);
                    continue;
                }
                if ((c == '<' || c == '>') && in.peek(1) == '(' && lit.isEmpty() && parts.isEmpty()) {
                    in.pos += 2;
                    Command body = p.parseCompoundList();
                    if (in.peek() != ')') throw in.eof() ? in.eofError() : in.unexpected(in.tokenAt());
                    in.pos++;
                    parts.add(new ProcSub(body, c == '<'));
                    continue;
                }
                break;
            }
            if (c == '~' && (in.pos == start || (assignmentValue && in.src.charAt(in.pos - 1) == ':'))) {
                int e = in.pos + 1;
                while (e < in.src.length() && (Lexer.isNameChar(in.src.charAt(e)) || in.src.charAt(e) == '-' || in.src.charAt(e) == '+')) e++;
                if (e >= in.src.length() || in.src.charAt(e) == '/' || Lexer.isMeta(in.src.charAt(e)) || (assignmentValue && in.src.charAt(e) == ':')) {
                    flushLit(lit, parts);
                    parts.add(new Tilde(in.src.substring(in.pos + 1, e)));
                    in.pos = e;
                    continue;
                }
            }
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(in.peek(1))) { lit.append(c); in.pos++; continue; }
                flushLit(lit, parts);
                readSpecial(parts, Mode.WORD);
                continue;
            }
            lit.append(c);
            in.pos++;
        }
        flushLit(lit, parts);
        if (in.pos == start) return null;
        return new Word(List.copyOf(parts), in.src.substring(start, in.pos));
    }

    static boolean isExpansionStart(char c) {
        return c == '{' || c == '(' || c == '\'' || c == '"' || Lexer.isNameChar(c) || "@*#?-$!".indexOf(c) >= 0;
    }

    void readExtglob(StringBuilder lit) {
        int level = 0;
        while (!in.eof()) {
            char c = in.peek();
            lit.append(c);
            in.pos++;
            if (c == '(') level++;
            else if (c == ')' && --level == 0) return;
        }
        throw in.eofError();
    }

    /** Reads a quote, escape or expansion at pos into parts. */
    void readSpecial(List<Part> parts, Mode mode) {
        char c = in.peek();
        switch (c) {
            case '\\' -> {
                char n = in.peek(1);
                if (n == '\n') { in.pos += 2; return; }
                if (in.pos + 1 >= in.src.length()) { parts.add(new Lit("\\")); in.pos++; return; }
                if (mode == Mode.DQ && "$`\"\\".indexOf(n) < 0) { parts.add(new Quoted("\\" + n)); in.pos += 2; return; }
                parts.add(new Quoted(String.valueOf(n)));
                in.pos += 2;
            }
            case '\'' -> {
                if (mode == Mode.DQ || mode == Mode.PARAM_ARG_DQ) { parts.add(new Quoted("'")); in.pos++; return; }
                int e = in.src.indexOf('\'', in.pos + 1);
                if (e < 0) { in.pos = in.src.length(); throw in.unmatched('\''); }
                parts.add(new Quoted(in.src.substring(in.pos + 1, e)));
                in.pos = e + 1;
            }
            case '"' -> {
                in.pos++;
                parts.add(new Dq(readDoubleQuoted()));
            }
            case '`' -> parts.add(readBackquote());
            case '$' -> readDollar(parts, mode);
            default -> throw new IllegalStateException();
        }
    }

    List<Part> readDoubleQuoted() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (in.eof()) throw in.unmatched('"');
            char c = in.peek();
            if (c == '"') { in.pos++; break; }
            if (c == '\\' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(in.peek(1))) { lit.append(c); in.pos++; continue; }
                if (c == '$' && in.peek(1) == '\'') { lit.append(c); in.pos++; continue; }
                if (!lit.isEmpty()) { parts.add(new Quoted(lit.toString())); lit.setLength(0); }
                readSpecial(parts, Mode.DQ);
                continue;
            }
            lit.append(c);
            in.pos++;
        }
        if (!lit.isEmpty()) parts.add(new Quoted(lit.toString()));
        return parts;
    }

    Part readBackquote() {
        int startLine = in.currentLine();
        in.pos++;
        StringBuilder body = new StringBuilder();
        while (true) {
            if (in.eof()) throw in.unmatched('`');
            char c = in.peek();
            if (c == '`') { in.pos++; break; }
            if (c == '\\' && (in.peek(1) == '$' || in.peek(1) == '`' || in.peek(1) == '\\')) { body.append(in.peek(1)); in.pos += 2; continue; }
            body.append(c);
            in.pos++;
        }
        String text = body.toString();
        Parser sub = new Parser(text, startLine);
        List<Command> items = new ArrayList<>();
        Command cmd;
        while ((cmd = sub.next()) != null) items.add(cmd);
        return new CmdSub(items.size() == 1 ? items.get(0) : new Sequence(items), text);
    }

    void readDollar(List<Part> parts, Mode mode) {
        char n = in.peek(1);
        if (n == '\'' && mode == Mode.WORD) {
            in.pos += 2;
            StringBuilder raw = new StringBuilder();
            while (true) {
                if (in.eof()) throw in.unmatched('\'');
                char c = in.peek();
                if (c == '\'') { in.pos++; break; }
                if (c == '\\' && in.pos + 1 < in.src.length()) { raw.append(c).append(in.peek(1)); in.pos += 2; continue; }
                raw.append(c);
                in.pos++;
            }
            parts.add(new Quoted(Escapes.ansiC(raw.toString())));
            return;
        }
        if (n == '"' && mode == Mode.WORD) {
            in.pos += 2;
            parts.add(new Dq(readDoubleQuoted()));
            return;
        }
        if (n == '(') {
            if (in.peek(2) == '(') {
                int save = in.pos;
                String text = scanArith();
                if (text != null) {
                    parts.add(new ArithSub(new Parser(text, in.lineAt(save)).words.parseEmbedded(Mode.ARITH)));
                    return;
                }
                in.pos = save;
            }
            int s = in.pos + 2;
            in.pos += 2;
            Command body;
            in.skipNewlines();
            if (in.peek() == ')') body = new Sequence(List.of());
            else body = p.parseCompoundList();
            if (in.peek() != ')') throw in.eof() ? in.unmatched(')') : in.unexpected(in.tokenAt());
            in.pos++;
            parts.add(new CmdSub(body, in.src.substring(s, in.pos - 1)));
            return;
        }
        if (n == '{') {
            in.pos += 2;
            parts.add(readBraceParam(mode == Mode.DQ));
            return;
        }
        in.pos++;
        if (Lexer.isNameStart(n)) {
            int e = in.pos;
            while (e < in.src.length() && Lexer.isNameChar(in.src.charAt(e))) e++;
            parts.add(new Param(in.src.substring(in.pos, e), null, "", null, null));
            in.pos = e;
            return;
        }
        if (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0) {
            in.pos++;
            parts.add(new Param(String.valueOf(n), null, "", null, null));
            return;
        }
        parts.add(new Lit("$"));
    }

    /** Scans $(( ... )) from pos; returns the inner text or null if it is not arithmetic. */
    String scanArith() {
        in.pos += 3;
        int start = in.pos;
        int level = 0;
        while (!in.eof()) {
            char c = in.peek();
            if (c == '(') level++;
            else if (c == ')') {
                if (level == 0) {
                    if (in.peek(1) == ')') {
                        String t = in.src.substring(start, in.pos);
                        in.pos += 2;
                        return t;
                    }
                    return null;
                }
                level--;
            }
            in.pos++;
        }
        throw in.unmatched(')');
    }

    Part readBraceParam(boolean inDq) {
        String prefixOp = "";
        if (in.peek() == '#' && in.peek(1) != '}' && !(in.peek(1) == ':' || in.peek(1) == '-' || in.peek(1) == '=' || in.peek(1) == '+' || in.peek(1) == '?')
                || (in.peek() == '#' && in.peek(1) == '#' )) {
            prefixOp = "#len";
            in.pos++;
        } else if (in.peek() == '!' && in.peek(1) != '}') {
            prefixOp = "!ind";
            in.pos++;
        }
        String name;
        int s = in.pos;
        if (Lexer.isNameStart(in.peek())) {
            while (Lexer.isNameChar(in.peek())) in.pos++;
            name = in.src.substring(s, in.pos);
        } else if (Character.isDigit(in.peek())) {
            while (Character.isDigit(in.peek())) in.pos++;
            name = in.src.substring(s, in.pos);
        } else if ("@*#?-$!".indexOf(in.peek()) >= 0 && !in.eof()) {
            in.pos++;
            name = in.src.substring(s, in.pos);
        } else {
            throw badSubstitution();
        }
        Word index = null;
        if (in.peek() == '[') {
            int close = p.simple.findBracketClose(in.pos);
            if (close < 0) throw badSubstitution();
            index = new Parser(in.src.substring(in.pos + 1, close), in.currentLine()).words.parseEmbedded(Mode.ARITH);
            in.pos = close + 1;
        }
        if (prefixOp.equals("!ind") && (in.peek() == '*' || in.peek() == '@') && in.peek(1) == '}') {
            in.pos += 2;
            return new Param(name, null, "!prefix", null, null);
        }
        if (in.peek() == '}') {
            in.pos++;
            if (prefixOp.equals("!ind") && index != null && index.literal() != null && (index.literal().equals("@") || index.literal().equals("*"))) {
                return new Param(name, index, "!keys", null, null);
            }
            return new Param(name, index, prefixOp, null, null);
        }
        if (!prefixOp.isEmpty() && !prefixOp.equals("!ind")) throw badSubstitution();
        String op;
        String rest = in.src.substring(in.pos, Math.min(in.src.length(), in.pos + 2));
        if (rest.startsWith(":-") || rest.startsWith(":=") || rest.startsWith(":?") || rest.startsWith(":+")) op = rest;
        else if (rest.startsWith("##") || rest.startsWith("%%") || rest.startsWith("//") || rest.startsWith("/#")
                || rest.startsWith("/%") || rest.startsWith("^^") || rest.startsWith(",,")) op = rest;
        else if ("-=?+#%/:^,@".indexOf(in.peek()) >= 0 && !in.eof()) op = String.valueOf(in.peek());
        else throw badSubstitution();
        in.pos += op.length();
        Mode argMode = inDq ? Mode.PARAM_ARG_DQ : Mode.PARAM_ARG;
        Word arg = null, arg2 = null;
        if (op.startsWith("/")) {
            arg = readParamArg(argMode, true);
            if (in.peek() == '/') { in.pos++; arg2 = readParamArg(argMode, false); }
        } else if (op.equals(":")) {
            arg = readParamArg(argMode, false, ':');
            if (in.peek() == ':') { in.pos++; arg2 = readParamArg(argMode, false); }
        } else if (op.equals("@")) {
            arg = readParamArg(argMode, false);
        } else {
            arg = readParamArg(argMode, false);
        }
        if (in.peek() != '}') throw in.eof() ? in.unmatched('}') : badSubstitution();
        in.pos++;
        if (prefixOp.equals("!ind")) op = "!" + op;
        return new Param(name, index, op, arg, arg2);
    }

    SyntaxError badSubstitution() {
        int e = in.src.indexOf('}', in.pos);
        int s = in.src.lastIndexOf("${", in.pos);
        String text = e < 0 || s < 0 ? "${" : in.src.substring(s, e + 1);
        return new SyntaxError("BADSUB:" + text, in.currentLine(), null);
    }

    Word readParamArg(Mode mode, boolean stopAtSlash) {
        return readParamArg(mode, stopAtSlash, '\0');
    }

    Word readParamArg(Mode mode, boolean stopAtSlash, char stop) {
        int start = in.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int level = 0;
        while (true) {
            if (in.eof()) throw in.unmatched('}');
            char c = in.peek();
            if (c == '}' && level == 0) break;
            if (stopAtSlash && c == '/') break;
            if (c == stop && level == 0) break;
            if (c == '{') level++;
            if (c == '}') level--;
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(in.peek(1))) { lit.append(c); in.pos++; continue; }
                if (mode == Mode.PARAM_ARG_DQ) {
                    if (!lit.isEmpty()) { parts.add(new Quoted(lit.toString())); lit.setLength(0); }
                    if (c == '"') { in.pos++; continue; }
                    readSpecial(parts, Mode.DQ);
                } else {
                    flushLit(lit, parts);
                    readSpecial(parts, Mode.WORD);
                }
                continue;
            }
            lit.append(c);
            in.pos++;
        }
        if (mode == Mode.PARAM_ARG_DQ) { if (!lit.isEmpty()) parts.add(new Quoted(lit.toString())); }
        else flushLit(lit, parts);
        return new Word(parts, in.src.substring(start, in.pos));
    }
}
