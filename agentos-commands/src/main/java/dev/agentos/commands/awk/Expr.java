package dev.agentos.commands.awk;

import java.util.List;
import java.util.regex.Pattern;

/** An awk expression node; each evaluates itself against the interpreter (a closure-style tree). */
sealed interface Expr {
    Val eval(Interp rt);

    default double num(Interp rt) { return rt.toNum(eval(rt)); }

    default String str(Interp rt) { return rt.toStr(eval(rt)); }

    default boolean bool(Interp rt) { return rt.bool(eval(rt)); }

    /** The text print outputs for this value (numbers by OFMT). */
    default String outStr(Interp rt) { return rt.toOutStr(eval(rt)); }

    /** An assignable expression: a variable, an array element or a field. */
    sealed interface LValue extends Expr {
        void set(Interp rt, Val v);
    }

    /** A bare variable name (which may hold an array). */
    sealed interface Name extends LValue {
        String name();
    }

    record Num(Val val) implements Expr {
        public Val eval(Interp rt) { return val; }
        public double num(Interp rt) { return val.num; }
    }

    record Str(Val val) implements Expr {
        public Val eval(Interp rt) { return val; }
        public String str(Interp rt) { return val.str; }
        public String outStr(Interp rt) { return val.str; }
    }

    /** A regex literal; as a value it matches $0. */
    final class Regex implements Expr {
        final String source;
        private Pattern plain, folded;
        private java.util.regex.Matcher matcher;
        private boolean matcherFolded;

        Regex(String source) { this.source = source; }

        Pattern pattern(boolean ignoreCase) {
            if (ignoreCase) {
                if (folded == null) folded = AwkRegex.compile(source, true);
                return folded;
            }
            if (plain == null) plain = AwkRegex.compile(source, false);
            return plain;
        }

        public Val eval(Interp rt) { return Val.bool(bool(rt)); }

        public boolean bool(Interp rt) {
            if (matcher == null || matcherFolded != rt.ignoreCase) {
                matcher = pattern(rt.ignoreCase).matcher("");
                matcherFolded = rt.ignoreCase;
            }
            return matcher.reset(rt.record()).find();
        }
    }

    record Global(int slot, String name) implements Name {
        public Val eval(Interp rt) { return rt.getGlobal(slot, name); }
        public void set(Interp rt, Val v) { rt.setGlobal(slot, v, name); }
    }

    record Local(int slot, String name) implements Name {
        public Val eval(Interp rt) {
            Object o = rt.frame[slot];
            if (o instanceof Val v) return v;
            if (o == null) return Val.UNINIT_VAL;
            throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
        }
        public void set(Interp rt, Val v) {
            if (rt.frame[slot] instanceof AwkArray) throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
            rt.frame[slot] = v;
        }
    }

    record Field(Expr index) implements LValue {
        public Val eval(Interp rt) { return rt.field(rt.fieldIndex(index.num(rt))); }
        public double num(Interp rt) { return rt.fieldNum(rt.fieldIndex(index.num(rt))); }
        public String str(Interp rt) { return rt.fieldStr(rt.fieldIndex(index.num(rt))); }
        public String outStr(Interp rt) { return str(rt); }
        public void set(Interp rt, Val v) { rt.setField(rt.fieldIndex(index.num(rt)), rt.toStr(v)); }
    }

    record Index(Name array, List<Expr> subs) implements LValue {
        public Val eval(Interp rt) { return rt.array(array).get(rt.subscript(subs)); }
        public void set(Interp rt, Val v) {
            AwkArray a = rt.array(array);
            a.put(rt.subscript(subs), v);
        }
    }

    record In(List<Expr> subs, Name array) implements Expr {
        public Val eval(Interp rt) { return Val.bool(rt.array(array).contains(rt.subscript(subs))); }
    }

    record Group(Expr e) implements Expr {
        public Val eval(Interp rt) { return e.eval(rt); }
        public double num(Interp rt) { return e.num(rt); }
    }

    /** {@code (a, b)}: only valid as print's argument list or before {@code in}. */
    record GroupList(List<Expr> items) implements Expr {
        public Val eval(Interp rt) { throw new AwkFatal("syntax error"); }
    }

    record Assign(LValue lhs, Expr rhs) implements Expr {
        public Val eval(Interp rt) {
            Val v = rhs.eval(rt);
            if (v.kind == Val.UNINIT) v = Val.UNINIT_VAL;
            lhs.set(rt, v);
            return v;
        }
    }

