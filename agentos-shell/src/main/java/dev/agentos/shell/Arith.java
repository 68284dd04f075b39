package dev.agentos.shell;

import java.util.concurrent.ConcurrentHashMap;

/** Shell arithmetic on 64-bit integers with C's operators; parsed expressions are cached by their text. */
final class Arith {
    /** Where arithmetic reads and writes variables. */
    interface Vars {
        String get(String name);
        void set(String name, String value);
        String getElement(String name, String index);
        void setElement(String name, String index, String value);
    }

    /** An arithmetic error, worded as bash words it. */
    static final class ArithError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        ArithError(String message) { super(message, null, false, false); }
    }

    private static final ConcurrentHashMap<String, Node> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_DEPTH = 1024;

    private Arith() {}

    static long eval(String expr, Vars vars) {
        Node n = CACHE.get(expr);
        if (n == null) {
            n = new P(expr).parseAll();
            if (CACHE.size() < 10_000) CACHE.put(expr, n);
        }
        return n.eval(vars, expr, 0);
    }

    // ---- nodes ----

    private abstract static class Node {
        abstract long eval(Vars v, String src, int depth);
    }

    private static final class Num extends Node {
        final long value;
        Num(long value) { this.value = value; }
        long eval(Vars v, String src, int d) { return value; }
    }

    private static final class Var extends Node {
        final String name;
        final Node index;
        Var(String name, Node index) { this.name = name; this.index = index; }

        String indexText(Vars v, String src, int d) { return index == null ? null : Long.toString(index.eval(v, src, d)); }

        long eval(Vars v, String src, int d) {
            String s = index == null ? v.get(name) : v.getElement(name, indexText(v, src, d));
            return valueOf(s, v, d);
        }

        void assign(Vars v, String src, int d, long value) {
            if (index == null) v.set(name, Long.toString(value));
            else v.setElement(name, indexText(v, src, d), Long.toString(value));
        }
    }

    static long valueOf(String s, Vars v, int depth) {
        if (s == null || s.isEmpty()) return 0;
        long quick = quickParse(s);
        if (quick != Long.MIN_VALUE) return quick;
        if (depth > MAX_DEPTH) throw new ArithError(s + ": expression recursion level exceeded (error token is \"" + s + "\")");
        Node n = CACHE.get(s);
        if (n == null) n = new P(s).parseAll();
        return n.eval(v, s, depth + 1);
    }

    private static long quickParse(String s) {
        int i = 0, n = s.length();
        boolean neg = false;
        if (s.charAt(0) == '-') { neg = true; i = 1; }
        if (i >= n || n - i > 18) return Long.MIN_VALUE;
        long r = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return Long.MIN_VALUE;
            r = r * 10 + (c - '0');
        }
        if (s.charAt(neg ? 1 : 0) == '0' && n - (neg ? 1 : 0) > 1) return Long.MIN_VALUE; // octal
        return neg ? -r : r;
    }

    private static final class Unary extends Node {
        final String op;
        final Node a;
        Unary(String op, Node a) { this.op = op; this.a = a; }
        long eval(Vars v, String src, int d) {
            long x = a.eval(v, src, d);
            return switch (op) {
                case "-" -> -x;
                case "+" -> x;
                case "!" -> x == 0 ? 1 : 0;
                default -> ~x;
            };
        }
    }

    private static final class IncDec extends Node {
        final Var target;
        final long delta;
        final boolean post;
        IncDec(Var target, long delta, boolean post) { this.target = target; this.delta = delta; this.post = post; }
        long eval(Vars v, String src, int d) {
            long old = target.eval(v, src, d);
            target.assign(v, src, d, old + delta);
            return post ? old : old + delta;
        }
    }

    private static final class Bin extends Node {
        final String op;
        final Node a, b;
        final String rest;
        Bin(String op, Node a, Node b, String rest) { this.op = op; this.a = a; this.b = b; this.rest = rest; }
        long eval(Vars v, String src, int d) {
            switch (op) {
                case "&&": return a.eval(v, src, d) != 0 && b.eval(v, src, d) != 0 ? 1 : 0;
                case "||": return a.eval(v, src, d) != 0 || b.eval(v, src, d) != 0 ? 1 : 0;
                case ",": a.eval(v, src, d); return b.eval(v, src, d);
                default: return apply(op, a.eval(v, src, d), b.eval(v, src, d), src, rest);
            }
        }
    }

    static long apply(String op, long x, long y, String src, String rest) {
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> { if (y == 0) throw divZero(src, rest); yield x / y; }
            case "%" -> { if (y == 0) throw divZero(src, rest); yield x % y; }
            case "**" -> {
                if (y < 0) throw new ArithError(src + ": exponent less than 0 (error token is \"" + rest + "\")");
                long r = 1;
                for (long i = 0; i < y; i++) r *= x;
                yield r;
            }
            case "<<" -> x << y;
            case ">>" -> x >> y;
            case "<" -> x < y ? 1 : 0;
            case ">" -> x > y ? 1 : 0;
            case "<=" -> x <= y ? 1 : 0;
            case ">=" -> x >= y ? 1 : 0;
            case "==" -> x == y ? 1 : 0;
            case "!=" -> x != y ? 1 : 0;
            case "&" -> x & y;
            case "^" -> x ^ y;
            case "|" -> x | y;
            default -> throw new ArithError(src + ": syntax error: operand expected");
        };
    }

    private static ArithError divZero(String src, String rest) {
        return new ArithError(src + ": division by 0 (error token is \"" + rest + "\")");
    }

    private static final class Assign extends Node {
        final Var target;
        final String op;
        final Node value;
        final String rest;
        Assign(Var target, String op, Node value, String rest) { this.target = target; this.op = op; this.value = value; this.rest = rest; }
        long eval(Vars v, String src, int d) {
            long r = value.eval(v, src, d);
            if (!op.isEmpty()) r = apply(op, target.eval(v, src, d), r, src, rest);
            target.assign(v, src, d, r);
            return r;
        }
    }

    private static final class Cond extends Node {
        final Node c, a, b;
        Cond(Node c, Node a, Node b) { this.c = c; this.a = a; this.b = b; }
        long eval(Vars v, String src, int d) { return c.eval(v, src, d) != 0 ? a.eval(v, src, d) : b.eval(v, src, d); }
    }

    // ---- parser ----

    private static final class P {
        final String s;
        int pos;

        P(String s) { this.s = s; }

        Node parseAll() {
            skip();
            if (pos >= s.length()) return new Num(0);
            Node n = comma();
            skip();
            if (pos < s.length()) throw error("syntax error in expression", s.substring(pos));
            return n;
        }

        ArithError error(String what, String token) {
            return new ArithError(s + ": " + what + " (error token is \"" + token + "\")");
        }

        void skip() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

        boolean eat(String op) {
            skip();
            if (s.startsWith(op, pos)) {
                // don't take "=" of "==", "&" of "&&", etc.
                int e = pos + op.length();
                if (op.length() == 1 && e < s.length()) {
                    char n = s.charAt(e);
                    char c = op.charAt(0);
                    if (n == '=' && "=!<>".indexOf(c) < 0 && c != '=') return false;
                    if (c == '=' && n == '=') return false;
                    if ((c == '&' || c == '|' || c == '<' || c == '>' || c == '*') && n == c) return false;
                    if ((c == '+' || c == '-') && n == c) return false;
                }
                if (op.length() == 2 && e < s.length() && s.charAt(e) == '=' && (op.equals("<<") || op.equals(">>") || op.equals("**"))) return false;
                pos = e;
                return true;
            }
            return false;
        }

        Node comma() {
            Node n = assign();
            while (eat(",")) n = new Bin(",", n, assign(), "");
            return n;
        }

        Node assign() {
            int save = pos;
            skip();
            int start = pos;
            Node lhs = ternary();
            if (lhs instanceof Var var) {
                skip();
                for (String op : new String[] {"<<=", ">>=", "**=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="}) {
                    if (s.startsWith(op, pos) && !(op.equals("=") && s.startsWith("==", pos))) {
                        pos += op.length();
                        String rest = s.substring(pos).strip();
                        Node value = assign();
                        return new Assign(var, op.substring(0, op.length() - 1), value, rest);
                    }
                }
            } else if (pos != start) {
                skip();
                if (pos < s.length() && s.charAt(pos) == '=' && (pos + 1 >= s.length() || s.charAt(pos + 1) != '=')) {
                    throw error("attempted assignment to non-variable", s.substring(pos));
                }
            }
            if (save < 0) throw new IllegalStateException();
            return lhs;
        }

        Node ternary() {
            Node c = binary(0);
            if (eat("?")) {
                Node a = comma();
                if (!eat(":")) throw error("`:' expected for conditional expression", s.substring(pos));
                Node b = assign();
                return new Cond(c, a, b);
            }
            return c;
        }

        private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
        };

        Node binary(int level) {
            if (level == LEVELS.length) return power();
            Node left = binary(level + 1);
            outer:
            while (true) {
                for (String op : LEVELS[level]) {
                    int save = pos;
                    if (eat(op)) {
                        int opStart = pos - op.length();
                        skip();
                        String rest = s.substring(pos);
                        if (pos >= s.length()) throw error("syntax error: operand expected", s.substring(opStart));
                        left = new Bin(op, left, binary(level + 1), rest.strip());
                        continue outer;
                    }
                    pos = save;
                }
                return left;
            }
        }

        Node power() {
            Node base = unary();
            skip();
            if (s.startsWith("**", pos) && !s.startsWith("**=", pos)) {
                pos += 2;
                skip();
                String rest = s.substring(pos);
                return new Bin("**", base, power(), rest);
            }
            return base;
        }

        Node unary() {
            skip();
            if (s.startsWith("++", pos) || s.startsWith("--", pos)) {
                long delta = s.charAt(pos) == '+' ? 1 : -1;
                pos += 2;
                Node t = unary();
                if (t instanceof Var var) return new IncDec(var, delta, false);
                return new Unary("+", new Unary(delta > 0 ? "+" : "-", new Unary(delta > 0 ? "+" : "-", t)));
            }
            if (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '-' || c == '+' || c == '!' || c == '~') {
                    pos++;
                    return new Unary(String.valueOf(c), unary());
                }
            }
            return postfix();
        }

        Node postfix() {
            Node p = primary();
            skip();
            if (p instanceof Var var && (s.startsWith("++", pos) || s.startsWith("--", pos))) {
                long delta = s.charAt(pos) == '+' ? 1 : -1;
                pos += 2;
                return new IncDec(var, delta, true);
            }
            return p;
        }

        Node primary() {
            skip();
            if (pos >= s.length()) throw error("syntax error: operand expected", "");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = comma();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') throw error("missing `)'", s.substring(Math.min(pos, s.length())));
                pos++;
                return n;
            }
            if (Character.isDigit(c)) return number();
            if (Lexer.isNameStart(c)) {
                int st = pos;
                while (pos < s.length() && Lexer.isNameChar(s.charAt(pos))) pos++;
                String name = s.substring(st, pos);
                Node index = null;
                if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    index = comma();
                    skip();
                    if (pos >= s.length() || s.charAt(pos) != ']') throw error("syntax error: invalid arithmetic operator", s.substring(pos));
                    pos++;
                }
                return new Var(name, index);
            }
            throw error("syntax error: operand expected", s.substring(pos));
        }

        Node number() {
            int st = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '#' || s.charAt(pos) == '@' || s.charAt(pos) == '_')) pos++;
            String t = s.substring(st, pos);
            try {
                return new Num(parseNumber(t));
            } catch (NumberFormatException e) {
                throw error("value too great for base", t);
            }
        }
    }

    static long parseNumber(String t) {
        int hash = t.indexOf('#');
        if (hash > 0) {
            int base = Integer.parseInt(t.substring(0, hash));
            String digits = t.substring(hash + 1);
            long r = 0;
            for (char ch : digits.toCharArray()) {
                int d;
                if (ch >= '0' && ch <= '9') d = ch - '0';
                else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 10;
                else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch - 'A' + 10 : ch - 'A' + 36;
                else if (ch == '@') d = 62;
                else d = 63;
                if (d >= base) throw new NumberFormatException();
                r = r * base + d;
            }
            return r;
        }
        if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
        if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t.substring(1), 8);
        return Long.parseLong(t);
    }
}
