package dev.agentos.commands.awk;

import dev.agentos.commands.awk.Lexer.T;
import dev.agentos.commands.awk.Lexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser from awk source to the executable tree: program items and statements. */
final class Parser extends ExprParser {
    private int loopDepth;
    private char ruleKind = 'M';
    private final boolean multiLine;

    Parser(String src, String file) {
        super(src, file);
        this.multiLine = src.indexOf('\n') >= 0 && src.indexOf('\n') < src.length() - 1;
        for (String s : Interp.SPECIALS) globals.put(s, globals.size());
    }

    List<String> warnings() { return lx.warnings; }

    Stmt.Program parse() {
        tok = lx.next();
        List<Stmt.Rule> rules = new ArrayList<>();
        skipTerminators();
        while (tok.type() != T.EOF) {
            item(rules);
            skipTerminators();
        }
        for (Object[] c : calls) {
            Expr.Call call = (Expr.Call) c[0];
            call.fn = functions.get(call.name);
            if (call.fn == null) throw new ParseError("function `" + call.name + "' not defined", -call.line, 0);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Object[] c : calls) {
                Expr.Call call = (Expr.Call) c[0];
                Expr.Function caller = (Expr.Function) c[1];
                if (caller == null) continue;
                for (int i = 0; i < call.args.size() && i < call.fn.arrayParam.length; i++) {
                    if (call.fn.arrayParam[i] && call.args.get(i) instanceof Expr.Local l && !caller.arrayParam[l.slot()]) {
                        caller.arrayParam[l.slot()] = true;
                        changed = true;
                    }
                }
            }
        }
        return new Stmt.Program(rules, functions, new ArrayList<>(globals.keySet()));
    }
    // ---- program items ----

    private void item(List<Stmt.Rule> rules) {
        switch (tok.type()) {
            case FUNCTION -> function();
            case BEGIN, END, BEGINFILE, ENDFILE -> {
                char kind = switch (tok.type()) {
                    case BEGIN -> 'B';
                    case END -> 'E';
                    case BEGINFILE -> 'b';
                    default -> 'e';
                };
                advance();
                if (!at(T.LBRACE)) throw error();
                ruleKind = kind;
                rules.add(new Stmt.Rule(kind, null, null, block()));
                ruleKind = 'M';
            }
            case LBRACE -> rules.add(new Stmt.Rule('M', null, null, block()));
            default -> {
                Expr p = expr();
                Expr p2 = null;
                if (at(T.COMMA)) {
                    advance();
                    optNewlines();
                    p2 = expr();
                }
                Stmt action = at(T.LBRACE) ? block() : null;
                rules.add(new Stmt.Rule('M', p, p2, action));
            }
        }
    }

    private void function() {
        advance();
        if (!at(T.NAME) && !at(T.FUNC_NAME)) throw error();
        String name = tok.text();
        if (functions.containsKey(name)) throw new ParseError("function name `" + name + "' previously defined", tok.line(), -3);
        advance();
        expect(T.LPAREN);
        List<String> params = new ArrayList<>();
        Map<String, Integer> map = new HashMap<>();
        optNewlines();
        while (!at(T.RPAREN)) {
            if (!at(T.NAME)) throw error();
            if (map.containsKey(tok.text())) {
                throw new ParseError("function `" + name + "': parameter #" + (params.size() + 1) + ", `" + tok.text()
                        + "', duplicates parameter #" + (map.get(tok.text()) + 1), tok.line(), -3);
            }
            map.put(tok.text(), params.size());
            params.add(tok.text());
            advance();
            optNewlines();
            if (at(T.COMMA)) {
                advance();
                optNewlines();
            } else if (!at(T.RPAREN)) {
                throw error();
            }
        }
        advance();
        optNewlines();
        Expr.Function f = new Expr.Function(name, params);
        functions.put(name, f);
        fn = f;
        locals = map;
        f.body = block();
        fn = null;
        locals = Map.of();
    }

    // ---- statements ----

    private Stmt block() {
        expect(T.LBRACE);
        List<Stmt> body = new ArrayList<>();
        while (true) {
            skipTerminators();
            if (at(T.RBRACE)) break;
            if (at(T.EOF)) throw error();
            body.add(statement());
        }
        advance();
        return body.size() == 1 ? body.get(0) : new Stmt.Block(body);
    }

    private void endSimple() {
        if (at(T.EOF)) eofTerminated = true;
        if (at(T.SEMI) || at(T.NEWLINE)) advance();
        else if (!at(T.RBRACE) && !at(T.EOF)) throw error();
    }

    private Stmt bodyStatement() {
        optNewlines();
        if (at(T.SEMI)) {
            advance();
            return new Stmt.Block(List.of());
        }
        return statement();
    }

    private Stmt statement() {
        switch (tok.type()) {
            case LBRACE -> {
                return block();
            }
            case SEMI -> {
                advance();
                return new Stmt.Block(List.of());
            }
            case IF -> {
                advance();
                expect(T.LPAREN);
                Expr c = expr();
                expect(T.RPAREN);
                Stmt then = bodyStatement();
                // an else may follow after newlines or one semicolon
                while (at(T.NEWLINE)) advance();
                if (at(T.SEMI)) {
                    advance();
                    optNewlines();
                }
                Stmt otherwise = null;
                if (at(T.ELSE)) {
                    advance();
                    otherwise = bodyStatement();
                }
                return new Stmt.If(c, then, otherwise);
            }
            case WHILE -> {
                advance();
                expect(T.LPAREN);
                Expr c = expr();
                expect(T.RPAREN);
                if (at(T.SEMI)) {
                    advance();
                    return new Stmt.While(c, new Stmt.Block(List.of()));
                }
                loopDepth++;
                Stmt body = bodyStatement();
                loopDepth--;
                return new Stmt.While(c, body);
            }
            case DO -> {
                advance();
                loopDepth++;
                Stmt body = bodyStatement();
                loopDepth--;
                skipTerminators();
                expect(T.WHILE);
                expect(T.LPAREN);
                Expr c = expr();
                expect(T.RPAREN);
                endSimple();
                return new Stmt.Do(body, c);
            }
            case FOR -> {
                return forStatement();
            }
            default -> {
                int line = tok.line();
                Stmt s = simple();
                endSimple();
                return multiLine ? new Stmt.Line(line, s) : s;
            }
        }
    }

    private Stmt forStatement() {
        advance();
        expect(T.LPAREN);
        if (at(T.NAME) || at(T.LPAREN)) {
            // for (k in a)
            Expr e = expr();
            if (e instanceof Expr.In in && at(T.RPAREN) && in.subs().size() == 1 && in.subs().get(0) instanceof Expr.LValue lv) {
                advance();
                loopDepth++;
                Stmt body = bodyStatement();
                loopDepth--;
                return new Stmt.ForIn(lv, in.array(), body);
            }
            return forRest(new Stmt.ExprStmt(e));
        }
        Stmt init = at(T.SEMI) ? null : simple();
        return forRest(init);
    }

    private Stmt forRest(Stmt init) {
        expect(T.SEMI);
        optNewlines();
        Expr cond = at(T.SEMI) ? null : expr();
        expect(T.SEMI);
        optNewlines();
        Stmt step = at(T.RPAREN) ? null : simple();
        expect(T.RPAREN);
        if (at(T.SEMI)) {
            advance();
            return new Stmt.For(init, cond, step, new Stmt.Block(List.of()));
        }
        loopDepth++;
        Stmt body = bodyStatement();
        loopDepth--;
        return new Stmt.For(init, cond, step, body);
    }

    private Stmt simple() {
        Token t = tok;
        switch (t.type()) {
            case PRINT, PRINTF -> {
                return print();
            }
            case NEXT -> {
                advance();
                if (ruleKind == 'B' || ruleKind == 'E') {
                    throw new ParseError("`next' used in " + (ruleKind == 'B' ? "BEGIN" : "END") + " action", t.line(), -3);
                }
                return new Stmt.Jump(Stmt.NEXT);
            }
            case NEXTFILE -> {
                advance();
                if (ruleKind == 'B' || ruleKind == 'E') {
                    throw new ParseError("`nextfile' used in " + (ruleKind == 'B' ? "BEGIN" : "END") + " action", t.line(), -3);
                }
                return new Stmt.Jump(Stmt.NEXTFILE);
            }
            case BREAK, CONTINUE -> {
                advance();
                if (loopDepth == 0) {
                    throw new ParseError("`" + t.text() + "' is not allowed outside a loop or switch", t.line(), -5);
                }
                return new Stmt.Jump(t.type() == T.BREAK ? Stmt.BREAK : Stmt.CONTINUE);
            }
            case EXIT -> {
                advance();
                Expr e = endsSimple() ? null : expr();
                return new Stmt.Exit(e);
            }
            case RETURN -> {
                if (fn == null) throw new ParseError("`return' used outside function context", t.line(), t.pos());
                advance();
                Expr e = endsSimple() ? null : expr();
                return new Stmt.Return(e);
            }
            case DELETE -> {
                advance();
                boolean paren = at(T.LPAREN);
                if (paren) advance();
                if (!at(T.NAME)) throw error();
                Expr.Name a = arrayName(tok.text());
                advance();
                List<Expr> subs = null;
                if (at(T.LBRACKET)) {
                    advance();
                    subs = exprList(T.RBRACKET);
                }
                if (paren) expect(T.RPAREN);
                return new Stmt.Delete(a, subs);
            }
            default -> {
                return new Stmt.ExprStmt(expr());
            }
        }
    }

    private boolean endsSimple() {
        return at(T.SEMI) || at(T.NEWLINE) || at(T.RBRACE) || at(T.EOF);
    }

    private Stmt print() {
        boolean formatted = at(T.PRINTF);
        advance();
        List<Expr> args = new ArrayList<>();
        boolean saved = noGt;
        noGt = true;
        if (!endsSimple() && !at(T.GT) && !at(T.APPEND) && !at(T.PIPE)) {
            args.add(expr());
            while (at(T.COMMA)) {
                advance();
                optNewlines();
                args.add(expr());
            }
        }
        noGt = saved;
        if (args.size() == 1 && args.get(0) instanceof Expr.GroupList g) args = g.items();
        if (formatted && args.isEmpty()) throw error();
        char redir = 0;
        Expr dest = null;
        if (at(T.GT) || at(T.APPEND) || at(T.PIPE)) {
            redir = at(T.GT) ? '>' : at(T.APPEND) ? 'a' : '|';
            advance();
            saved = noGt;
            noGt = true;
            dest = concat();
            noGt = saved;
        }
        return new Stmt.Print(formatted, args, redir, dest);
    }
}