    /** {@code lhs op= rhs} with op one of + - * / % ^. */
    record OpAssign(LValue lhs, char op, Expr rhs) implements Expr {
        public Val eval(Interp rt) {
            double r = rhs.num(rt);
            return Val.num(rt.update(lhs, op, r, true));
        }
        public double num(Interp rt) { return eval(rt).num; }
    }

    record Cond(Expr c, Expr a, Expr b) implements Expr {
        public Val eval(Interp rt) { return c.bool(rt) ? a.eval(rt) : b.eval(rt); }
    }

    record And(Expr l, Expr r) implements Expr {
        public Val eval(Interp rt) { return Val.bool(l.bool(rt) && r.bool(rt)); }
        public boolean bool(Interp rt) { return l.bool(rt) && r.bool(rt); }
    }

    record Or(Expr l, Expr r) implements Expr {
        public Val eval(Interp rt) { return Val.bool(l.bool(rt) || r.bool(rt)); }
        public boolean bool(Interp rt) { return l.bool(rt) || r.bool(rt); }
    }

    record Not(Expr e) implements Expr {
        public Val eval(Interp rt) { return Val.bool(!e.bool(rt)); }
        public boolean bool(Interp rt) { return !e.bool(rt); }
    }

    record Neg(Expr e) implements Expr {
        public Val eval(Interp rt) { return Val.num(-e.num(rt)); }
        public double num(Interp rt) { return -e.num(rt); }
    }

    record Plus(Expr e) implements Expr {
        public Val eval(Interp rt) { return Val.num(e.num(rt)); }
        public double num(Interp rt) { return e.num(rt); }
    }

    record Binary(char op, Expr l, Expr r) implements Expr {
        public Val eval(Interp rt) { return Val.num(num(rt)); }
        public double num(Interp rt) { return Arith.apply(op, l.num(rt), r.num(rt)); }
    }

    /** Comparison; op is one of < > L(<=) G(>=) = (==) ! (!=). */
    record Compare(char op, Expr l, Expr r) implements Expr {
        public Val eval(Interp rt) { return Val.bool(bool(rt)); }
        public boolean bool(Interp rt) {
            int c = rt.compare(l.eval(rt), r.eval(rt));
            return switch (op) {
                case '<' -> c < 0;
                case '>' -> c > 0;
                case 'L' -> c <= 0;
                case 'G' -> c >= 0;
                case '=' -> c == 0;
                default -> c != 0;
            };
        }
    }

    record Match(boolean negate, Expr l, Expr re) implements Expr {
        public Val eval(Interp rt) { return Val.bool(bool(rt)); }
        public boolean bool(Interp rt) {
            String s = l.str(rt);
            return rt.pattern(re).matcher(s).find() != negate;
        }
    }

    record Concat(Expr l, Expr r) implements Expr {
        public Val eval(Interp rt) { return Val.str(str(rt)); }
        public String str(Interp rt) {
            String a = l.str(rt);
            return a.concat(r.str(rt));
        }
        public String outStr(Interp rt) { return str(rt); }
    }

    record IncDec(LValue lv, boolean inc, boolean pre) implements Expr {
        public Val eval(Interp rt) { return Val.num(num(rt)); }
        public double num(Interp rt) { return rt.update(lv, inc ? '+' : '-', 1, pre); }
    }

    /** A call of a user function, resolved after parsing. */
    final class Call implements Expr {
        final String name;
        final List<Expr> args;
        final int line;
        Function fn;

        Call(String name, List<Expr> args, int line) {
            this.name = name;
            this.args = args;
            this.line = line;
        }

        public Val eval(Interp rt) { return rt.call(this); }
    }

    record Builtin(String name, List<Expr> args) implements Expr {
        public Val eval(Interp rt) { return Builtins.call(rt, this); }
    }

    /** getline in its forms: kind 0 plain, 1 {@code < file}, 2 {@code cmd |}. */
    record Getline(int kind, LValue var, Expr src) implements Expr {
        public Val eval(Interp rt) { return Val.num(rt.getline(this)); }
    }

    /** A user-defined function. */
    final class Function {
        final String name;
        final List<String> params;
        final boolean[] arrayParam;
        Stmt body;

        Function(String name, List<String> params) {
            this.name = name;
            this.params = params;
            this.arrayParam = new boolean[params.size()];
        }
    }
}
