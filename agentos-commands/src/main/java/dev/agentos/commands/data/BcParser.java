package dev.agentos.commands.data;

import java.util.ArrayList;
import java.util.List;

/** Parses bc tokens into statements and expressions, with POSIX bc's precedence. */
final class BcParser {
    sealed interface Node permits Num, Var, Elem, Call, Unary, Binary, Assign, IncDec, Rel, Not, Logic {}
    record Num(String text) implements Node {}
    record Var(String name) implements Node {}
    record Elem(String name, Node index) implements Node {}
    record Call(String name, List<Node> args) implements Node {}
    record Unary(Node e) implements Node {}
    record Binary(String op, Node l, Node r) implements Node {}
    record Assign(String op, Node target, Node value) implements Node {}
    record IncDec(boolean inc, boolean prefix, Node target) implements Node {}
    record Rel(String op, Node l, Node r) implements Node {}
    record Not(Node e) implements Node {}
    record Logic(boolean and, Node l, Node r) implements Node {}

    sealed interface Stmt permits ExprStmt, Str, Print, If, While, For, Block, Break, Continue, Return, Quit, Define, Empty {}
    record ExprStmt(Node e) implements Stmt {}
    record Str(String s) implements Stmt {}
    record Print(List<Object> items) implements Stmt {}
    record If(Node cond, Stmt then, Stmt otherwise) implements Stmt {}
    record While(Node cond, Stmt body) implements Stmt {}
    record For(Node init, Node cond, Node step, Stmt body) implements Stmt {}
    record Block(List<Stmt> body) implements Stmt {}
    record Break() implements Stmt {}
    record Continue() implements Stmt {}
    record Return(Node e) implements Stmt {}
    record Quit() implements Stmt {}
    record Define(String name, List<String> params, List<String> autos, List<Stmt> body) implements Stmt {}
    record Empty() implements Stmt {}

    /** A syntax error at a line. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(int line) {
            super("syntax error", null, false, false);
            this.line = line;
        }
    }

    private final List<BcLexer.Token> toks;
    private int pos;

    BcParser(List<BcLexer.Token> toks) {
        this.toks = toks;
    }

    boolean atEnd() {
        skipNewlines();
        return pos >= toks.size();
    }

    private void skipNewlines() {
        while (pos < toks.size() && (toks.get(pos).kind().equals("nl") || is(";"))) pos++;
    }

    private BcLexer.Token peek() {
        return pos < toks.size() ? toks.get(pos) : toks.get(toks.size() - 1);
    }

    private boolean is(String op) {
        BcLexer.Token t = peek();
        return pos < toks.size() && (t.kind().equals("op") || t.kind().equals("name")) && t.text().equals(op);
    }

    private boolean accept(String op) {
        if (is(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) throw new SyntaxError(peek().line());
    }

    int line() { return peek().line(); }

    /** The next top-level statement. */
    Stmt next() {
        skipNewlines();
        Stmt s = statement();
        if (pos < toks.size() && !peek().kind().equals("nl") && !is(";") && !is("}")) throw new SyntaxError(peek().line());
        return s;
    }

