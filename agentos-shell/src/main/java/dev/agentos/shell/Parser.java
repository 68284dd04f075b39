package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser straight over the characters (shell tokens depend on context). {@link #next}
 * returns one complete command (a line) at a time, as bash executes them.
 */
final class Parser {
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "{", "}", "!", "in", "function", "select", "[[", "]]", "time");
    private static final Set<String> TERMINATORS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private String src;
    private final int firstLine;
    private int[] lineStarts;
    /** Alias definitions when alias expansion is on, else null. */
    java.util.function.Supplier<java.util.Map<String, String>> aliases;
    private final java.util.Set<String> aliasActive = new java.util.HashSet<>();
    private int aliasEnd = -1;
    private int pos;
    private final List<HereDoc> pending = new ArrayList<>();
    private int depth;

    Parser(String src, int firstLine) {
        this.src = src;
        this.firstLine = firstLine;
        computeLines();
    }

    private void computeLines() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    Parser(String src) {
        this(src, 1);
    }

    /** Parses everything (for function bodies, eval'd strings in tests); null when empty. */
    static Command parseAll(String src) {
        Parser p = new Parser(src);
        List<Command> items = new ArrayList<>();
        Command c;
        while ((c = p.next()) != null) items.add(c);
        return items.size() == 1 ? items.get(0) : new Sequence(items);
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

    private String lineText(int p) {
        int l = lineAt(p) - firstLine;
        int s = lineStarts[l];
        int e = src.indexOf('\n', s);
        return src.substring(s, e < 0 ? src.length() : e);
    }

    // ---- errors ----

    private SyntaxError unexpected(String token) {
        if (token == null) return eofError();
        return new SyntaxError("syntax error near unexpected token `" + token + "'", lineAt(pos), lineText(pos));
    }

    private SyntaxError eofError() {
        int line = lineAt(src.length()) + (src.endsWith("\n") ? 0 : 1);
        return new SyntaxError("syntax error: unexpected end of file", line, null);
    }

    private SyntaxError unmatched(char c) {
        return new SyntaxError("unexpected EOF while looking for matching `" + c + "'", lineAt(pos), null);
    }

    // ---- characters ----

    private boolean eof() { return pos >= src.length(); }

    private char peek() { return pos < src.length() ? src.charAt(pos) : '\0'; }

    private char peek(int k) { return pos + k < src.length() ? src.charAt(pos + k) : '\0'; }

    private boolean startsWith(String s) { return src.startsWith(s, pos); }

    private static boolean isMeta(char c) {
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
    private void skipBlanks() {
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
    private void skipNewlines() {
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

    private void readHeredocs() {
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
    private String peekOperator() {
        for (String op : new String[] {";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|", "(", ")"}) {
            if (startsWith(op)) return op;
        }
        return null;
    }

    /** The reserved word at pos, if the next token is one. */
    private String peekReserved() {
        int save = pos;
        int e = pos;
        while (e < src.length() && !isMeta(src.charAt(e)) && src.charAt(e) != '"' && src.charAt(e) != '\''
                && src.charAt(e) != '\\' && src.charAt(e) != '$' && src.charAt(e) != '`') e++;
        if (e < src.length() && !isMeta(src.charAt(e))) return null;
        String w = src.substring(save, e);
        return RESERVED.contains(w) ? w : null;
    }

    private void expectReserved(String word) {
        skipNewlines();
        String r = peekReserved();
        if (!word.equals(r)) {
            if (eof()) throw eofError();
            throw unexpected(tokenAt());
        }
        pos += word.length();
    }

    /** The token at pos, as bash names it in an error. */
    private String tokenAt() {
        if (eof()) return null;
        if (peek() == '\n') return "newline";
        String op = peekOperator();
        if (op != null) return op;
        int e = pos;
        while (e < src.length() && !isMeta(src.charAt(e))) e++;
        return src.substring(pos, Math.max(e, pos + 1));
    }

    // ---- lists ----

    /** The next complete command, or null at end of input. */
    Command next() {
        skipNewlines();
        if (eof()) return null;
        List<Command> items = new ArrayList<>();
        while (true) {
            Command c = parseAndOr();
            skipBlanks();
            char ch = peek();
            if (ch == '&' && peek(1) != '&') {
                pos++;
                c = new Background(c, lineAt(pos));
            } else if (ch == ';' && peek(1) != ';' && peek(1) != '&') {
                pos++;
            } else if (ch == '\n' || eof()) {
                items.add(c);
                break;
            } else {
                throw unexpected(tokenAt());
            }
            items.add(c);
            skipBlanks();
            if (peek() == '\n' || eof()) break;
        }
        if (peek() == '\n') {
            pos++;
            readHeredocs();
        } else if (!pending.isEmpty()) {
            readHeredocs();
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private boolean atListEnd() {
        if (eof()) return true;
        char c = peek();
        if (c == ')') return true;
        if (c == ';' && (peek(1) == ';' || peek(1) == '&')) return true;
        String r = peekReserved();
        return r != null && TERMINATORS.contains(r);
    }

    private Command parseCompoundList() {
        List<Command> items = new ArrayList<>();
        skipNewlines();
        while (!atListEnd()) {
            Command c = parseAndOr();
            skipBlanks();
            char ch = peek();
            if (ch == '&' && peek(1) != '&') {
                pos++;
                c = new Background(c, lineAt(pos));
            } else if (ch == ';' && peek(1) != ';' && peek(1) != '&') {
                pos++;
            } else if (ch != '\n' && !atListEnd()) {
                throw unexpected(tokenAt());
            }
            items.add(c);
            skipNewlines();
        }
        if (items.isEmpty()) {
            if (eof()) throw eofError();
            throw unexpected(tokenAt());
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private Command parseAndOr() {
        Command left = parsePipeline();
        while (true) {
            skipBlanks();
            if (startsWith("&&") || startsWith("||")) {
                boolean and = peek() == '&';
                pos += 2;
                skipNewlines();
                left = new AndOr(left, and, parsePipeline());
            } else return left;
        }
    }

    private Command parsePipeline() {
        skipBlanks();
        int line = currentLine();
        boolean bang = false, timed = false;
        while (true) {
            String r = peekReserved();
            if ("!".equals(r)) { pos++; bang = !bang; skipBlanks(); }
            else if ("time".equals(r)) { pos += 4; timed = true; skipBlanks(); if (startsWith("-p ")) { pos += 3; skipBlanks(); } }
            else break;
        }
        List<Command> cmds = new ArrayList<>();
        cmds.add(parseCommand());
        while (true) {
            skipBlanks();
            if (peek() == '|' && peek(1) != '|') {
                boolean both = peek(1) == '&';
                pos += both ? 2 : 1;
                if (both) {
                    Command last = cmds.remove(cmds.size() - 1);
                    cmds.add(withRedir(last, new Redir(2, ">&", lit("1"), null, null)));
                }
                skipNewlines();
                cmds.add(parseCommand());
            } else break;
        }
        if (cmds.size() == 1 && !bang && !timed) return cmds.get(0);
        return new Pipeline(cmds, bang, timed, line);
    }

    private static Word lit(String s) { return new Word(List.of(new Lit(s)), s); }

    private static Command withRedir(Command c, Redir r) {
        if (c instanceof Simple s) {
            List<Redir> rs = new ArrayList<>(s.redirs());
            rs.add(r);
            return new Simple(s.assigns(), s.words(), rs, s.line());
        }
        if (c instanceof Redirected rd) {
            List<Redir> rs = new ArrayList<>(rd.redirs());
            rs.add(r);
            return new Redirected(rd.cmd(), rs);
        }
        return new Redirected(c, List.of(r));
    }

    // ---- commands ----

    private Command parseCommand() {
        skipBlanks();
        if (++depth > 1000) throw new SyntaxError("expression nesting too deep", currentLine(), null);
        try {
            return compoundRedirs(parseCommandInner());
        } finally {
            depth--;
        }
    }

    private Command compoundRedirs(Command c) {
        if (c instanceof Simple || c instanceof FuncDef) return c;
        List<Redir> rs = new ArrayList<>();
        while (true) {
            skipBlanks();
            Redir r = tryRedir();
            if (r == null) break;
            rs.add(r);
        }
        return rs.isEmpty() ? c : new Redirected(c, rs);
    }

    private Command parseCommandInner() {
        if (eof()) throw eofError();
        int line = currentLine();
        char c = peek();
        if (c == '(') {
            if (peek(1) == '(') {
                int save = pos;
                Command a = tryArithCommand(line);
                if (a != null) return a;
                pos = save;
            }
            pos++;
            Command body = parseCompoundList();
            if (peek() != ')') throw eof() ? eofError() : unexpected(tokenAt());
            pos++;
            return new Subshell(body, line);
        }
        String op = peekOperator();
        if (op != null) throw unexpected(op);
        if (c == '\n') throw unexpected("newline");
        String r = peekReserved();
        if (r != null) {
            switch (r) {
                case "if": return parseIf();
                case "while": case "until": {
                    pos += r.length();
                    Command cond = parseCompoundList();
                    expectReserved("do");
                    Command body = parseCompoundList();
                    expectReserved("done");
                    return new Loop(cond, body, r.equals("until"));
                }
                case "for": case "select": return parseFor(line);
                case "case": return parseCase(line);
                case "{": {
                    pos++;
                    Command body = parseCompoundList();
                    expectReserved("}");
                    return new Group(body);
                }
                case "[[": return parseCond(line);
                case "function": {
                    pos += 8;
                    skipBlanks();
                    int start = pos;
                    Word name = readWord(false);
                    if (name == null) throw unexpected(tokenAt());
                    skipBlanks();
                    if (startsWith("()")) pos += 2;
                    else if (peek() == '(') { pos++; skipBlanks(); if (peek() != ')') throw unexpected(tokenAt()); pos++; }
                    return parseFunctionBody(name.raw(), start, line);
                }
                case "!": case "time": case "in": case "]]":
                    break;
                default: throw unexpected(r);
            }
        }
        return parseSimple(line);
    }

    private Command parseFunctionBody(String name, int start, int line) {
        skipNewlines();
        Command body = parseCommand();
        if (body instanceof Simple) throw unexpected(tokenAt());
        return new FuncDef(name, body, src.substring(start, pos), line);
    }

    private Command tryArithCommand(int line) {
        pos += 2;
        int start = pos;
        int level = 0;
        while (!eof()) {
            char c = peek();
            if (c == '(') level++;
            else if (c == ')') {
                if (level == 0) {
                    if (peek(1) == ')') {
                        String text = src.substring(start, pos);
                        pos += 2;
                        return new ArithCmd(new Parser(text, lineAt(start)).parseEmbedded(Mode.ARITH), line);
                    }
                    return null;
                }
                level--;
            }
            pos++;
        }
        return null;
    }

    private Command parseIf() {
        pos += 2;
        List<Command> conds = new ArrayList<>(), bodies = new ArrayList<>();
        Command elseBody = null;
        conds.add(parseCompoundList());
        expectReserved("then");
        bodies.add(parseCompoundList());
        while (true) {
            skipNewlines();
            String r = peekReserved();
            if ("elif".equals(r)) {
                pos += 4;
                conds.add(parseCompoundList());
                expectReserved("then");
                bodies.add(parseCompoundList());
            } else if ("else".equals(r)) {
                pos += 4;
                elseBody = parseCompoundList();
                expectReserved("fi");
                break;
            } else {
                expectReserved("fi");
                break;
            }
        }
        return new If(conds, bodies, elseBody);
    }

    private Command parseFor(int line) {
        pos += 3;
        if (peek() == 't') pos += 3; // select
        skipBlanks();
        if (startsWith("((")) {
            pos += 2;
            int start = pos;
            int level = 0;
            while (!eof() && !(level == 0 && startsWith("))"))) {
                if (peek() == '(') level++;
                if (peek() == ')') level--;
                pos++;
            }
            if (eof()) throw eofError();
            String[] parts = src.substring(start, pos).split(";", -1);
            pos += 2;
            if (parts.length != 3) throw unexpected("((");
            skipBlanks();
            if (peek() == ';') pos++;
            skipNewlines();
            Command body = parseDoGroup();
            return new ArithFor(parts[0].strip(), parts[1].strip(), parts[2].strip(), body, line);
        }
        Word name = readWord(false);
        if (name == null || !isName(name.raw())) throw unexpected(name == null ? tokenAt() : name.raw());
        skipBlanks();
        List<Word> items = null;
        if (peek() == ';') pos++;
        skipNewlines();
        if ("in".equals(peekReserved())) {
            pos += 2;
            items = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (peek() == ';' || peek() == '\n' || eof()) break;
                Word w = readWord(false);
                if (w == null) throw unexpected(tokenAt());
                items.addAll(Braces.expand(w));
            }
            if (peek() == ';') pos++;
            skipNewlines();
        }
        Command body = parseDoGroup();
        return new For(name.raw(), items, body, line);
    }

    private Command parseDoGroup() {
        skipNewlines();
        String r = peekReserved();
        if ("{".equals(r)) {
            pos++;
            Command body = parseCompoundList();
            expectReserved("}");
            return body;
        }
        expectReserved("do");
        Command body = parseCompoundList();
        expectReserved("done");
        return body;
    }

    private Command parseCase(int line) {
        pos += 4;
        skipBlanks();
        Word subject = readWord(false);
        if (subject == null) throw unexpected(tokenAt());
        skipNewlines();
        expectReserved("in");
        List<CaseItem> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            if ("esac".equals(peekReserved())) { pos += 4; break; }
            if (eof()) throw eofError();
            if (peek() == '(') pos++;
            List<Word> pats = new ArrayList<>();
            while (true) {
                skipBlanks();
                Word w = readWord(false);
                if (w == null) throw unexpected(tokenAt());
                pats.add(w);
                skipBlanks();
                if (peek() == '|') { pos++; continue; }
                if (peek() == ')') { pos++; break; }
                throw unexpected(tokenAt());
            }
            skipNewlines();
            Command body = null;
            if (!(startsWith(";;") || startsWith(";&") || "esac".equals(peekReserved()))) body = parseCompoundList();
            skipNewlines();
            String term = ";;";
            if (startsWith(";;&")) { term = ";;&"; pos += 3; }
            else if (startsWith(";;")) pos += 2;
            else if (startsWith(";&")) { term = ";&"; pos += 2; }
            else if (!"esac".equals(peekReserved())) throw eof() ? eofError() : unexpected(tokenAt());
            items.add(new CaseItem(pats, body, term));
        }
        return new Case(subject, items, line);
    }

    // ---- [[ ]] ----

    private Command parseCond(int line) {
        pos += 2;
        Cond c = condOr();
        skipCondBlanks();
        if (!startsWith("]]")) throw unexpected(tokenAt());
        pos += 2;
        return new CondCmd(c, line);
    }

    private void skipCondBlanks() {
        while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || (peek() == '\\' && peek(1) == '\n'))) pos += peek() == '\\' ? 2 : 1;
    }

    private Cond condOr() {
        Cond l = condAnd();
        while (true) {
            skipCondBlanks();
            if (startsWith("||")) { pos += 2; l = new CondOr(l, condAnd()); } else return l;
        }
    }

    private Cond condAnd() {
        Cond l = condNot();
        while (true) {
            skipCondBlanks();
            if (startsWith("&&")) { pos += 2; l = new CondAnd(l, condNot()); } else return l;
        }
    }

    private Cond condNot() {
        skipCondBlanks();
        if (peek() == '!' && (peek(1) == ' ' || peek(1) == '\t')) { pos++; return new CondNot(condNot()); }
        return condPrimary();
    }

    private Cond condPrimary() {
        skipCondBlanks();
        if (peek() == '(') {
            pos++;
            Cond c = condOr();
            skipCondBlanks();
            if (peek() != ')') throw unexpected(tokenAt());
            pos++;
            return c;
        }
        if (startsWith("]]")) throw unexpected("]]");
        Word w = readCondWord();
        if (w == null) throw unexpected(tokenAt());
        String s = w.literal();
        skipCondBlanks();
        if (s != null && s.length() == 2 && s.charAt(0) == '-' && !startsWith("]]") && !startsWith("&&") && !startsWith("||")
                && "abcdefghknoprstuvwxzGLNOS".indexOf(s.charAt(1)) >= 0) {
            Word arg = readCondWord();
            if (arg == null) throw unexpected(tokenAt());
            return new CondUnary(s, arg);
        }
        String op = null;
        for (String o : new String[] {"==", "!=", "=~", "<", ">", "="}) {
            if (startsWith(o)) { op = o; break; }
        }
        if (op == null && peek() == '-') {
            for (String o : new String[] {"-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"}) {
                if (startsWith(o) && isMetaOrEnd(pos + 3)) { op = o; break; }
            }
        }
        if (op == null) return new CondWord(w);
        pos += op.length();
        skipCondBlanks();
        Word r = op.equals("=~") ? readRegexWord() : readCondWord();
        if (r == null) throw unexpected(tokenAt());
        return new CondBinary(op, w, r);
    }

    private boolean isMetaOrEnd(int p) { return p >= src.length() || isMeta(src.charAt(p)); }

    private Word readCondWord() {
        if (peek() == '(' || peek() == ')' || startsWith("&&") || startsWith("||")) return null;
        if (peek() == '<' || peek() == '>') return null;
        return readWord(false);
    }

    /** The right side of =~: parentheses and | are part of the regex. */
    private Word readRegexWord() {
        int start = pos;
        int level = 0;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!eof()) {
            char c = peek();
            if (level == 0 && (c == ' ' || c == '\t' || c == '\n')) break;
            if (c == '(') level++;
            else if (c == ')') { if (level == 0) break; level--; }
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                flushLit(lit, parts);
                readSpecial(parts, Mode.WORD);
                continue;
            }
            lit.append(c);
            pos++;
        }
        flushLit(lit, parts);
        if (pos == start) return null;
        return new Word(parts, src.substring(start, pos));
    }

    // ---- simple commands and redirections ----

    private Command parseSimple(int line) {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (eof()) break;
            Redir r = tryRedir();
            if (r != null) { redirs.add(r); continue; }
            char c = peek();
            if (c == '(' && words.size() == 1 && assigns.isEmpty() && redirs.isEmpty()) {
                // name() compound-command
                pos++;
                skipBlanks();
                if (peek() != ')') throw unexpected(tokenAt());
                pos++;
                return parseFunctionBody(words.get(0).raw(), pos, line);
            }
            if (isMeta(c) && !((c == '<' || c == '>') && peek(1) == '(')) break;
            if (words.isEmpty()) {
                Assign a = tryAssign();
                if (a != null) { assigns.add(a); continue; }
            }
            int start = pos;
            Word w = readWord(false);
            if (w == null) break;
            if (words.isEmpty() && aliases != null && expandAlias(w, start)) continue;
            if (words.isEmpty() && assigns.isEmpty() && redirs.isEmpty()) {
                String lw = w.literal();
                if (lw != null && TERMINATORS.contains(lw)) { pos = start; throw unexpected(lw); }
            }
            if (!words.isEmpty() && isDeclaration(words.get(0))) {
                int save = pos;
                pos = start;
                Assign a = tryAssign();
                if (a != null) {
                    words.add(new Word(List.of(new AssignArg(a)), src.substring(start, pos)));
                    continue;
                }
                pos = save;
            }
            words.addAll(Braces.expand(w));
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) throw unexpected(tokenAt());
        return new Simple(assigns, words, redirs, line);
    }

    /** Replaces an alias name in command position by its value, in the source text itself. */
    private boolean expandAlias(Word w, int start) {
        String name = w.literal();
        if (name == null || !w.raw().equals(name)) return false;
        java.util.Map<String, String> defs = aliases.get();
        String value = defs == null ? null : defs.get(name);
        if (value == null) return false;
        if (start < aliasEnd && aliasActive.contains(name)) return false;
        if (start >= aliasEnd) aliasActive.clear();
        aliasActive.add(name);
        src = src.substring(0, start) + value + src.substring(pos);
        aliasEnd = start + value.length();
        pos = start;
        computeLines();
        return true;
    }

    private static boolean isDeclaration(Word w) {
        String s = w.literal();
        return s != null && (s.equals("declare") || s.equals("local") || s.equals("export") || s.equals("readonly")
                || s.equals("typeset"));
    }

    private Assign tryAssign() {
        int start = pos;
        int e = pos;
        if (e >= src.length() || !isNameStart(src.charAt(e))) return null;
        while (e < src.length() && isNameChar(src.charAt(e))) e++;
        String name = src.substring(pos, e);
        Word index = null;
        if (e < src.length() && src.charAt(e) == '[') {
            int close = findBracketClose(e);
            if (close < 0) return null;
            pos = e + 1;
            index = new Parser(src.substring(e + 1, close), lineAt(e)).parseEmbedded(Mode.ARITH);
            e = close + 1;
        }
        boolean append = false;
        if (e < src.length() && src.charAt(e) == '+' && e + 1 < src.length() && src.charAt(e + 1) == '=') { append = true; e++; }
        if (e >= src.length() || src.charAt(e) != '=') { pos = start; return null; }
        pos = e + 1;
        if (peek() == '(' && index == null) {
            pos++;
            List<Word> items = new ArrayList<>();
            while (true) {
                skipNewlines();
                if (peek() == ')') { pos++; break; }
                if (eof()) throw eofError();
                Word w = readWord(false);
                if (w == null) throw unexpected(tokenAt());
                items.addAll(Braces.expand(w));
            }
            return new Assign(name, null, null, items, append);
        }
        Word value = readWord(true);
        if (value == null) value = new Word(List.of(), "");
        return new Assign(name, index, value, null, append);
    }

    private int findBracketClose(int open) {
        int level = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '[') level++;
            else if (c == ']') { if (--level == 0) return i; }
            else if (c == '\n' || c == ' ' && level == 0) return -1;
        }
        return -1;
    }

    private Redir tryRedir() {
        int start = pos;
        int fd = -1;
        String varName = null;
        int e = pos;
        while (e < src.length() && Character.isDigit(src.charAt(e))) e++;
        if (e > pos && e < src.length() && (src.charAt(e) == '<' || src.charAt(e) == '>')) {
            fd = Integer.parseInt(src.substring(pos, e));
            pos = e;
        } else if (peek() == '{') {
            int close = src.indexOf('}', pos);
            if (close > pos + 1 && isName(src.substring(pos + 1, close)) && close + 1 < src.length()
                    && (src.charAt(close + 1) == '<' || src.charAt(close + 1) == '>')) {
                varName = src.substring(pos + 1, close);
                pos = close + 1;
            }
        }
        String op = null;
        for (String o : new String[] {"<<<", "<<-", "<<", "<>", "<&", ">>", ">&", ">|", "&>>", "&>", "<", ">"}) {
            if (startsWith(o)) { op = o; break; }
        }
        if (op == null || ((op.equals("<") || op.equals(">")) && peek(1) == '(')) {
            pos = start;
            return null;
        }
        pos += op.length();
        skipBlanks();
        if (op.equals("<<") || op.equals("<<-")) {
            int ws = pos;
            Word w = readWord(false);
            if (w == null) throw unexpected(tokenAt());
            String raw = src.substring(ws, pos);
            boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
            HereDoc hd = new HereDoc(quoted ? unquote(raw) : raw, !quoted, op.equals("<<-"));
            pending.add(hd);
            return new Redir(fd, "<<", null, hd, varName);
        }
        Word target = readWord(false);
        if (target == null) throw unexpected(eof() ? "newline" : tokenAt());
        return new Redir(fd, op, target, null, varName);
    }

    private static String unquote(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' || c == '"') continue;
            if (c == '\\' && i + 1 < raw.length()) { b.append(raw.charAt(++i)); continue; }
            b.append(c);
        }
        return b.toString();
    }

    // ---- words ----

    enum Mode { WORD, DQ, HEREDOC, ARITH, PARAM_ARG, PARAM_ARG_DQ, PATTERN_SLASH }

    /** Parses all of src as one word in the given mode (here-doc bodies, arithmetic, indexes). */
    Word parseEmbedded(Mode mode) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!eof()) {
            char c = peek();
            if (c == '$' || c == '`' || (c == '\\' && mode != Mode.ARITH) || (mode == Mode.ARITH && (c == '"' || c == '\''))) {
                flushQuoted(lit, parts, mode);
                if (mode == Mode.HEREDOC && c == '\\') {
                    char n = peek(1);
                    if (n == '$' || n == '`' || n == '\\') { parts.add(new Quoted(String.valueOf(n))); pos += 2; }
                    else if (n == '\n') pos += 2;
                    else { lit.append(c); pos++; }
                    continue;
                }
                readSpecial(parts, mode == Mode.ARITH ? Mode.WORD : Mode.DQ);
                continue;
            }
            lit.append(c);
            pos++;
        }
        flushQuoted(lit, parts, mode);
        return new Word(parts, src);
    }

    private static void flushQuoted(StringBuilder lit, List<Part> parts, Mode mode) {
        if (lit.isEmpty()) return;
        parts.add(mode == Mode.ARITH ? new Lit(lit.toString()) : new Quoted(lit.toString()));
        lit.setLength(0);
    }

    private static void flushLit(StringBuilder lit, List<Part> parts) {
        if (lit.isEmpty()) return;
        parts.add(new Lit(lit.toString()));
        lit.setLength(0);
    }

    /** Reads an unquoted word; null when there is none at pos. */
    Word readWord(boolean assignmentValue) {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!eof()) {
            char c = peek();
            if (isMeta(c)) {
                if (c == '(' && !lit.isEmpty() && "?*+@!".indexOf(lit.charAt(lit.length() - 1)) >= 0) {
                    readExtglob(lit);
                    continue;
                }
                if ((c == '<' || c == '>') && peek(1) == '(' && lit.isEmpty() && parts.isEmpty()) {
                    pos += 2;
                    Command body = parseCompoundList();
                    if (peek() != ')') throw eof() ? eofError() : unexpected(tokenAt());
                    pos++;
                    parts.add(new ProcSub(body, c == '<'));
                    continue;
                }
                break;
            }
            if (c == '~' && (pos == start || (assignmentValue && src.charAt(pos - 1) == ':'))) {
                int e = pos + 1;
                while (e < src.length() && (isNameChar(src.charAt(e)) || src.charAt(e) == '-' || src.charAt(e) == '+')) e++;
                if (e >= src.length() || src.charAt(e) == '/' || isMeta(src.charAt(e)) || (assignmentValue && src.charAt(e) == ':')) {
                    flushLit(lit, parts);
                    parts.add(new Tilde(src.substring(pos + 1, e)));
                    pos = e;
                    continue;
                }
            }
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(peek(1))) { lit.append(c); pos++; continue; }
                flushLit(lit, parts);
                readSpecial(parts, Mode.WORD);
                continue;
            }
            lit.append(c);
            pos++;
        }
        flushLit(lit, parts);
        if (pos == start) return null;
        return new Word(List.copyOf(parts), src.substring(start, pos));
    }

    private static boolean isExpansionStart(char c) {
        return c == '{' || c == '(' || c == '\'' || c == '"' || isNameChar(c) || "@*#?-$!".indexOf(c) >= 0;
    }

    private void readExtglob(StringBuilder lit) {
        int level = 0;
        while (!eof()) {
            char c = peek();
            lit.append(c);
            pos++;
            if (c == '(') level++;
            else if (c == ')' && --level == 0) return;
        }
        throw eofError();
    }

    /** Reads a quote, escape or expansion at pos into parts. */
    private void readSpecial(List<Part> parts, Mode mode) {
        char c = peek();
        switch (c) {
            case '\\' -> {
                char n = peek(1);
                if (n == '\n') { pos += 2; return; }
                if (pos + 1 >= src.length()) { parts.add(new Lit("\\")); pos++; return; }
                if (mode == Mode.DQ && "$`\"\\".indexOf(n) < 0) { parts.add(new Quoted("\\" + n)); pos += 2; return; }
                parts.add(new Quoted(String.valueOf(n)));
                pos += 2;
            }
            case '\'' -> {
                if (mode == Mode.DQ || mode == Mode.PARAM_ARG_DQ) { parts.add(new Quoted("'")); pos++; return; }
                int e = src.indexOf('\'', pos + 1);
                if (e < 0) { pos = src.length(); throw unmatched('\''); }
                parts.add(new Quoted(src.substring(pos + 1, e)));
                pos = e + 1;
            }
            case '"' -> {
                pos++;
                parts.add(new Dq(readDoubleQuoted()));
            }
            case '`' -> parts.add(readBackquote());
            case '$' -> readDollar(parts, mode);
            default -> throw new IllegalStateException();
        }
    }

    private List<Part> readDoubleQuoted() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (eof()) throw unmatched('"');
            char c = peek();
            if (c == '"') { pos++; break; }
            if (c == '\\' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(peek(1))) { lit.append(c); pos++; continue; }
                if (c == '$' && peek(1) == '\'') { lit.append(c); pos++; continue; }
                if (!lit.isEmpty()) { parts.add(new Quoted(lit.toString())); lit.setLength(0); }
                readSpecial(parts, Mode.DQ);
                continue;
            }
            lit.append(c);
            pos++;
        }
        if (!lit.isEmpty()) parts.add(new Quoted(lit.toString()));
        return parts;
    }

    private Part readBackquote() {
        int startLine = currentLine();
        pos++;
        StringBuilder body = new StringBuilder();
        while (true) {
            if (eof()) throw unmatched('`');
            char c = peek();
            if (c == '`') { pos++; break; }
            if (c == '\\' && (peek(1) == '$' || peek(1) == '`' || peek(1) == '\\')) { body.append(peek(1)); pos += 2; continue; }
            body.append(c);
            pos++;
        }
        String text = body.toString();
        Parser sub = new Parser(text, startLine);
        List<Command> items = new ArrayList<>();
        Command cmd;
        while ((cmd = sub.next()) != null) items.add(cmd);
        return new CmdSub(items.size() == 1 ? items.get(0) : new Sequence(items), text);
    }

    private void readDollar(List<Part> parts, Mode mode) {
        char n = peek(1);
        if (n == '\'' && mode == Mode.WORD) {
            pos += 2;
            StringBuilder raw = new StringBuilder();
            while (true) {
                if (eof()) throw unmatched('\'');
                char c = peek();
                if (c == '\'') { pos++; break; }
                if (c == '\\' && pos + 1 < src.length()) { raw.append(c).append(peek(1)); pos += 2; continue; }
                raw.append(c);
                pos++;
            }
            parts.add(new Quoted(Escapes.ansiC(raw.toString())));
            return;
        }
        if (n == '"' && mode == Mode.WORD) {
            pos += 2;
            parts.add(new Dq(readDoubleQuoted()));
            return;
        }
        if (n == '(') {
            if (peek(2) == '(') {
                int save = pos;
                String text = scanArith();
                if (text != null) {
                    parts.add(new ArithSub(new Parser(text, lineAt(save)).parseEmbedded(Mode.ARITH)));
                    return;
                }
                pos = save;
            }
            int s = pos + 2;
            pos += 2;
            Command body;
            skipNewlines();
            if (peek() == ')') body = new Sequence(List.of());
            else body = parseCompoundList();
            if (peek() != ')') throw eof() ? unmatched(')') : unexpected(tokenAt());
            pos++;
            parts.add(new CmdSub(body, src.substring(s, pos - 1)));
            return;
        }
        if (n == '{') {
            pos += 2;
            parts.add(readBraceParam(mode == Mode.DQ));
            return;
        }
        pos++;
        if (isNameStart(n)) {
            int e = pos;
            while (e < src.length() && isNameChar(src.charAt(e))) e++;
            parts.add(new Param(src.substring(pos, e), null, "", null, null));
            pos = e;
            return;
        }
        if (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0) {
            pos++;
            parts.add(new Param(String.valueOf(n), null, "", null, null));
            return;
        }
        parts.add(new Lit("$"));
    }

    /** Scans $(( ... )) from pos; returns the inner text or null if it is not arithmetic. */
    private String scanArith() {
        pos += 3;
        int start = pos;
        int level = 0;
        while (!eof()) {
            char c = peek();
            if (c == '(') level++;
            else if (c == ')') {
                if (level == 0) {
                    if (peek(1) == ')') {
                        String t = src.substring(start, pos);
                        pos += 2;
                        return t;
                    }
                    return null;
                }
                level--;
            }
            pos++;
        }
        throw unmatched(')');
    }

    private Part readBraceParam(boolean inDq) {
        String prefixOp = "";
        if (peek() == '#' && peek(1) != '}' && !(peek(1) == ':' || peek(1) == '-' || peek(1) == '=' || peek(1) == '+' || peek(1) == '?')
                || (peek() == '#' && peek(1) == '#' )) {
            prefixOp = "#len";
            pos++;
        } else if (peek() == '!' && peek(1) != '}') {
            prefixOp = "!ind";
            pos++;
        }
        String name;
        int s = pos;
        if (isNameStart(peek())) {
            while (isNameChar(peek())) pos++;
            name = src.substring(s, pos);
        } else if (Character.isDigit(peek())) {
            while (Character.isDigit(peek())) pos++;
            name = src.substring(s, pos);
        } else if ("@*#?-$!".indexOf(peek()) >= 0 && !eof()) {
            pos++;
            name = src.substring(s, pos);
        } else {
            throw badSubstitution();
        }
        Word index = null;
        if (peek() == '[') {
            int close = findBracketClose(pos);
            if (close < 0) throw badSubstitution();
            index = new Parser(src.substring(pos + 1, close), currentLine()).parseEmbedded(Mode.ARITH);
            pos = close + 1;
        }
        if (prefixOp.equals("!ind") && (peek() == '*' || peek() == '@') && peek(1) == '}') {
            pos += 2;
            return new Param(name, null, "!prefix", null, null);
        }
        if (peek() == '}') {
            pos++;
            if (prefixOp.equals("!ind") && index != null && index.literal() != null && (index.literal().equals("@") || index.literal().equals("*"))) {
                return new Param(name, index, "!keys", null, null);
            }
            return new Param(name, index, prefixOp, null, null);
        }
        if (!prefixOp.isEmpty() && !prefixOp.equals("!ind")) throw badSubstitution();
        String op;
        String rest = src.substring(pos, Math.min(src.length(), pos + 2));
        if (rest.startsWith(":-") || rest.startsWith(":=") || rest.startsWith(":?") || rest.startsWith(":+")) op = rest;
        else if (rest.startsWith("##") || rest.startsWith("%%") || rest.startsWith("//") || rest.startsWith("/#")
                || rest.startsWith("/%") || rest.startsWith("^^") || rest.startsWith(",,")) op = rest;
        else if ("-=?+#%/:^,@".indexOf(peek()) >= 0 && !eof()) op = String.valueOf(peek());
        else throw badSubstitution();
        pos += op.length();
        Mode argMode = inDq ? Mode.PARAM_ARG_DQ : Mode.PARAM_ARG;
        Word arg = null, arg2 = null;
        if (op.startsWith("/")) {
            arg = readParamArg(argMode, true);
            if (peek() == '/') { pos++; arg2 = readParamArg(argMode, false); }
        } else if (op.equals(":")) {
            arg = readParamArg(argMode, false, ':');
            if (peek() == ':') { pos++; arg2 = readParamArg(argMode, false); }
        } else if (op.equals("@")) {
            arg = readParamArg(argMode, false);
        } else {
            arg = readParamArg(argMode, false);
        }
        if (peek() != '}') throw eof() ? unmatched('}') : badSubstitution();
        pos++;
        if (prefixOp.equals("!ind")) op = "!" + op;
        return new Param(name, index, op, arg, arg2);
    }

    private SyntaxError badSubstitution() {
        int e = src.indexOf('}', pos);
        int s = src.lastIndexOf("${", pos);
        String text = e < 0 || s < 0 ? "${" : src.substring(s, e + 1);
        return new SyntaxError("BADSUB:" + text, currentLine(), null);
    }

    private Word readParamArg(Mode mode, boolean stopAtSlash) {
        return readParamArg(mode, stopAtSlash, '\0');
    }

    private Word readParamArg(Mode mode, boolean stopAtSlash, char stop) {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int level = 0;
        while (true) {
            if (eof()) throw unmatched('}');
            char c = peek();
            if (c == '}' && level == 0) break;
            if (stopAtSlash && c == '/') break;
            if (c == stop && level == 0) break;
            if (c == '{') level++;
            if (c == '}') level--;
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') {
                if (c == '$' && !isExpansionStart(peek(1))) { lit.append(c); pos++; continue; }
                if (mode == Mode.PARAM_ARG_DQ) {
                    if (!lit.isEmpty()) { parts.add(new Quoted(lit.toString())); lit.setLength(0); }
                    if (c == '"') { pos++; continue; }
                    readSpecial(parts, Mode.DQ);
                } else {
                    flushLit(lit, parts);
                    readSpecial(parts, Mode.WORD);
                }
                continue;
            }
            lit.append(c);
            pos++;
        }
        if (mode == Mode.PARAM_ARG_DQ) { if (!lit.isEmpty()) parts.add(new Quoted(lit.toString())); }
        else flushLit(lit, parts);
        return new Word(parts, src.substring(start, pos));
    }
}
