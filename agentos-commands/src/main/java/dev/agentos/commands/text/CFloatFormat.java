package dev.agentos.commands.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C printf's floating conversions (%f %e %g %E %G with flags, width, precision) over BigDecimal. */
final class CFloatFormat {
    final String prefix, suffix;
    final boolean left, plus, space, alt, zero;
    final int width, precision;
    final char conv;

    private CFloatFormat(String prefix, String suffix, boolean left, boolean plus, boolean space, boolean alt, boolean zero,
                         int width, int precision, char conv) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.left = left;
        this.plus = plus;
        this.space = space;
        this.alt = alt;
        this.zero = zero;
        this.width = width;
        this.precision = precision;
        this.conv = conv;
    }

    /** Why a format was refused, worded as seq words it (after "format '...' "). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String m) { super(m, null, false, false); }
    }

    /** Parses a format with exactly one floating directive (and %% escapes). */
    static CFloatFormat parse(String f) throws Invalid {
        StringBuilder pre = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '%') {
                if (i + 1 < f.length() && f.charAt(i + 1) == '%') { pre.append('%'); i += 2; continue; }
                break;
            }
            pre.append(c);
            i++;
        }
        if (i >= f.length()) throw new Invalid("has no % directive");
        int start = i++;
        boolean left = false, plus = false, space = false, alt = false, zero = false;
        for (; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '-') left = true;
            else if (c == '+') plus = true;
            else if (c == ' ') space = true;
            else if (c == '#') alt = true;
            else if (c == '0') zero = true;
            else if (c == '\'') { /* grouping: none in C */ }
            else break;
        }
        int width = 0;
        while (i < f.length() && Character.isDigit(f.charAt(i))) width = width * 10 + (f.charAt(i++) - '0');
        int precision = -1;
        if (i < f.length() && f.charAt(i) == '.') {
            i++;
            precision = 0;
            while (i < f.length() && Character.isDigit(f.charAt(i))) precision = precision * 10 + (f.charAt(i++) - '0');
        }
        if (i < f.length() && f.charAt(i) == 'L') i++;
        if (i >= f.length()) throw new Invalid("ends in %");
        char conv = f.charAt(i);
        if ("efgEFGaA".indexOf(conv) < 0) throw new Invalid("has unknown %" + f.substring(start + 1, i + 1) + " directive");
        i++;
        StringBuilder suf = new StringBuilder();
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '%') {
                if (i + 1 < f.length() && f.charAt(i + 1) == '%') { suf.append('%'); i += 2; continue; }
                throw new Invalid("has too many % directives");
            }
            suf.append(c);
            i++;
        }
        return new CFloatFormat(pre.toString(), suf.toString(), left, plus, space, alt, zero, width, precision, conv);
    }

    static CFloatFormat fixed(int width, int precision, boolean zeroPad) {
        return new CFloatFormat("", "", false, false, false, false, zeroPad, width, precision, 'f');
    }

    static CFloatFormat general() {
        return new CFloatFormat("", "", false, false, false, false, false, 0, -1, 'g');
    }

    String format(BigDecimal v) {
        return prefix + pad(body(v)) + suffix;
    }

    private String pad(String body) {
        if (body.length() >= width) return body;
        int n = width - body.length();
        if (left) return body + " ".repeat(n);
        if (zero && Character.isDigit(body.charAt(body.length() - 1))) {
            int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
            return body.substring(0, signLen) + "0".repeat(n) + body.substring(signLen);
        }
        return " ".repeat(n) + body;
    }

    private String body(BigDecimal v) {
        boolean neg = v.signum() < 0 || (v.signum() == 0 && negativeZero);
        BigDecimal a = v.abs();
        String digits = switch (Character.toLowerCase(conv)) {
            case 'f' -> fixedDigits(a, precision < 0 ? 6 : precision, alt);
            case 'e' -> expDigits(a, precision < 0 ? 6 : precision, alt);
            default -> generalDigits(a, precision < 0 ? 6 : precision == 0 ? 1 : precision, alt);
        };
        if (Character.isUpperCase(conv)) digits = digits.toUpperCase();
        String sign = neg ? "-" : plus ? "+" : space ? " " : "";
        return sign + digits;
    }

    boolean negativeZero;

    static String fixedDigits(BigDecimal a, int prec, boolean alt) {
        String s = a.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        if (prec == 0 && alt) s += ".";
        return s;
    }

    static String expDigits(BigDecimal a, int prec, boolean alt) {
        if (a.signum() == 0) {
            return "0" + (prec > 0 || alt ? "." : "") + "0".repeat(prec) + "e+00";
        }
        BigDecimal r = a.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        BigDecimal mant = r.movePointLeft(exp).setScale(prec, RoundingMode.HALF_EVEN);
        String m = mant.toPlainString();
        if (prec == 0 && alt) m += ".";
        return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    static String generalDigits(BigDecimal a, int p, boolean alt) {
        int x;
        if (a.signum() == 0) x = 0;
        else {
            BigDecimal r = a.round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = r.precision() - r.scale() - 1;
        }
        String s;
        if (p > x && x >= -4) s = fixedDigits(a, p - 1 - x, alt);
        else s = expDigits(a, p - 1, alt);
        if (!alt) {
            int e = s.indexOf('e');
            String mant = e >= 0 ? s.substring(0, e) : s;
            String tail = e >= 0 ? s.substring(e) : "";
            if (mant.contains(".")) {
                mant = mant.replaceAll("0+$", "");
                if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
            }
            s = mant + tail;
        }
        return s;
    }
}
