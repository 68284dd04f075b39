package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser straight over the characters (shell tokens depend on context). {@link #next}
 * returns one complete command (a line) at a time, as bash executes them.
 */
final class Parser {
    final Lexer in;
    final WordParser words;
    final CondParser conds;
    final SimpleCommandParser simple;
    /** Alias definitions when alias expansion is on, else null. */
    java.util.function.Supplier<java.util.Map<String, String>> aliases;
    private int depth;

    Parser(String src, int firstLine) {
        in = new Lexer(src, firstLine);
        words = new WordParser(this);
        conds = new CondParser(this);
        simple = new SimpleCommandParser(this);
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

    // ---- lists ----

    /** The next complete command, or null at end of input. */
    Command next() {
        in.skipNewlines();
        if (in.eof()) return null;
        List<Command> items = new ArrayList<>();
        while (true) {
            Command c = parseAndOr();
            in.skipBlanks();
            char ch = in.peek();
            if (ch == '&' && in.peek(1) != '&') {
                in.pos++;
                c = new Background(c, in.lineAt(in.pos));
            } else if (ch == ';' && in.peek(1) != ';' && in.peek(1) != '&') {
                in.pos++;
            } else if (ch == '\n' || in.eof()) {
                items.add(c);
                break;
            } else {
                throw in.unexpected(in.tokenAt());
            }
            items.add(c);
            in.skipBlanks();
            if (in.peek() == '\n' || in.eof()) break;
        }
        if (in.peek() == '\n') {
            in.pos++;
            in.readHeredocs();
        } else if (!in.pending.isEmpty()) {
            in.readHeredocs();
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private boolean atListEnd() {
        if (in.eof()) return true;
        char c = in.peek();
        if (c == ')') return true;
        if (c == ';' && (in.peek(1) == ';' || in.peek(1) == '&')) return true;
        String r = in.peekReserved();
        return r != null && Lexer.TERMINATORS.contains(r);
    }

    Command parseCompoundList() {
        List<Command> items = new ArrayList<>();
        in.skipNewlines();
        while (!atListEnd()) {
            Command c = parseAndOr();
            in.skipBlanks();
            char ch = in.peek();
            if (ch == '&' && in.peek(1) != '&') {
                in.pos++;
                c = new Background(c, in.lineAt(in.pos));
            } else if (ch == ';' && in.peek(1) != ';' && in.peek(1) != '&') {
                in.pos++;
            } else if (ch != '\n' && !atListEnd()) {
                throw in.unexpected(in.tokenAt());
            }
            items.add(c);
            in.skipNewlines();
        }
        if (items.isEmpty()) {
            if (in.eof()) throw in.eofError();
            throw in.unexpected(in.tokenAt());
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private Command parseAndOr() {
        Command left = parsePipeline();
        while (true) {
            in.skipBlanks();
            if (in.startsWith("&&") || in.startsWith("||")) {
                boolean and = in.peek() == '&';
                in.pos += 2;
                in.skipNewlines();
                left = new AndOr(left, and, parsePipeline());
            } else return left;
        }
    }

    private Command parsePipeline() {
        in.skipBlanks();
        int line = in.currentLine();
        boolean bang = false, timed = false;
        while (true) {
            String r = in.peekReserved();
            if ("!".equals(r)) { in.pos++; bang = !bang; in.skipBlanks(); }
            else if ("time".equals(r)) { in.pos += 4; timed = true; in.skipBlanks(); if (in.startsWith("-p ")) { in.pos += 3; in.skipBlanks(); } }
            else break;
        }
        List<Command> cmds = new ArrayList<>();
        cmds.add(parseCommand());
        while (true) {
            in.skipBlanks();
            if (in.peek() == '|' && in.peek(1) != '|') {
                boolean both = in.peek(1) == '&';
                in.pos += both ? 2 : 1;
                if (both) {
                    Command last = cmds.remove(cmds.size() - 1);
                    cmds.add(withRedir(last, new Redir(2, ">&", lit("1"), null, null)));
                }
                in.skipNewlines();
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
        in.skipBlanks();
        if (++depth > 1000) throw new SyntaxError("expression nesting too deep", in.currentLine(), null);
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
            in.skipBlanks();
            Redir r = simple.tryRedir();
            if (r == null) break;
            rs.add(r);
        }
        return rs.isEmpty() ? c : new Redirected(c, rs);
    }

    private Command parseCommandInner() {
        if (in.eof()) throw in.eofError();
        int line = in.currentLine();
        char c = in.peek();
        if (c == '(') {
            if (in.peek(1) == '(') {
                int save = in.pos;
                Command a = tryArithCommand(line);
                if (a != null) return a;
                in.pos = save;
            }
            in.pos++;
            Command body = parseCompoundList();
            if (in.peek() != ')') throw in.eof() ? in.eofError() : in.unexpected(in.tokenAt());
            in.pos++;
            return new Subshell(body, line);
        }
        String op = in.peekOperator();
        if (op != null) throw in.unexpected(op);
        if (c == '\n') throw in.unexpected("newline");
        String r = in.peekReserved();
        if (r != null) {
            switch (r) {
                case "if": return parseIf();
                case "while": case "until": {
                    in.pos += r.length();
                    Command cond = parseCompoundList();
                    in.expectReserved("do");
                    Command body = parseCompoundList();
                    in.expectReserved("done");
                    return new Loop(cond, body, r.equals("until"));
                }
                case "for": case "select": return parseFor(line);
                case "case": return parseCase(line);
                case "{": {
                    in.pos++;
                    Command body = parseCompoundList();
                    in.expectReserved("}");
                    return new Group(body);
                }
                case "[[": return conds.parseCond(line);
                case "function": {
                    in.pos += 8;
                    in.skipBlanks();
                    int start = in.pos;
                    Word name = words.readWord(false);
                    if (name == null) throw in.unexpected(in.tokenAt());
                    in.skipBlanks();
                    if (in.startsWith("()")) in.pos += 2;
                    else if (in.peek() == '(') { in.pos++; in.skipBlanks(); if (in.peek() != ')') throw in.unexpected(in.tokenAt()); in.pos++; }
                    return parseFunctionBody(name.raw(), start, line);
                }
                case "!": case "time": case "in": case "]]":
                    break;
                default: throw in.unexpected(r);
            }
        }
        return simple.parseSimple(line);
    }

    Command parseFunctionBody(String name, int start, int line) {
        in.skipNewlines();
        Command body = parseCommand();
        if (body instanceof Simple) throw in.unexpected(in.tokenAt());
        return new FuncDef(name, body, in.src.substring(start, in.pos), line);
    }

    private Command tryArithCommand(int line) {
        in.pos += 2;
        int start = in.pos;
        int level = 0;
        while (!in.eof()) {
            char c = in.peek();
            if (c == '(') level++;
            else if (c == ')') {
                if (level == 0) {
                    if (in.peek(1) == ')') {
                        String text = in.src.substring(start, in.pos);
                        in.pos += 2;
                        return new ArithCmd(new Parser(text, in.lineAt(start)).words.parseEmbedded(WordParser.Mode.ARITH), line);
                    }
                    return null;
                }
                level--;
            }
            in.pos++;
        }
        return null;
    }

    private Command parseIf() {
        in.pos += 2;
        List<Command> conds = new ArrayList<>(), bodies = new ArrayList<>();
        Command elseBody = null;
        conds.add(parseCompoundList());
        in.expectReserved("then");
        bodies.add(parseCompoundList());
        while (true) {
            in.skipNewlines();
            String r = in.peekReserved();
            if ("elif".equals(r)) {
                in.pos += 4;
                conds.add(parseCompoundList());
                in.expectReserved("then");
                bodies.add(parseCompoundList());
            } else if ("else".equals(r)) {
                in.pos += 4;
                elseBody = parseCompoundList();
                in.expectReserved("fi");
                break;
            } else {
                in.expectReserved("fi");
                break;
            }
        }
        return new If(conds, bodies, elseBody);
    }

    private Command parseFor(int line) {
        boolean select = in.startsWith("select");
        in.pos += select ? 6 : 3;
        in.skipBlanks();
        if (!select && in.startsWith("((")) {
            in.pos += 2;
            int start = in.pos;
            int level = 0;
            while (!in.eof() && !(level == 0 && in.startsWith("))"))) {
                if (in.peek() == '(') level++;
                if (in.peek() == ')') level--;
                in.pos++;
            }
            if (in.eof()) throw in.eofError();
            String[] parts = in.src.substring(start, in.pos).split(";", -1);
            in.pos += 2;
            if (parts.length != 3) throw in.unexpected("((");
            in.skipBlanks();
            if (in.peek() == ';') in.pos++;
            in.skipNewlines();
            Command body = parseDoGroup();
            return new ArithFor(parts[0].strip(), parts[1].strip(), parts[2].strip(), body, line);
        }
        Word name = words.readWord(false);
        if (name == null || !Lexer.isName(name.raw())) throw in.unexpected(name == null ? in.tokenAt() : name.raw());
        in.skipBlanks();
        List<Word> items = null;
        if (in.peek() == ';') in.pos++;
        in.skipNewlines();
        if ("in".equals(in.peekReserved())) {
            in.pos += 2;
            items = new ArrayList<>();
            while (true) {
                in.skipBlanks();
                if (in.peek() == ';' || in.peek() == '\n' || in.eof()) break;
                Word w = words.readWord(false);
                if (w == null) throw in.unexpected(in.tokenAt());
                items.addAll(Braces.expand(w));
            }
            if (in.peek() == ';') in.pos++;
            in.skipNewlines();
        }
        Command body = parseDoGroup();
        return select ? new Select(name.raw(), items, body, line) : new For(name.raw(), items, body, line);
    }

    private Command parseDoGroup() {
        in.skipNewlines();
        String r = in.peekReserved();
        if ("{".equals(r)) {
            in.pos++;
            Command body = parseCompoundList();
            in.expectReserved("}");
            return body;
        }
        in.expectReserved("do");
        Command body = parseCompoundList();
        in.expectReserved("done");
        return body;
    }

    private Command parseCase(int line) {
        in.pos += 4;
        in.skipBlanks();
        Word subject = words.readWord(false);
        if (subject == null) throw in.unexpected(in.tokenAt());
        in.skipNewlines();
        in.expectReserved("in");
        List<CaseItem> items = new ArrayList<>();
        while (true) {
            in.skipNewlines();
            if ("esac".equals(in.peekReserved())) { in.pos += 4; break; }
            if (in.eof()) throw in.eofError();
            if (in.peek() == '(') in.pos++;
            List<Word> pats = new ArrayList<>();
            while (true) {
                in.skipBlanks();
                Word w = words.readWord(false);
                if (w == null) throw in.unexpected(in.tokenAt());
                pats.add(w);
                in.skipBlanks();
                if (in.peek() == '|') { in.pos++; continue; }
                if (in.peek() == ')') { in.pos++; break; }
                throw in.unexpected(in.tokenAt());
            }
            in.skipNewlines();
            Command body = null;
            if (!(in.startsWith(";;") || in.startsWith(";&") || "esac".equals(in.peekReserved()))) body = parseCompoundList();
            in.skipNewlines();
            String term = ";;";
            if (in.startsWith(";;&")) { term = ";;&"; in.pos += 3; }
            else if (in.startsWith(";;")) in.pos += 2;
            else if (in.startsWith(";&")) { term = ";&"; in.pos += 2; }
            else if (!"esac".equals(in.peekReserved())) throw in.eof() ? in.eofError() : in.unexpected(in.tokenAt());
            items.add(new CaseItem(pats, body, term));
        }
        return new Case(subject, items, line);
    }
}
