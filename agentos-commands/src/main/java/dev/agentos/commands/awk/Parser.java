package dev.agentos.commands.awk;

import dev.agentos.commands.awk.Lexer.T;
import dev.agentos.commands.awk.Lexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser from awk source to the executable tree. */
final class Parser {
    private final Lexer lx;
    private Token tok;
    private final Map<String, Integer> globals = new LinkedHashMap<>();
    private final Map<String, Expr.Function> functions = new LinkedHashMap<>();
    private final List<Object[]> calls = new ArrayList<>(); // {Call, enclosing Function or null}
    private Expr.Function fn;
    private Map<String, Integer> locals = Map.of();
    private boolean noGt;
    private boolean noIn;
    private int loopDepth;
    private Token lastClose;
    private char ruleKind = 'M';
    private final boolean multiLine;
    /** The end of input already served as a statement's terminating newline. */
    private boolean eofTerminated;

    Parser(String src, String file) {
        this.lx = new Lexer(src, file);
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

    // ---- tokens ----

    private void advance() { tok = lx.next(); }

    private boolean at(T t) { return tok.type() == t; }

    private Token expect(T t) {
        if (tok.type() != t) throw error();
        Token x = tok;
        advance();
        return x;
    }

    ParseError error() {
        if (at(T.EOF) && eofTerminated) return new ParseError("unexpected newline or end of string", tok.line(), -4);
        if (at(T.EOF) || at(T.NEWLINE)) return new ParseError("unexpected newline or end of string", tok.line(), -1);
        int p = tok.pos() + Math.max(tok.text().length(), 1) - 1;
        return new ParseError("syntax error", tok.line(), p);
    }

    private void optNewlines() {
        while (at(T.NEWLINE)) advance();
    }

    private void skipTerminators() {
        while (at(T.NEWLINE) || at(T.SEMI)) advance();
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

    // ---- expressions ----

    private List<Expr> exprList(T close) {
        List<Expr> list = new ArrayList<>();
        optNewlines();
        boolean saved = noGt;
        noGt = false;
        while (!at(close)) {
            list.add(expr());
            optNewlines();
            if (at(T.COMMA)) {
                advance();
                optNewlines();
            } else if (!at(close)) {
                throw error();
            }
        }
        noGt = saved;
        lastClose = tok;
        advance();
        return list;
    }

    Expr expr() {
        Expr lhs = ternary();
        T t = tok.type();
        char op = switch (t) {
            case ASSIGN -> '=';
            case ADD_ASSIGN -> '+';
            case SUB_ASSIGN -> '-';
            case MUL_ASSIGN -> '*';
            case DIV_ASSIGN -> '/';
            case MOD_ASSIGN -> '%';
            case POW_ASSIGN -> '^';
            default -> 0;
        };
        if (op != 0 && lhs instanceof Expr.LValue lv) {
            advance();
            optNewlines();
            Expr rhs = expr();
            return op == '=' ? new Expr.Assign(lv, rhs) : new Expr.OpAssign(lv, op, rhs);
        }
        return lhs;
    }

    private Expr ternary() {
        Expr c = or();
        if (!at(T.QUESTION)) return c;
        advance();
        optNewlines();
        Expr a = expr();
        optNewlines();
        expect(T.COLON);
        optNewlines();
        Expr b = expr();
        return new Expr.Cond(c, a, b);
    }

    private Expr or() {
        Expr l = and();
        while (at(T.OR)) {
            advance();
            optNewlines();
            l = new Expr.Or(l, and());
        }
        return l;
    }

    private Expr and() {
        Expr l = in();
        while (at(T.AND)) {
            advance();
            optNewlines();
            l = new Expr.And(l, in());
        }
        return l;
    }

    private Expr in() {
        Expr l = match();
        while (at(T.IN) && !noIn) {
            advance();
            if (!at(T.NAME)) throw error();
            Expr.Name a = arrayName(tok.text());
            advance();
            List<Expr> subs = l instanceof Expr.GroupList g ? g.items() : List.of(l);
            l = new Expr.In(subs, a);
        }
        return l;
    }

    private Expr match() {
        Expr l = compare();
        while (at(T.TILDE) || at(T.NOMATCH)) {
            boolean neg = at(T.NOMATCH);
            advance();
            l = new Expr.Match(neg, l, compare());
        }
        return l;
    }

    private Expr compare() {
        Expr l = concat();
        while (true) {
            char op = switch (tok.type()) {
                case LT -> '<';
                case LE -> 'L';
                case NE -> '!';
                case EQ -> '=';
                case GE -> 'G';
                case GT -> noGt ? 0 : '>';
                default -> 0;
            };
            if (op != 0) {
                advance();
                l = new Expr.Compare(op, l, concat());
                continue;
            }
            if (at(T.PIPE) && !noGt) {
                advance();
                if (!at(T.GETLINE)) throw error();
                advance();
                Expr.LValue var = optionalGetlineVar();
                l = new Expr.Getline(2, var, l);
                continue;
            }
            return l;
        }
    }

    private Expr.LValue optionalGetlineVar() {
        if (at(T.NAME) || at(T.DOLLAR)) {
            Expr v = at(T.DOLLAR) ? dollar() : primary();
            if (v instanceof Expr.LValue lv) return lv;
            throw error();
        }
        return null;
    }

    private boolean startsConcat() {
        return switch (tok.type()) {
            case NUMBER, STRING, NAME, FUNC_NAME, BUILTIN, DOLLAR, NOT, LPAREN, MINUS, PLUS, INCR, DECR -> true;
            default -> false;
        };
    }

    private Expr concat() {
        Expr l = additive();
        while (startsConcat() && !at(T.MINUS) && !at(T.PLUS) && !(at(T.IN))) {
            if (at(T.NOT)) break;
            l = new Expr.Concat(l, additive());
        }
        return l;
    }

    private Expr additive() {
        Expr l = multiplicative();
        while (at(T.PLUS) || at(T.MINUS)) {
            char op = at(T.PLUS) ? '+' : '-';
            advance();
            l = new Expr.Binary(op, l, multiplicative());
        }
        return l;
    }

    private Expr multiplicative() {
        Expr l = unary();
        while (at(T.STAR) || at(T.SLASH) || at(T.PERCENT)) {
            char op = at(T.STAR) ? '*' : at(T.SLASH) ? '/' : '%';
            Token opTok = tok;
            advance();
            Expr r = unary();
            if ((op == '/' || op == '%') && r instanceof Expr.Num n && n.val().num == 0) {
                throw new ParseError("division by zero attempted" + (op == '%' ? " in `%'" : ""), opTok.line(), -3);
            }
            l = new Expr.Binary(op, l, r);
        }
        return l;
    }

    private Expr unary() {
        if (at(T.NOT)) {
            advance();
            return new Expr.Not(unary());
        }
        if (at(T.MINUS)) {
            advance();
            return new Expr.Neg(unary());
        }
        if (at(T.PLUS)) {
            advance();
            return new Expr.Plus(unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (at(T.CARET)) {
            advance();
            Expr exp;
            if (at(T.MINUS)) {
                advance();
                exp = new Expr.Neg(powerOperand());
            } else if (at(T.PLUS)) {
                advance();
                exp = new Expr.Plus(powerOperand());
            } else if (at(T.NOT)) {
                advance();
                exp = new Expr.Not(powerOperand());
            } else {
                exp = power();
            }
            return new Expr.Binary('^', base, exp);
        }
        return base;
    }

    private Expr powerOperand() {
        if (at(T.MINUS)) {
            advance();
            return new Expr.Neg(powerOperand());
        }
        return power();
    }

    private Expr postfix() {
        Expr e = primary();
        if (e instanceof Expr.LValue lv && (at(T.INCR) || at(T.DECR))) {
            boolean inc = at(T.INCR);
            advance();
            return new Expr.IncDec(lv, inc, false);
        }
        return e;
    }

    private Expr dollar() {
        expect(T.DOLLAR);
        Expr index;
        if (at(T.INCR) || at(T.DECR)) {
            boolean inc = at(T.INCR);
            advance();
            Expr p = primary();
            if (!(p instanceof Expr.LValue lv)) throw error();
            index = new Expr.IncDec(lv, inc, true);
        } else if (at(T.MINUS)) {
            advance();
            index = new Expr.Neg(primary());
        } else if (at(T.PLUS)) {
            advance();
            index = new Expr.Plus(primary());
        } else if (at(T.NOT)) {
            advance();
            index = new Expr.Not(primary());
        } else {
            index = primary();
        }
        return new Expr.Field(index);
    }

    private Expr primary() {
        Token t = tok;
        switch (t.type()) {
            case NUMBER -> {
                advance();
                return new Expr.Num(Val.num(t.num()));
            }
            case STRING -> {
                advance();
                return new Expr.Str(Val.str(t.text()));
            }
            case SLASH, DIV_ASSIGN -> {
                Token re = lx.regex(t.pos());
                advance();
                Expr.Regex r = new Expr.Regex(re.text());
                r.pattern(false);
                return r;
            }
            case DOLLAR -> {
                return dollar();
            }
            case INCR, DECR -> {
                advance();
                Expr p = primary();
                if (!(p instanceof Expr.LValue lv)) throw error();
                return new Expr.IncDec(lv, t.type() == T.INCR, true);
            }
            case NOT -> {
                advance();
                return new Expr.Not(unary());
            }
            case MINUS -> {
                advance();
                return new Expr.Neg(unary());
            }
            case PLUS -> {
                advance();
                return new Expr.Plus(unary());
            }
            case LPAREN -> {
                advance();
                boolean savedGt = noGt, savedIn = noIn;
                noGt = false;
                noIn = false;
                optNewlines();
                Expr e = expr();
                optNewlines();
                if (at(T.COMMA)) {
                    List<Expr> items = new ArrayList<>();
                    items.add(e);
                    while (at(T.COMMA)) {
                        advance();
                        optNewlines();
                        items.add(expr());
                        optNewlines();
                    }
                    expect(T.RPAREN);
                    noGt = savedGt;
                    noIn = savedIn;
                    return new Expr.GroupList(items);
                }
                expect(T.RPAREN);
                noGt = savedGt;
                noIn = savedIn;
                return new Expr.Group(e);
            }
            case NAME -> {
                advance();
                if (at(T.LBRACKET)) {
                    advance();
                    Expr.Name a = arrayName(t.text());
                    List<Expr> subs = exprList(T.RBRACKET);
                    if (subs.isEmpty()) throw error();
                    return new Expr.Index(a, subs);
                }
                return variable(t.text(), t);
            }
            case FUNC_NAME -> {
                advance();
                expect(T.LPAREN);
                List<Expr> args = exprList(T.RPAREN);
                Expr.Call c = new Expr.Call(t.text(), args, t.line());
                calls.add(new Object[] {c, fn});
                return c;
            }
            case BUILTIN -> {
                advance();
                List<Expr> args;
                if (at(T.LPAREN)) {
                    advance();
                    args = exprList(T.RPAREN);
                    closeLine = lastClose.line();
                    closePos = lastClose.pos();
                } else if (t.text().equals("length")) {
                    args = List.of();
                } else {
                    throw error();
                }
                int[] arity = ARITY.getOrDefault(t.text(), new int[] {0, 99});
                if (args.size() < arity[0] || args.size() > arity[1]) {
                    throw new ParseError(args.size() + " is invalid as number of arguments for " + t.text(), closeLine, closePos);
                }
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Expr.Local l && arrayArg(t.text(), i)) fn.arrayParam[l.slot()] = true;
                }
                return new Expr.Builtin(t.text(), args);
            }
            case GETLINE -> {
                advance();
                Expr.LValue var = optionalGetlineVar();
                if (at(T.LT)) {
                    advance();
                    Expr src = postfix();
                    return new Expr.Getline(1, var, src);
                }
                return new Expr.Getline(0, var, null);
            }
            default -> throw error();
        }
    }

    private int closeLine, closePos;

    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("length", new int[] {0, 1}), Map.entry("substr", new int[] {2, 3}), Map.entry("index", new int[] {2, 2}),
            Map.entry("split", new int[] {2, 4}), Map.entry("sub", new int[] {2, 3}), Map.entry("gsub", new int[] {2, 3}),
            Map.entry("match", new int[] {2, 3}), Map.entry("sprintf", new int[] {1, 999}), Map.entry("tolower", new int[] {1, 1}),
            Map.entry("toupper", new int[] {1, 1}), Map.entry("int", new int[] {1, 1}), Map.entry("sqrt", new int[] {1, 1}),
            Map.entry("exp", new int[] {1, 1}), Map.entry("log", new int[] {1, 1}), Map.entry("sin", new int[] {1, 1}),
            Map.entry("cos", new int[] {1, 1}), Map.entry("atan2", new int[] {2, 2}), Map.entry("rand", new int[] {0, 0}),
            Map.entry("srand", new int[] {0, 1}), Map.entry("system", new int[] {1, 1}), Map.entry("close", new int[] {1, 2}),
            Map.entry("fflush", new int[] {0, 1}), Map.entry("gensub", new int[] {3, 4}), Map.entry("asort", new int[] {1, 3}),
            Map.entry("asorti", new int[] {1, 3}), Map.entry("strftime", new int[] {0, 3}), Map.entry("systime", new int[] {0, 0}),
            Map.entry("mktime", new int[] {1, 2}), Map.entry("strtonum", new int[] {1, 1}), Map.entry("typeof", new int[] {1, 2}),
            Map.entry("isarray", new int[] {1, 1}), Map.entry("compl", new int[] {1, 1}), Map.entry("lshift", new int[] {2, 2}),
            Map.entry("rshift", new int[] {2, 2}));

    private static boolean arrayArg(String builtin, int i) {
        return switch (builtin) {
            case "split", "patsplit" -> i == 1 || i == 3;
            case "asort", "asorti" -> i <= 1;
            case "match" -> i == 2;
            default -> false;
        };
    }

    private Expr.Name variable(String name, Token t) {
        if (functions.containsKey(name) && !locals.containsKey(name)) {
            throw new ParseError("function `" + name + "' called with space between name and `(',\nor used as a variable or an array", t.line(), -3);
        }
        Integer l = locals.get(name);
        if (l != null) return new Expr.Local(l, name);
        Integer g = globals.get(name);
        if (g == null) {
            g = globals.size();
            globals.put(name, g);
        }
        return new Expr.Global(g, name);
    }

    private Expr.Name arrayName(String name) {
        Expr.Name n = variable(name, tok);
        if (n instanceof Expr.Local l) fn.arrayParam[l.slot()] = true;
        return n;
    }
}
