package dev.agentos.commands.files;

/** Sizes as GNU prints (-h) and parses them (K, M, G suffixes). */
final class HumanSize {
    private static final String UNITS = "KMGTPEZY";

    private HumanSize() {}

    /** {@code -h}: powers of 1024, rounded up, one decimal below 10 ("1.5K", "12K", "999"). */
    static String human(long n) {
        if (n < 1024) return Long.toString(n);
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length() - 1) {
            v /= 1024;
            u++;
        }
        if (v < 10) {
            double r = Math.ceil(v * 10) / 10;
            if (r >= 10) return (long) r + "" + UNITS.charAt(u);
            return String.format("%.1f%c", r, UNITS.charAt(u));
        }
        long r = (long) Math.ceil(v);
        if (r >= 1024 && u < UNITS.length() - 1) return "1.0" + UNITS.charAt(u + 1);
        return r + "" + UNITS.charAt(u);
    }

    /**
     * A size with an optional suffix: K, KiB (1024), KB (1000), M, G, T, P, E, and b (512), c (1),
     * w (2) when {@code ddUnits}. -1 when malformed.
     */
    static long parse(String s, boolean ddUnits) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0) return -1;
        long n;
        try {
            n = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            return -1;
        }
        String suf = s.substring(i);
        long mult;
        if (suf.isEmpty()) {
            mult = 1;
        } else if (ddUnits && suf.equals("c")) {
            mult = 1;
        } else if (ddUnits && suf.equals("w")) {
            mult = 2;
        } else if (ddUnits && suf.equals("b")) {
            mult = 512;
        } else {
            int p = "KMGTPE".indexOf(Character.toUpperCase(suf.charAt(0)));
            if (suf.charAt(0) == 'k') p = 0;
            if (p < 0) return -1;
            String rest = suf.substring(1);
            long base = switch (rest) {
                case "", "iB" -> 1024;
                case "B" -> 1000;
                default -> -1;
            };
            if (base < 0) return -1;
            mult = 1;
            for (int k = 0; k <= p; k++) mult *= base;
        }
        return Math.multiplyExact(n, mult);
    }
}
