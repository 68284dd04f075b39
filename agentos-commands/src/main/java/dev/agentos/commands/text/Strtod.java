package dev.agentos.commands.text;

/** The longest prefix of bytes that C's strtod accepts, as a double (null when none). */
final class Strtod {
    private Strtod() {}

    static Double prefix(byte[] x, int s, int e) {
        while (s < e && (x[s] == ' ' || (x[s] >= 9 && x[s] <= 13))) s++;
        int p = s;
        if (p < e && (x[p] == '+' || x[p] == '-')) p++;
        boolean neg = p > s && x[s] == '-';
        if (matches(x, p, e, "infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (matches(x, p, e, "inf")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (matches(x, p, e, "nan")) return Double.NaN;
        if (p + 1 < e && x[p] == '0' && (x[p + 1] == 'x' || x[p + 1] == 'X')) {
            Double h = hex(x, p + 2, e);
            if (h != null) return neg ? -h : h;
        }
        int digits = 0;
        int q = p;
        while (q < e && x[q] >= '0' && x[q] <= '9') { q++; digits++; }
        if (q < e && x[q] == '.') {
            q++;
            while (q < e && x[q] >= '0' && x[q] <= '9') { q++; digits++; }
        }
        if (digits == 0) return null;
        if (q < e && (x[q] == 'e' || x[q] == 'E')) {
            int r = q + 1;
            if (r < e && (x[r] == '+' || x[r] == '-')) r++;
            if (r < e && x[r] >= '0' && x[r] <= '9') {
                while (r < e && x[r] >= '0' && x[r] <= '9') r++;
                q = r;
            }
        }
        String text = new String(x, s, q - s, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.endsWith(".")) text = text + "0";
        if (text.startsWith(".") || text.startsWith("-.") || text.startsWith("+.")) text = text.replaceFirst("\\.", "0.");
        return Double.parseDouble(text);
    }

    private static boolean matches(byte[] x, int p, int e, String word) {
        if (e - p < word.length()) return false;
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase((char) x[p + i]) != word.charAt(i)) return false;
        }
        return true;
    }

    private static Double hex(byte[] x, int p, int e) {
        double v = 0;
        int digits = 0;
        int scale = 0;
        boolean frac = false;
        for (; p < e; p++) {
            int d = Character.digit(x[p], 16);
            if (x[p] == '.' && !frac) { frac = true; continue; }
            if (d < 0) break;
            v = v * 16 + d;
            digits++;
            if (frac) scale -= 4;
        }
        if (digits == 0) return null;
        if (p < e && (x[p] == 'p' || x[p] == 'P')) {
            int r = p + 1;
            boolean eneg = false;
            if (r < e && (x[r] == '+' || x[r] == '-')) eneg = x[r++] == '-';
            int exp = 0, n = 0;
            while (r < e && x[r] >= '0' && x[r] <= '9') { exp = Math.min(100000, exp * 10 + (x[r++] - '0')); n++; }
            if (n > 0) scale += eneg ? -exp : exp;
        }
        return v * Math.pow(2, scale);
    }
}
