package dev.agentos.commands.awk;

import java.util.ArrayList;
import java.util.List;

/** An awk statement node; {@link #exec} returns how control leaves it. */
sealed interface Stmt {
    int NORMAL = 0, BREAK = 1, CONTINUE = 2, NEXT = 3, NEXTFILE = 4, EXIT = 5, RETURN = 6;

    int exec(Interp rt);

    record Block(List<Stmt> body) implements Stmt {
        public int exec(Interp rt) {
            for (int i = 0, n = body.size(); i < n; i++) {
                int c = body.get(i).exec(rt);
                if (c != NORMAL) return c;
            }
            return NORMAL;
        }
    }

    record ExprStmt(Expr e) implements Stmt {
        public int exec(Interp rt) {
            e.eval(rt);
            return NORMAL;
        }
    }

    /** print/printf; redir is 0 (stdout), '>' , 'a' (>>) or '|'. */
    record Print(boolean formatted, List<Expr> args, char redir, Expr dest) implements Stmt {
        public int exec(Interp rt) {
            rt.print(this);
            return NORMAL;
        }
    }

    record If(Expr cond, Stmt then, Stmt otherwise) implements Stmt {
        public int exec(Interp rt) {
            if (cond.bool(rt)) return then.exec(rt);
            return otherwise == null ? NORMAL : otherwise.exec(rt);
        }
    }

    record While(Expr cond, Stmt body) implements Stmt {
        public int exec(Interp rt) {
            while (cond.bool(rt)) {
                int c = body.exec(rt);
                if (c == BREAK) break;
                if (c != NORMAL && c != CONTINUE) return c;
            }
            return NORMAL;
        }
    }

    record Do(Stmt body, Expr cond) implements Stmt {
        public int exec(Interp rt) {
            do {
                int c = body.exec(rt);
                if (c == BREAK) break;
                if (c != NORMAL && c != CONTINUE) return c;
            } while (cond.bool(rt));
            return NORMAL;
        }
    }

    record For(Stmt init, Expr cond, Stmt step, Stmt body) implements Stmt {
        public int exec(Interp rt) {
            if (init != null) init.exec(rt);
            while (cond == null || cond.bool(rt)) {
                int c = body.exec(rt);
                if (c == BREAK) break;
                if (c != NORMAL && c != CONTINUE) return c;
                if (step != null) step.exec(rt);
            }
            return NORMAL;
        }
    }

    record ForIn(Expr.LValue var, Expr.Name array, Stmt body) implements Stmt {
        public int exec(Interp rt) {
            AwkArray a = rt.array(array);
            List<String> keys = rt.sortedKeys(a);
            for (String k : keys) {
                if (!a.contains(k)) continue;
                var.set(rt, Val.strnum(k));
                int c = body.exec(rt);
                if (c == BREAK) break;
                if (c != NORMAL && c != CONTINUE) return c;
            }
            return NORMAL;
        }
    }

    /** Records the source line of the statement it wraps, for runtime error messages. */
    record Line(int line, Stmt s) implements Stmt {
        public int exec(Interp rt) {
            rt.line = line;
            return s.exec(rt);
        }
    }

    record Jump(int code) implements Stmt {
        public int exec(Interp rt) { return code; }
    }

    record Exit(Expr status) implements Stmt {
        public int exec(Interp rt) {
            if (status != null) rt.exitCode = (int) status.num(rt) & 0xff;
            return EXIT;
        }
    }

    record Return(Expr value) implements Stmt {
        public int exec(Interp rt) {
            rt.returnValue = value == null ? Val.UNINIT_VAL : value.eval(rt);
            return RETURN;
        }
    }

    record Delete(Expr.Name array, List<Expr> subs) implements Stmt {
        public int exec(Interp rt) {
            AwkArray a = rt.array(array);
            if (subs == null) a.clear();
            else a.remove(rt.subscript(subs));
            return NORMAL;
        }
    }

    /** A pattern-action rule; kind is 'B' BEGIN, 'E' END, 'b' BEGINFILE, 'e' ENDFILE, 'M' main. */
    final class Rule {
        final char kind;
        final Expr pattern, pattern2;
        final Stmt action;
        boolean inRange;

        Rule(char kind, Expr pattern, Expr pattern2, Stmt action) {
            this.kind = kind;
            this.pattern = pattern;
            this.pattern2 = pattern2;
            this.action = action;
        }
    }

    /** A parsed program. */
    record Program(List<Rule> rules, java.util.Map<String, Expr.Function> functions, List<String> globals) {
        List<Rule> of(char kind) {
            List<Rule> r = new ArrayList<>();
            for (Rule x : rules) if (x.kind == kind) r.add(x);
            return r;
        }
    }
}
