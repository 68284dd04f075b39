package dev.agentos.commands.awk;

/** String-to-number conversion as awk does it: strtod on a prefix, and the "looks numeric" test. */
final class Numbers {
    private Numbers() {}

    static boolean isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 11; }

    /** The numeric value of the longest numeric prefix (after blanks); 0 when there is none. */
    static double parse(String s) {
        int n = s.length(), i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        int start = i;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) { neg = s.charAt(i) == '-'; i++; }
        // fast path: plain integer
        long v = 0;
        int digits = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            if (digits < 18) v = v * 10 + (c - '0');
            digits++;
            i++;
        }
        if (digits > 0 && digits < 18 && (i == n || (s.charAt(i) != '.' && s.charAt(i) != 'e' && s.charAt(i) != 'E'))) {
            return neg ? -v : v;
        }
        int end = numberEnd(s, start);
        if (end == start) {
            return special(s, start);
        }
        try {
            return Double.parseDouble(s.substring(start, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double special(String s, int i) {
        // gawk accepts +inf / -nan style values only with an explicit sign
        if (i + 4 <= s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            String w = s.substring(i + 1, i + 4).toLowerCase();
            boolean neg = s.charAt(i) == '-';
            if (w.equals("inf")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (w.equals("nan")) return Double.longBitsToDouble(neg ? 0xfff8000000000000L : 0x7ff8000000000000L);
        }
        return 0;
    }

    /** End of the strtod-style number starting at i (i itself when there is none). */
    static int numberEnd(String s, int i) {
        int n = s.length(), start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int d = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) { i++; d++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; d++; }
        }
        if (d == 0) return start;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            int e = 0;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') { j++; e++; }
            if (e > 0) i = j;
        }
        return i;
    }

    /** True when the whole string (blanks allowed around) is a number. */
    static boolean looksNumeric(String s) {
        int n = s.length(), i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        if (i == n) return false;
        int end = numberEnd(s, i);
        if (end == i) {
            if (i + 4 <= n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                String w = s.substring(i + 1, i + 4).toLowerCase();
                if (w.equals("inf") || w.equals("nan")) end = i + 4;
                else return false;
            } else {
                return false;
            }
        }
        while (end < n && isSpace(s.charAt(end))) end++;
        return end == n;
    }
}
