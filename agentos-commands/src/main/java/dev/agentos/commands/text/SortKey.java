package dev.agentos.commands.text;

/**
 * One sort key (-k POS1[,POS2] or the whole line) with its ordering options, and GNU's field
 * arithmetic (begfield/limfield) to find it in a line.
 */
final class SortKey {
    static final int DICTIONARY = 1, NONPRINTING = 2;
    static final long TO_END = Long.MAX_VALUE;

    long sword = 0, schar = 0, eword = TO_END, echar = 0;
    boolean skipsblanks, skipeblanks, translate, generalNumeric, human, month, numeric, random, reverse, version;
    int ignore;

    /** Whether no ordering option is set (GNU's default_key_compare). */
    boolean defaultCompare() {
        return !(ignore != 0 || translate || skipsblanks || skipeblanks || month || numeric || generalNumeric
                || human || version || random);
    }

    void inherit(SortKey g) {
        ignore = g.ignore;
        translate = g.translate;
        skipsblanks = g.skipsblanks;
        skipeblanks = g.skipeblanks;
        month = g.month;
        numeric = g.numeric;
        generalNumeric = g.generalNumeric;
        human = g.human;
        version = g.version;
        random = g.random;
        reverse = g.reverse;
    }

    /** Applies ordering letters from s[i..]; returns where they stop. */
    int setOrdering(String s, int i, boolean start) {
        for (; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'b' -> { if (start) skipsblanks = true; else skipeblanks = true; }
                case 'd' -> ignore = DICTIONARY;
                case 'f' -> translate = true;
                case 'g' -> generalNumeric = true;
                case 'h' -> human = true;
                case 'i' -> { if (ignore == 0) ignore = NONPRINTING; }
                case 'M' -> month = true;
                case 'n' -> numeric = true;
                case 'R' -> random = true;
                case 'r' -> reverse = true;
                case 'V' -> version = true;
                default -> { return i; }
            }
        }
        return i;
    }

    /** GNU's key_to_opts, for the "incompatible" message. */
    String opts() {
        StringBuilder sb = new StringBuilder();
        if (skipsblanks || skipeblanks) sb.append('b');
        if (ignore == DICTIONARY) sb.append('d');
        if (translate) sb.append('f');
        if (generalNumeric) sb.append('g');
        if (human) sb.append('h');
        if (ignore == NONPRINTING) sb.append('i');
        if (month) sb.append('M');
        if (numeric) sb.append('n');
        if (random) sb.append('R');
        if (reverse) sb.append('r');
        if (version) sb.append('V');
        return sb.toString();
    }

    boolean incompatible() {
        int n = (numeric ? 1 : 0) + (generalNumeric ? 1 : 0) + (human ? 1 : 0) + (month ? 1 : 0)
                + ((version || random || ignore != 0) ? 1 : 0);
        return n > 1;
    }

    static boolean blank(byte b) { return b == ' ' || b == '\t' || b == '\n'; }

    /** Start of this key in line[from..lim). tab < 0 means blank-separated fields. */
    int begin(byte[] t, int from, int lim, int tab) {
        int p = from;
        long sw = sword;
        if (tab >= 0) {
            while (p < lim && sw-- > 0) {
                while (p < lim && t[p] != (byte) tab) p++;
                if (p < lim) p++;
            }
        } else {
            while (p < lim && sw-- > 0) {
                while (p < lim && blank(t[p])) p++;
                while (p < lim && !blank(t[p])) p++;
            }
        }
        if (skipsblanks) while (p < lim && blank(t[p])) p++;
        return (int) Math.min(lim, p + schar);
    }

    /** End of this key in line[from..lim). */
    int limit(byte[] t, int from, int lim, int tab) {
        if (eword == TO_END) return lim;
        int p = from;
        long ew = eword;
        if (echar == 0) ew++;
        if (tab >= 0) {
            while (p < lim && ew-- > 0) {
                while (p < lim && t[p] != (byte) tab) p++;
                if (p < lim && (ew != 0 || echar != 0)) p++;
            }
        } else {
            while (p < lim && ew-- > 0) {
                while (p < lim && blank(t[p])) p++;
                while (p < lim && !blank(t[p])) p++;
            }
        }
        if (echar != 0) {
            if (skipeblanks) while (p < lim && blank(t[p])) p++;
            p = (int) Math.min(lim, p + echar);
        }
        return p;
    }
}
