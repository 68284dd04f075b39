package dev.agentos.commands.text;

/** GNU's xstrtoumax with size suffixes (b, K, KB, KiB, M, ... Q): "10K" is 10240. */
final class Sizes {
    /** Why a number was refused: malformed, or out of range. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean tooLarge;

        Invalid(boolean tooLarge) {
            super(null, null, false, false);
            this.tooLarge = tooLarge;
        }
    }

    private Sizes() {}

    private static final java.math.BigInteger UINTMAX = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);

    /**
     * Parses an unsigned count with the given suffix letters allowed ("bkKmMGTPEZYRQ0"). Values up
     * to 2^64-1 are accepted and clamped to Long.MAX_VALUE; larger ones are "too large".
     */
    static long parse(String s, String suffixes) throws Invalid {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (i < s.length() && s.charAt(i) == '+') i++;
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        java.math.BigInteger v;
        if (i == digits) {
            if (i >= s.length() || suffixes.indexOf(s.charAt(i)) < 0) throw new Invalid(false);
            v = java.math.BigInteger.ONE;
        } else {
            v = new java.math.BigInteger(s.substring(digits, i));
        }
        if (i < s.length()) {
            char c = s.charAt(i);
            if (suffixes.indexOf(c) < 0) throw new Invalid(false);
            int base = 1024;
            int len = 1;
            if (suffixes.indexOf('0') >= 0 && i + 1 < s.length()) {
                if (s.charAt(i + 1) == 'i' && i + 2 < s.length() && s.charAt(i + 2) == 'B') len = 3;
                else if (s.charAt(i + 1) == 'B' || s.charAt(i + 1) == 'D') { base = 1000; len = 2; }
            }
            java.math.BigInteger mult = switch (c) {
                case 'b' -> java.math.BigInteger.valueOf(512);
                case 'B' -> java.math.BigInteger.valueOf(1024);
                case 'c' -> java.math.BigInteger.ONE;
                case 'w' -> java.math.BigInteger.TWO;
                default -> {
                    int power = "kKmMgGtTPEZYRQ".indexOf(c);
                    if (power < 0) throw new Invalid(false);
                    power = power < 8 ? power / 2 + 1 : power - 3;
                    yield java.math.BigInteger.valueOf(base).pow(power);
                }
            };
            v = v.multiply(mult);
            if (i + len != s.length()) throw new Invalid(false);
        }
        if (v.compareTo(UINTMAX) > 0) throw new Invalid(true);
        return v.bitLength() > 63 ? Long.MAX_VALUE : v.longValue();
    }
}
