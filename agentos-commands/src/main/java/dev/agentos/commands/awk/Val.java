package dev.agentos.commands.awk;

/**
 * An awk value: a number, a string, a strnum (input data that may look numeric) or the
 * uninitialised value. Immutable; strings are byte strings (one char per byte, Latin-1).
 */
final class Val {
    static final int UNINIT = 0, NUM = 1, STR = 2, STRNUM = 3;
    static final Val UNINIT_VAL = new Val(UNINIT, 0, "");
    static final Val ZERO = new Val(NUM, 0, null);
    static final Val ONE = new Val(NUM, 1, null);
    static final Val EMPTY = new Val(STR, 0, "");
    private static final Val[] SMALL = new Val[256];
    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new Val(NUM, i, null);
    }

    final int kind;
    final double num;
    final String str;
    /** For STRNUM: whether the text looks numeric (so it compares as a number). */
    final boolean numeric;

    private Val(int kind, double num, String str) {
        this.kind = kind;
        this.num = num;
        this.str = str;
        this.numeric = kind == NUM || kind == UNINIT;
    }

    private Val(double num, String str, boolean numeric) {
        this.kind = STRNUM;
        this.num = num;
        this.str = str;
        this.numeric = numeric;
    }

    static Val num(double d) {
        if (d >= 0 && d < 256) {
            int i = (int) d;
            if (i == d && (i != 0 || 1 / d > 0)) return SMALL[i];
        }
        return new Val(NUM, d, null);
    }

    static Val bool(boolean b) { return b ? ONE : ZERO; }

    static Val str(String s) { return s.isEmpty() ? EMPTY : new Val(STR, 0, s); }

    /** Input data: a strnum when the whole text looks like a number. */
    static Val strnum(String s) {
        boolean looks = Numbers.looksNumeric(s);
        return new Val(looks ? Numbers.parse(s) : 0, s, looks);
    }

    boolean isNum() { return kind == NUM; }
}
