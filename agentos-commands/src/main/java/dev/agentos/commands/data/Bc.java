package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.data.BcParser.*;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bc: arbitrary-precision calculator with bc's scale rules (BigDecimal's scale is bc's), ibase and
 * obase, variables, arrays, functions with dynamic scoping, if/while/for, print and strings, and
 * the -l math library (s c a l e j) computed with guard digits and truncated.
 */
final class Bc implements Program {
    private static final class BreakSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        BreakSignal() { super(null, null, false, false); }
    }

    private static final class ContinueSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        ContinueSignal() { super(null, null, false, false); }
    }

    private static final class ReturnSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final BigDecimal value;
        ReturnSignal(BigDecimal v) { super(null, null, false, false); value = v; }
    }

    private static final class QuitSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        QuitSignal() { super(null, null, false, false); }
    }

    /** A runtime error: message as bc words it. */
    private static final class BcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        BcError(String m) { super(m, null, false, false); }
    }

    private final Map<String, BigDecimal> vars = new HashMap<>();
    private final Map<String, Map<Integer, BigDecimal>> arrays = new HashMap<>();
    private final Map<String, Define> functions = new HashMap<>();
    private int scale, ibase = 10, obase = 10;
    private BigDecimal last = BigDecimal.ZERO;
    private StringBuilder out;

    @Override public int run(ProcessContext ctx) throws IOException {
        boolean mathlib = false;
        List<String> files = new ArrayList<>();
        for (String a : ctx.argv().subList(1, ctx.argv().size())) {
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) if (c == 'l') mathlib = true;
            } else if (a.equals("--mathlib")) {
                mathlib = true;
            } else if (!a.startsWith("--")) {
                files.add(a);
            }
        }
        if (mathlib) scale = 20;
        out = new StringBuilder();
        try {
            for (String f : files) {
                try {
                    exec(new String(VmFiles.readFile(ctx, f), StandardCharsets.UTF_8), ctx);
                } catch (AgentOsException e) {
                    flush(ctx);
                    Gnu.print(ctx.stderr(), "File " + f + " is unavailable.\n");
                    return 1;
                }
            }
            exec(new String(VmFiles.readAll(VmFiles.stdin(ctx)), StandardCharsets.UTF_8), ctx);
        } catch (QuitSignal q) {
            // quit ends bc at once
        }
        flush(ctx);
        return 0;
    }

    private void flush(ProcessContext ctx) throws IOException {
        ctx.stdout().write(out.toString().getBytes(StandardCharsets.UTF_8));
        out.setLength(0);
    }

    private void exec(String source, ProcessContext ctx) throws IOException {
        BcParser p = new BcParser(BcLexer.lex(source));
        while (!p.atEnd()) {
            int line = p.line();
            Stmt s;
            try {
                s = p.next();
            } catch (BcParser.SyntaxError e) {
                flush(ctx);
                Gnu.print(ctx.stderr(), "(standard_in) " + e.line + ": syntax error\n");
                // Skip to the next line, as bc recovers.
                return;
            }
            try {
                run(s);
            } catch (BcError e) {
                flush(ctx);
                Gnu.print(ctx.stderr(), "Runtime error (func=(main), adr=" + line + "): " + e.getMessage() + "\n");
            } catch (BreakSignal | ContinueSignal | ReturnSignal ignored) {
                // outside a loop or function: nothing to do
            }
            ctx.checkSignals();
        }
    }

    private void run(Stmt s) {
        switch (s) {
            case ExprStmt(Node e) -> {
                BigDecimal v = eval(e);
                if (!(e instanceof Assign)) {
                    last = v;
                    printNumber(v);
                    out.append('\n');
                }
            }
            case Str(String str) -> out.append(str);
            case Print(List<Object> items) -> {
                for (Object o : items) {
                    if (o instanceof String str) out.append(escapes(str));
                    else {
                        BigDecimal v = eval((Node) o);
                        last = v;
                        printNumber(v);
                    }
                }
            }
            case If(Node c, Stmt then, Stmt otherwise) -> {
                if (eval(c).signum() != 0) run(then);
                else if (otherwise != null) run(otherwise);
            }
            case While(Node c, Stmt body) -> {
                while (eval(c).signum() != 0) {
                    try {
                        run(body);
                    } catch (BreakSignal b) {
                        break;
                    } catch (ContinueSignal k) {
                        // next round
                    }
                }
            }
            case For(Node init, Node c, Node step, Stmt body) -> {
                if (init != null) eval(init);
                while (c == null || eval(c).signum() != 0) {
                    try {
                        run(body);
                    } catch (BreakSignal b) {
                        break;
                    } catch (ContinueSignal k) {
                        // step and go on
                    }
                    if (step != null) eval(step);
                }
            }
            case Block(List<Stmt> body) -> {
                for (Stmt b : body) run(b);
            }
            case Break() -> throw new BreakSignal();
            case Continue() -> throw new ContinueSignal();
            case Return(Node e) -> throw new ReturnSignal(e == null ? BigDecimal.ZERO : eval(e));
            case Quit() -> throw new QuitSignal();
            case Define d -> functions.put(d.name(), d);
            case Empty() -> { }
        }
    }

    private static String escapes(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'a' -> sb.append('\007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'r' -> sb.append('\r');
                    case 'q' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private BigDecimal eval(Node e) {
        return switch (e) {
            case Num(String t) -> number(t);
            case Var(String n) -> get(n);
            case Elem(String n, Node idx) -> arrays.computeIfAbsent(n, k -> new HashMap<>()).getOrDefault(eval(idx).intValue(), BigDecimal.ZERO);
            case Unary(Node x) -> eval(x).negate();
            case Not(Node x) -> bool(eval(x).signum() == 0);
            case Logic(boolean and, Node l, Node r) -> and
                    ? bool(eval(l).signum() != 0 && eval(r).signum() != 0)
                    : bool(eval(l).signum() != 0 || eval(r).signum() != 0);
            case Rel(String op, Node l, Node r) -> {
                int c = eval(l).compareTo(eval(r));
                yield bool(switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                });
            }
            case Binary(String op, Node l, Node r) -> arith(op, eval(l), eval(r));
            case Assign(String op, Node target, Node value) -> {
                BigDecimal v = eval(value);
                if (!op.equals("=")) v = arith(op.substring(0, 1), eval(target), v);
                set(target, v);
                yield v;
            }
            case IncDec(boolean inc, boolean prefix, Node target) -> {
                BigDecimal old = eval(target);
                BigDecimal now = inc ? old.add(BigDecimal.ONE) : old.subtract(BigDecimal.ONE);
                set(target, now);
                yield prefix ? now : old;
            }
            case Call(String name, List<Node> args) -> call(name, args);
        };
    }

    private static BigDecimal bool(boolean b) {
        return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private BigDecimal get(String n) {
        return switch (n) {
            case "scale" -> BigDecimal.valueOf(scale);
            case "ibase" -> BigDecimal.valueOf(ibase);
            case "obase" -> BigDecimal.valueOf(obase);
            case "last" -> last;
            default -> vars.getOrDefault(n, BigDecimal.ZERO);
        };
    }

    private void set(Node target, BigDecimal v) {
        if (target instanceof Elem(String n, Node idx)) {
            arrays.computeIfAbsent(n, k -> new HashMap<>()).put(eval(idx).intValue(), v);
            return;
        }
        String n = ((Var) target).name();
        switch (n) {
            case "scale" -> scale = v.intValue();
            case "ibase" -> ibase = Math.max(2, Math.min(16, v.intValue()));
            case "obase" -> obase = Math.max(2, v.intValue());
            case "last" -> last = v;
            default -> vars.put(n, v);
        }
    }

    private BigDecimal number(String t) {
        if (ibase == 10 && t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return new BigDecimal(t.startsWith(".") ? "0" + t : t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        }
        int dot = t.indexOf('.');
        String ip = dot < 0 ? t : t.substring(0, dot), fp = dot < 0 ? "" : t.substring(dot + 1);
        BigInteger base = BigInteger.valueOf(ibase);
        BigInteger iv = BigInteger.ZERO;
        for (char c : ip.toCharArray()) iv = iv.multiply(base).add(BigInteger.valueOf(Math.min(Character.digit(c, 16), ibase - 1)));
        BigDecimal v = new BigDecimal(iv);
        if (!fp.isEmpty()) {
            BigDecimal f = BigDecimal.ZERO, denom = BigDecimal.ONE;
            for (char c : fp.toCharArray()) {
                f = f.multiply(new BigDecimal(base)).add(BigDecimal.valueOf(Character.digit(c, 16)));
                denom = denom.multiply(new BigDecimal(base));
            }
            v = v.add(f.divide(denom, fp.length(), RoundingMode.DOWN));
        }
        return v;
    }

    private BigDecimal arith(String op, BigDecimal a, BigDecimal b) {
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b).setScale(Math.min(a.scale() + b.scale(), Math.max(scale, Math.max(a.scale(), b.scale()))), RoundingMode.DOWN);
            case "/" -> {
                if (b.signum() == 0) throw new BcError("Divide by zero");
                yield a.divide(b, scale, RoundingMode.DOWN);
            }
            case "%" -> {
                if (b.signum() == 0) throw new BcError("Modulo by zero");
                BigDecimal q = a.divide(b, scale, RoundingMode.DOWN);
                yield a.subtract(q.multiply(b)).setScale(Math.max(scale + b.scale(), a.scale()), RoundingMode.DOWN);
            }
            default -> power(a, b);
        };
    }

    private BigDecimal power(BigDecimal a, BigDecimal b) {
        if (b.stripTrailingZeros().scale() > 0) throw new BcError("Non-zero scale in exponent");
        long n = b.longValue();
        if (n == 0) return BigDecimal.ONE;
        if (n < 0) {
            BigDecimal p = a.pow((int) -n);
            if (p.signum() == 0) throw new BcError("Divide by zero");
            return BigDecimal.ONE.divide(p, scale, RoundingMode.DOWN);
        }
        BigDecimal p = a.pow((int) n);
        int s = (int) Math.min((long) a.scale() * n, Math.max(scale, a.scale()));
        return p.setScale(s, RoundingMode.DOWN);
    }

    private BigDecimal call(String name, List<Node> args) {
        switch (name) {
            case "length" -> {
                BigDecimal v = eval(args.get(0));
                String digits = v.unscaledValue().abs().toString();
                if (v.signum() == 0) return BigDecimal.valueOf(Math.max(1, v.scale()));
                return BigDecimal.valueOf(Math.max(digits.length(), v.scale()));
            }
            case "scale" -> {
                return BigDecimal.valueOf(eval(args.get(0)).scale());
            }
            case "sqrt" -> {
                BigDecimal v = eval(args.get(0));
                if (v.signum() < 0) throw new BcError("Square root of a negative number");
                int s = Math.max(scale, v.scale());
                return v.sqrt(new java.math.MathContext(s + v.precision() + 5)).setScale(s, RoundingMode.DOWN);
            }
            default -> { }
        }
        Define d = functions.get(name);
        if (d == null) {
            BigDecimal lib = BcMath.call(name, args.stream().map(this::eval).toList(), scale);
            if (lib != null) return lib;
            throw new BcError("Function " + name + " not defined.");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (Node a : args) values.add(eval(a));
        // Dynamic scoping: save the globals the parameters and autos shadow.
        Map<String, BigDecimal> saved = new HashMap<>();
        List<String> locals = new ArrayList<>(d.params());
        locals.addAll(d.autos());
        for (String l : locals) if (!l.endsWith("[]")) saved.put(l, vars.get(l));
        try {
            for (int i = 0; i < d.params().size(); i++) vars.put(d.params().get(i), i < values.size() ? values.get(i) : BigDecimal.ZERO);
            for (String a : d.autos()) vars.put(a, BigDecimal.ZERO);
            for (Stmt s : d.body()) run(s);
            return BigDecimal.ZERO;
        } catch (ReturnSignal r) {
            return r.value;
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) vars.remove(k);
                else vars.put(k, v);
            });
        }
    }

    private void printNumber(BigDecimal v) {
        String s = obase == 10 ? decimal(v) : BcMath.inBase(v, obase);
        // bc's out_char: a backslash-newline before the 69th column of a line.
        int col = out.length() - (out.lastIndexOf("\n") + 1);
        for (int i = 0; i < s.length(); i++) {
            col++;
            if (col == 69) {
                out.append("\\\n");
                col = 1;
            }
            out.append(s.charAt(i));
        }
    }

    private static String decimal(BigDecimal v) {
        if (v.signum() == 0) return "0";
        String s = v.abs().toPlainString();
        if (s.startsWith("0.")) s = s.substring(1);
        return (v.signum() < 0 ? "-" : "") + s;
    }
}
