package dev.agentos.commands.data;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;

/**
 * expr: evaluates an expression given as separate arguments, with GNU's precedence (| & compare + *
 * : and the keywords), arbitrary-precision integers and anchored BRE matching. Exit 0 for a non-null
 * result, 1 for null or 0, 2 for invalid expressions, 3 for other errors.
 */
final class Expr implements Program {
    private static final String USAGE = "Usage: expr EXPRESSION\n  or:  expr OPTION\n\n"
            + "      --help        display this help and exit\n"
            + "      --version     output version information and exit\n\n"
            + "Print the value of EXPRESSION to standard output.  A blank line below\n"
            + "separates increasing precedence groups.  EXPRESSION may be:\n";

    /** A failure that ends expr with a status and message. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A value: an integer or a string (strings that look like integers convert on demand). */
    private record Value(BigInteger number, String text) {
        static Value of(BigInteger n) { return new Value(n, null); }
        static Value of(String s) { return new Value(null, s); }
        static Value of(boolean b) { return of(b ? BigInteger.ONE : BigInteger.ZERO); }

        String string() { return number != null ? number.toString() : text; }

        boolean isNull() {
            if (number != null) return number.signum() == 0;
            if (text.isEmpty()) return true;
            String t = text.startsWith("-") ? text.substring(1) : text;
            return !t.isEmpty() && t.chars().allMatch(c -> c == '0');
        }

        BigInteger toNumber() {
            if (number != null) return number;
            if (!text.matches("-?[0-9]+")) return null;
            return new BigInteger(text);
        }
    }

    private List<String> args;
    private int pos;

