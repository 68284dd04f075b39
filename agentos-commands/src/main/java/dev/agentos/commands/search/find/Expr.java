package dev.agentos.commands.search.find;

/** A node of find's expression: tests, actions and operators all evaluate to true or false. */
interface Expr {
    boolean eval(Find.Entry e);

    /** Runs what is pending at the end (-exec ... + batches). */
    default void finish() { }

    record And(Expr left, Expr right) implements Expr {
        public boolean eval(Find.Entry e) { return left.eval(e) && right.eval(e); }
        public void finish() { left.finish(); right.finish(); }
    }

    record Or(Expr left, Expr right) implements Expr {
        public boolean eval(Find.Entry e) { return left.eval(e) || right.eval(e); }
        public void finish() { left.finish(); right.finish(); }
    }

    record Comma(Expr left, Expr right) implements Expr {
        public boolean eval(Find.Entry e) {
            left.eval(e);
            return right.eval(e);
        }
        public void finish() { left.finish(); right.finish(); }
    }

    record Not(Expr inner) implements Expr {
        public boolean eval(Find.Entry e) { return !inner.eval(e); }
        public void finish() { inner.finish(); }
    }

    /** A test or action given as a lambda. */
    record Test(java.util.function.Predicate<Find.Entry> test) implements Expr {
        public boolean eval(Find.Entry e) { return test.test(e); }
    }
}
