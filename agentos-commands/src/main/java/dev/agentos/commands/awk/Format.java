package dev.agentos.commands.awk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** printf/sprintf with C's format language, rounding as glibc does (exact binary value, ties to even). */
final class Format {
    private Format() {}

    /** Formats with awk values; {@code rt} converts them. */
    static String sprintf(Interp rt, String fmt, Val[] args) {
        StringBuilder out = new StringBuilder();
        int ai = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            i++;
            if (i >= n) { out.append('%'); break; }
            if (fmt.charAt(i) == '%') { out.append('%'); continue; }
            boolean minus = false, plus = false, space = false, alt = false, zero = false;
            for (; i < n; i++) {
                char f = fmt.charAt(i);
                if (f == '-') minus = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '#') alt = true;
                else if (f == '0') zero = true;
                else break;
            }
            int width = -1, prec = -1;
            if (i < n && fmt.charAt(i) == '*') {
                width = (int) (ai < args.length ? rt.toNum(args[ai++]) : 0);
                if (width < 0) { minus = true; width = -width; }
                i++;
            } else {
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    width = Math.max(width, 0) * 10 + (fmt.charAt(i) - '0');
                    i++;
                }
            }
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                prec = 0;
                if (i < n && fmt.charAt(i) == '*') {
                    prec = (int) (ai < args.length ? rt.toNum(args[ai++]) : 0);
                    if (prec < 0) prec = -1;
                    i++;
                } else {
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        prec = prec * 10 + (fmt.charAt(i) - '0');
                        i++;
                    }
                }
            }
            while (i < n && "hlLqjzt".indexOf(fmt.charAt(i)) >= 0) i++;
            if (i >= n) {
                out.append(fmt, start, n);
                break;
            }
            char conv = fmt.charAt(i);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if ("diouxXeEfFgGcsaA".indexOf(conv) < 0) {
                out.append(fmt, start, i + 1);
                continue;
            }
            if (ai >= args.length) {
                throw new AwkFatal("not enough arguments to satisfy format string\n\t`" + fmt + "'\n\t" + " ".repeat(i) + "^ ran out for this one");
            }
            Val arg = args[ai++];
            String body;
            switch (conv) {
                case 'c' -> {
                    if (arg.kind == Val.NUM || (arg.kind == Val.STRNUM && arg.numeric)) {
                        body = String.valueOf((char) (((long) rt.toNum(arg)) & 0xff));
                    } else {
                        String s = rt.toStr(arg);
                        body = s.isEmpty() ? "" : s.substring(0, 1);
                    }
                    out.append(pad(body, width, minus, false));
                    continue;
                }
                case 's' -> {
                    String s = rt.toStr(arg);
                    if (prec >= 0 && prec < s.length()) s = s.substring(0, prec);
                    out.append(pad(s, width, minus, false));
                    continue;
                }
                default -> body = null;
            }
            double d = rt.toNum(arg);
            if ("dioxXu".indexOf(conv) >= 0 && (Double.isNaN(d) || Double.isInfinite(d))) {
                conv = 'f';
                prec = -1;
            }
            out.append(number(conv, d, width, prec, minus, plus, space, alt, zero));
        }
        return out.toString();
    }

    static String pad(String s, int width, boolean left, boolean zero) {
        if (s.length() >= width) return s;
        String fill = " ".repeat(width - s.length());
        return left ? s + fill : fill + s;
    }

    static String number(char conv, double d, int width, int prec, boolean minus, boolean plus, boolean space,
                         boolean alt, boolean zero) {
        String sign = "";
        String digits;
        boolean numeric = true;
        switch (conv) {
            case 'd', 'i' -> {
                boolean small = Math.abs(d) < 9.2e18;
                long lv = small ? (long) d : 0;
                BigInteger v = small ? null : toInteger(d);
                int signum = small ? Long.signum(lv) : v.signum();
                if (signum < 0) sign = "-";
                else if (plus) sign = "+";
                else if (space) sign = " ";
                if (small) {
                    digits = lv == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(lv));
                } else {
                    digits = v.abs().toString();
                }
                if (prec >= 0) {
                    if (prec == 0 && signum == 0) digits = "";
                    digits = zeros(prec - digits.length()) + digits;
                }
            }
            case 'o', 'x', 'X', 'u' -> {
                BigInteger v = toInteger(d);
                if (v.signum() < 0) {
                    if (conv == 'u' || d >= -9.2e18) v = v.add(BigInteger.ONE.shiftLeft(64));
                    else { sign = "-"; v = v.negate(); }
                }
                int radix = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
                digits = v.toString(radix);
                if (conv == 'X') digits = digits.toUpperCase();
                if (prec >= 0) {
                    if (prec == 0 && v.signum() == 0) digits = "";
                    digits = zeros(prec - digits.length()) + digits;
                }
                if (alt && conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
                if (alt && (conv == 'x' || conv == 'X') && v.signum() != 0) sign = conv == 'x' ? "0x" : "0X";
            }
            default -> {
                boolean neg = d < 0 || (d == 0 && 1 / d < 0) || (Double.isNaN(d) && (Double.doubleToRawLongBits(d) < 0));
                if (neg) sign = "-";
                else if (plus) sign = "+";
                else if (space) sign = " ";
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    digits = Double.isNaN(d) ? "nan" : "inf";
                    if (Character.isUpperCase(conv)) digits = digits.toUpperCase();
                    numeric = false;
                } else {
                    digits = floating(conv, Math.abs(d), prec < 0 ? 6 : prec, alt);
                }
            }
        }
        int len = sign.length() + digits.length();
        if (width > len) {
            if (minus) return sign + digits + " ".repeat(width - len);
            boolean zeroPad = zero && numeric && (prec < 0 || "eEfFgG".indexOf(conv) >= 0);
            if (zeroPad) return sign + zeros(width - len) + digits;
            return " ".repeat(width - len) + sign + digits;
        }
        return sign + digits;
    }

    private static BigInteger toInteger(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return BigInteger.ZERO;
        if (Math.abs(d) < 9.2e18) return BigInteger.valueOf((long) d);
        return new BigDecimal(d).toBigInteger();
    }

    private static String zeros(int n) { return n <= 0 ? "" : "0".repeat(n); }

    /** %f, %e, %g of a non-negative finite value. */
    static String floating(char conv, double d, int prec, boolean alt) {
        switch (conv) {
            case 'f', 'F' -> {
                String s = new BigDecimal(d).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
                return alt && prec == 0 ? s + "." : s;
            }
            case 'e', 'E' -> {
                String s = exp(d, prec, alt);
                return conv == 'E' ? s.toUpperCase() : s;
            }
            case 'a', 'A' -> {
                String s = Double.toHexString(d);
                return conv == 'A' ? s.toUpperCase() : s;
            }
            default -> {
                int p = prec == 0 ? 1 : prec;
                int x;
                if (d == 0) {
                    x = 0;
                } else {
                    BigDecimal r = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
                    x = r.precision() - r.scale() - 1;
                }
                String s;
                if (p > x && x >= -4) {
                    s = new BigDecimal(d).setScale(p - 1 - x, RoundingMode.HALF_EVEN).toPlainString();
                    if (!alt && s.indexOf('.') >= 0) s = stripZeros(s);
                    else if (alt && s.indexOf('.') < 0) s = s + ".";
                } else {
                    s = exp(d, p - 1, alt);
                    if (!alt) {
                        int e = s.indexOf('e');
                        String mant = s.substring(0, e);
                        if (mant.indexOf('.') >= 0) mant = stripZeros(mant);
                        s = mant + s.substring(e);
                    }
                }
                return conv == 'G' ? s.toUpperCase() : s;
            }
        }
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static String exp(double d, int prec, boolean alt) {
        int x;
        String mant;
        if (d == 0) {
            x = 0;
            mant = "0" + (prec > 0 ? "." + zeros(prec) : "");
        } else {
            BigDecimal r = new BigDecimal(d).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            x = r.precision() - r.scale() - 1;
            String u = r.unscaledValue().toString();
            if (u.length() < prec + 1) u = u + zeros(prec + 1 - u.length());
            mant = u.substring(0, 1) + (prec > 0 ? "." + u.substring(1, prec + 1) : "");
        }
        if (alt && prec == 0) mant = mant + ".";
        String es = Integer.toString(Math.abs(x));
        if (es.length() < 2) es = "0" + es;
        return mant + "e" + (x < 0 ? "-" : "+") + es;
    }
}