    @Override public int run(ProcessContext ctx) {
        if (Gnu.helpOrVersion(ctx, "expr", USAGE)) return 0;
        List<String> a = ctx.argv().subList(1, ctx.argv().size());
        if (!a.isEmpty() && a.get(0).equals("--")) a = a.subList(1, a.size());
        if (a.isEmpty()) {
            Gnu.print(ctx.stderr(), "expr: missing operand\nTry 'expr --help' for more information.\n");
            return 2;
        }
        args = a;
        pos = 0;
        try {
            Value v = or(true);
            if (pos < args.size()) throw new Failure(2, "syntax error: unexpected argument " + quote(args.get(pos)));
            ctx.stdout().write((v.string() + "\n").getBytes(StandardCharsets.UTF_8));
            return v.isNull() ? 1 : 0;
        } catch (Failure f) {
            Gnu.print(ctx.stderr(), "expr: " + f.getMessage() + "\n");
            return f.status;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private boolean next(String token) {
        if (pos < args.size() && args.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private Value or(boolean eval) {
        Value l = and(eval);
        while (next("|")) {
            Value r = and(eval && l.isNull());
            if (l.isNull()) l = r.isNull() ? Value.of(BigInteger.ZERO) : r;
        }
        return l;
    }

    private Value and(boolean eval) {
        Value l = compare(eval);
        while (next("&")) {
            Value r = compare(eval && !l.isNull());
            if (l.isNull() || r.isNull()) l = Value.of(BigInteger.ZERO);
        }
        return l;
    }

    private Value compare(boolean eval) {
        Value l = additive(eval);
        while (true) {
            String op = pos < args.size() ? args.get(pos) : "";
            if (!List.of("<", "<=", "=", "==", "!=", ">=", ">").contains(op)) return l;
            pos++;
            Value r = additive(eval);
            if (!eval) continue;
            BigInteger a = l.toNumber(), b = r.toNumber();
            int cmp;
            if (a != null && b != null) cmp = a.compareTo(b);
            else cmp = Integer.signum(compareBytes(l.string(), r.string()));
            l = Value.of(switch (op) {
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case "=", "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                case ">=" -> cmp >= 0;
                default -> cmp > 0;
            });
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private Value additive(boolean eval) {
        Value l = multiplicative(eval);
        while (true) {
            boolean plus = next("+");
            if (!plus && !next("-")) return l;
            Value r = multiplicative(eval);
            if (!eval) continue;
            BigInteger[] n = numbers(l, r);
            l = Value.of(plus ? n[0].add(n[1]) : n[0].subtract(n[1]));
        }
    }

    private Value multiplicative(boolean eval) {
        Value l = colon(eval);
        while (true) {
            String op = pos < args.size() ? args.get(pos) : "";
            if (!op.equals("*") && !op.equals("/") && !op.equals("%")) return l;
            pos++;
            Value r = colon(eval);
            if (!eval) continue;
            BigInteger[] n = numbers(l, r);
            if (!op.equals("*") && n[1].signum() == 0) throw new Failure(2, "division by zero");
            l = Value.of(switch (op) {
                case "*" -> n[0].multiply(n[1]);
                case "/" -> n[0].divide(n[1]);
                default -> n[0].remainder(n[1]);
            });
        }
    }

    private static BigInteger[] numbers(Value l, Value r) {
        BigInteger a = l.toNumber(), b = r.toNumber();
        if (a == null || b == null) throw new Failure(2, "non-integer argument");
        return new BigInteger[] {a, b};
    }

    private Value colon(boolean eval) {
        Value l = unary(eval);
        while (next(":")) {
            Value r = unary(eval);
            if (eval) l = match(l.string(), r.string());
        }
        return l;
    }

    private static Value match(String s, String re) {
        java.util.regex.Pattern p;
        try {
            p = Bre.compile(re);
        } catch (Bre.BadRegex e) {
            throw new Failure(2, e.getMessage());
        }
        Matcher m = p.matcher(s);
        boolean found = m.lookingAt();
        if (m.groupCount() > 0) {
            return Value.of(found && m.group(1) != null ? m.group(1) : "");
        }
        return Value.of(BigInteger.valueOf(found ? s.codePointCount(0, m.end()) : 0));
    }

    private Value unary(boolean eval) {
        if (next("+")) {
            if (pos >= args.size()) throw missingAfter();
            return Value.of(args.get(pos++));
        }
        if (next("length")) {
            Value v = unary(eval);
            return Value.of(BigInteger.valueOf(v.string().codePointCount(0, v.string().length())));
        }
        if (next("match")) {
            Value s = unary(eval);
            Value re = unary(eval);
            return eval ? match(s.string(), re.string()) : Value.of(BigInteger.ZERO);
        }
        if (next("index")) {
            String s = unary(eval).string();
            String chars = unary(eval).string();
            int best = 0;
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    best = i + 1;
                    break;
                }
            }
            return Value.of(BigInteger.valueOf(best));
        }
        if (next("substr")) {
            Value s = unary(eval);
            Value p = unary(eval);
            Value l = unary(eval);
            if (!eval) return Value.of("");
            BigInteger bp = p.toNumber(), bl = l.toNumber();
            if (bp == null || bl == null) return Value.of("");
            String str = s.string();
            long len = str.length();
            if (bp.signum() <= 0 || bp.compareTo(BigInteger.valueOf(len)) > 0 || bl.signum() <= 0) return Value.of("");
            int start = bp.intValue() - 1;
            long end = Math.min(len, start + bl.min(BigInteger.valueOf(len)).longValue());
            return Value.of(str.substring(start, (int) end));
        }
        return primary(eval);
    }

    private Failure missingAfter() {
        return new Failure(2, "syntax error: missing argument after " + quote(args.get(pos - 1)));
    }

    private Value primary(boolean eval) {
        if (pos >= args.size()) {
            if (pos == 0) throw new Failure(2, "syntax error");
            throw missingAfter();
        }
        if (next("(")) {
            Value v = or(eval);
            if (pos >= args.size()) throw new Failure(2, "syntax error: expecting ')' after " + quote(args.get(pos - 1)));
            if (!next(")")) throw new Failure(2, "syntax error: expecting ')' instead of " + quote(args.get(pos)));
            return v;
        }
        if (next(")")) throw new Failure(2, "syntax error: unexpected ')'");
        return Value.of(args.get(pos++));
    }
}