    private Stmt statement() {
        BcLexer.Token t = peek();
        if (t.kind().equals("str")) {
            pos++;
            return new Str(t.text());
        }
        if (accept("{")) {
            List<Stmt> body = new ArrayList<>();
            while (true) {
                skipNewlines();
                if (accept("}")) break;
                if (pos >= toks.size()) throw new SyntaxError(t.line());
                body.add(statement());
            }
            return new Block(body);
        }
        if (t.kind().equals("name")) {
            switch (t.text()) {
                case "if" -> {
                    pos++;
                    expect("(");
                    Node c = expr();
                    expect(")");
                    Stmt then = body();
                    int save = pos;
                    skipNewlines();
                    if (accept("else")) return new If(c, then, body());
                    pos = save;
                    return new If(c, then, null);
                }
                case "while" -> {
                    pos++;
                    expect("(");
                    Node c = expr();
                    expect(")");
                    return new While(c, body());
                }
                case "for" -> {
                    pos++;
                    expect("(");
                    Node a = is(";") ? null : expr();
                    expect(";");
                    Node b = is(";") ? null : expr();
                    expect(";");
                    Node c = is(")") ? null : expr();
                    expect(")");
                    return new For(a, b, c, body());
                }
                case "break" -> { pos++; return new Break(); }
                case "continue" -> { pos++; return new Continue(); }
                case "quit", "halt" -> { pos++; return new Quit(); }
                case "return" -> {
                    pos++;
                    if (peek().kind().equals("nl") || is(";") || is("}")) return new Return(null);
                    return new Return(expr());
                }
                case "print" -> {
                    pos++;
                    List<Object> items = new ArrayList<>();
                    do {
                        if (peek().kind().equals("str")) items.add(toks.get(pos++).text());
                        else items.add(expr());
                    } while (accept(","));
                    return new Print(items);
                }
                case "define" -> {
                    pos++;
                    String name = toks.get(pos++).text();
                    expect("(");
                    List<String> params = new ArrayList<>();
                    while (!is(")")) {
                        String p = toks.get(pos++).text();
                        if (accept("[")) {
                            expect("]");
                            p += "[]";
                        }
                        params.add(p);
                        if (!accept(",")) break;
                    }
                    expect(")");
                    while (peek().kind().equals("nl")) pos++;
                    expect("{");
                    List<String> autos = new ArrayList<>();
                    List<Stmt> body = new ArrayList<>();
                    while (true) {
                        skipNewlines();
                        if (accept("}")) break;
                        if (pos >= toks.size()) throw new SyntaxError(t.line());
                        if (accept("auto")) {
                            do {
                                String a = toks.get(pos++).text();
                                if (accept("[")) {
                                    expect("]");
                                    a += "[]";
                                }
                                autos.add(a);
                            } while (accept(","));
                            continue;
                        }
                        body.add(statement());
                    }
                    return new Define(name, params, autos, body);
                }
                default -> { }
            }
        }
        if (peek().kind().equals("nl")) return new Empty();
        return new ExprStmt(expr());
    }

    private Stmt body() {
        while (peek().kind().equals("nl")) pos++;
        if (is(";")) {
            pos++;
            return new Empty();
        }
        return statement();
    }

    Node expr() {
        Node l = and();
        while (accept("||")) l = new Logic(false, l, and());
        return l;
    }

    private Node and() {
        Node l = not();
        while (accept("&&")) l = new Logic(true, l, not());
        return l;
    }

    private Node not() {
        if (accept("!")) return new Not(not());
        return rel();
    }

    private Node rel() {
        Node l = assign();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) return new Rel(op, l, assign());
        }
        return l;
    }

    private Node assign() {
        Node l = add();
        if (l instanceof Var || l instanceof Elem) {
            for (String op : List.of("=", "+=", "-=", "*=", "/=", "%=", "^=")) {
                if (accept(op)) return new Assign(op, l, assign());
            }
        }
        return l;
    }

    private Node add() {
        Node l = mul();
        while (true) {
            if (accept("+")) l = new Binary("+", l, mul());
            else if (accept("-")) l = new Binary("-", l, mul());
            else return l;
        }
    }

    private Node mul() {
        Node l = pow();
        while (true) {
            if (accept("*")) l = new Binary("*", l, pow());
            else if (accept("/")) l = new Binary("/", l, pow());
            else if (accept("%")) l = new Binary("%", l, pow());
            else return l;
        }
    }

    private Node pow() {
        Node l = unary();
        if (accept("^")) return new Binary("^", l, pow());
        return l;
    }

    private Node unary() {
        if (accept("-")) return new Unary(unary());
        if (accept("++")) return new IncDec(true, true, postfix());
        if (accept("--")) return new IncDec(false, true, postfix());
        return postfix();
    }

    private Node postfix() {
        Node e = primary();
        if ((e instanceof Var || e instanceof Elem) && accept("++")) return new IncDec(true, false, e);
        if ((e instanceof Var || e instanceof Elem) && accept("--")) return new IncDec(false, false, e);
        return e;
    }

    private Node primary() {
        BcLexer.Token t = peek();
        if (pos >= toks.size()) throw new SyntaxError(t.line());
        if (t.kind().equals("num")) {
            pos++;
            return new Num(t.text());
        }
        if (accept("(")) {
            Node e = expr();
            expect(")");
            // A parenthesized assignment prints its value: make it a plain expression (x + 0 keeps x's scale).
            return e instanceof Assign ? new Binary("+", e, new Num("0")) : e;
        }
        if (t.kind().equals("name")) {
            pos++;
            if (accept("(")) {
                List<Node> args = new ArrayList<>();
                while (!is(")")) {
                    args.add(expr());
                    if (!accept(",")) break;
                }
                expect(")");
                return new Call(t.text(), args);
            }
            if (accept("[")) {
                Node idx = expr();
                expect("]");
                return new Elem(t.text(), idx);
            }
            return new Var(t.text());
        }
        throw new SyntaxError(t.line());
    }
}
