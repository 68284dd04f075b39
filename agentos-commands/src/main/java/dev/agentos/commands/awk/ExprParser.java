package dev.agentos.commands.awk;

import dev.agentos.commands.awk.Lexer.T;
import dev.agentos.commands.awk.Lexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expression half of the awk parser: tokens, precedence climbing, names and builtin calls. */
abstract class ExprParser {
    final Lexer lx;
    Token tok;
    final Map<String, Integer> globals = new LinkedHashMap<>();
    final Map<String, Expr.Function> functions = new LinkedHashMap<>();
    final List<Object[]> calls = new ArrayList<>(); // {Call, enclosing Function or null}
    Expr.Function fn;
    Map<String, Integer> locals = Map.of();
    boolean noGt;
    boolean noIn;
    Token lastClose;
    /** The end of input already served as a statement's terminating newline. */
    boolean eofTerminated;

    ExprParser(String src, String file) {
        this.lx = new Lexer(src, file);
    }

    // ---- tokens ----

    void advance() { tok = lx.next(); }

    boolean at(T t) { return tok.type() == t; }

    Token expect(T t) {
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

    void optNewlines() {
        while (at(T.NEWLINE)) advance();
    }

    void skipTerminators() {
        while (at(T.NEWLINE) || at(T.SEMI)) advance();
    }

    // ---- expressions ----

    List<Expr> exprList(T close) {
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

    Expr ternary() {
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

    Expr or() {
        Expr l = and();
        while (at(T.OR)) {
            advance();
            optNewlines();
            l = new Expr.Or(l, and());
        }
        return l;
    }

    Expr and() {
        Expr l = in();
        while (at(T.AND)) {
            advance();
            optNewlines();
            l = new Expr.And(l, in());
        }
        return l;
    }

    Expr in() {
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

    Expr match() {
        Expr l = compare();
        while (at(T.TILDE) || at(T.NOMATCH)) {
            boolean neg = at(T.NOMATCH);
            advance();
            l = new Expr.Match(neg, l, compare());
        }
        return l;
    }

    Expr compare() {
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

    Expr.LValue optionalGetlineVar() {
        if (at(T.NAME) || at(T.DOLLAR)) {
            Expr v = at(T.DOLLAR) ? dollar() : primary();
            if (v instanceof Expr.LValue lv) return lv;
            throw error();
        }
        return null;
    }

    boolean startsConcat() {
        return switch (tok.type()) {
            case NUMBER, STRING, NAME, FUNC_NAME, BUILTIN, DOLLAR, NOT, LPAREN, MINUS, PLUS, INCR, DECR -> true;
            default -> false;
        };
    }

    Expr concat() {
        Expr l = additive();
        while (startsConcat() && !at(T.MINUS) && !at(T.PLUS) && !(at(T.IN))) {
            if (at(T.NOT)) break;
            l = new Expr.Concat(l, additive());
        }
        return l;
    }

    Expr additive() {
        Expr l = multiplicative();
        while (at(T.PLUS) || at(T.MINUS)) {
            char op = at(T.PLUS) ? '+' : '-';
            advance();
            l = new Expr.Binary(op, l, multiplicative());
        }
        return l;
    }

    Expr multiplicative() {
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

    Expr unary() {
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

    Expr power() {
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

    Expr powerOperand() {
        if (at(T.MINUS)) {
            advance();
            return new Expr.Neg(powerOperand());
        }
        return power();
    }

    Expr postfix() {
        Expr e = primary();
        if (e instanceof Expr.LValue lv && (at(T.INCR) || at(T.DECR))) {
            boolean inc = at(T.INCR);
            advance();
            return new Expr.IncDec(lv, inc, false);
        }
        return e;
    }

    Expr dollar() {
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

    Expr primary() {
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

    static boolean arrayArg(String builtin, int i) {
        return switch (builtin) {
            case "split", "patsplit" -> i == 1 || i == 3;
            case "asort", "asorti" -> i <= 1;
            case "match" -> i == 2;
            default -> false;
        };
    }

    Expr.Name variable(String name, Token t) {
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

    Expr.Name arrayName(String name) {
        Expr.Name n = variable(name, tok);
        if (n instanceof Expr.Local l) fn.arrayParam[l.slot()] = true;
        return n;
    }
}

