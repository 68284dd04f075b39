package dev.agentos.commands.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** bc's -l library (s c a l e j) with guard digits, and output in other bases. */
final class BcMath {
    private BcMath() {}

    static BigDecimal call(String name, List<BigDecimal> a, int scale) {
        int work = scale + 10;
        MathContext mc = new MathContext(work + 20);
        BigDecimal r = switch (name) {
            case "e" -> a.size() == 1 ? exp(a.get(0), mc) : null;
            case "l" -> a.size() == 1 && a.get(0).signum() > 0 ? ln(a.get(0), mc) : null;
            case "s" -> a.size() == 1 ? sin(a.get(0), mc) : null;
            case "c" -> a.size() == 1 ? sin(a.get(0).add(pi(mc).divide(BigDecimal.TWO, mc)), mc) : null;
            case "a" -> a.size() == 1 ? atan(a.get(0), mc) : null;
            case "j" -> a.size() == 2 ? bessel(a.get(0).intValue(), a.get(1), mc) : null;
            default -> null;
        };
        return r == null ? null : r.setScale(scale, RoundingMode.DOWN);
    }

    static BigDecimal exp(BigDecimal x, MathContext mc) {
        if (x.signum() < 0) return BigDecimal.ONE.divide(exp(x.negate(), mc), mc);
        int halvings = 0;
        while (x.compareTo(BigDecimal.ONE) > 0) {
            x = x.divide(BigDecimal.TWO, mc);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE, term = BigDecimal.ONE;
        for (int i = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision())) > 0; i++) {
            term = term.multiply(x, mc).divide(BigDecimal.valueOf(i), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < halvings; i++) sum = sum.multiply(sum, mc);
        return sum;
    }

    static BigDecimal ln(BigDecimal x, MathContext mc) {
        // ln x = 2 atanh((x-1)/(x+1)), after scaling x near 1 by square roots.
        int roots = 0;
        while (x.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.5")) > 0) {
            x = x.sqrt(mc);
            roots++;
        }
        BigDecimal y = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), mc);
        BigDecimal y2 = y.multiply(y, mc), term = y, sum = BigDecimal.ZERO;
        for (int k = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision())) > 0; k += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(k), mc), mc);
            term = term.multiply(y2, mc);
        }
        return sum.multiply(BigDecimal.TWO).multiply(BigDecimal.TWO.pow(roots), mc);
    }

    static BigDecimal pi(MathContext mc) {
        return atan(BigDecimal.ONE.divide(BigDecimal.valueOf(5), mc), mc).multiply(BigDecimal.valueOf(16))
                .subtract(atan(BigDecimal.ONE.divide(BigDecimal.valueOf(239), mc), mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    static BigDecimal atan(BigDecimal x, MathContext mc) {
        if (x.signum() < 0) return atan(x.negate(), mc).negate();
        if (x.compareTo(BigDecimal.ONE) > 0) {
            return pi(mc).divide(BigDecimal.TWO, mc).subtract(atan(BigDecimal.ONE.divide(x, mc), mc), mc);
        }
        // Halve the angle until small: atan x = 2 atan(x / (1 + sqrt(1 + x^2))).
        int doublings = 0;
        while (x.compareTo(new BigDecimal("0.2")) > 0) {
            x = x.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(x.multiply(x, mc)).sqrt(mc)), mc);
            doublings++;
        }
        BigDecimal x2 = x.multiply(x, mc), term = x, sum = BigDecimal.ZERO;
        for (int k = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision())) > 0; k += 2) {
            BigDecimal t = term.divide(BigDecimal.valueOf(k), mc);
            sum = ((k / 2) % 2 == 0) ? sum.add(t, mc) : sum.subtract(t, mc);
            term = term.multiply(x2, mc);
        }
        return sum.multiply(BigDecimal.TWO.pow(doublings), mc);
    }

    static BigDecimal sin(BigDecimal x, MathContext mc) {
        BigDecimal twoPi = pi(mc).multiply(BigDecimal.TWO);
        x = x.remainder(twoPi, mc);
        BigDecimal x2 = x.multiply(x, mc), term = x, sum = BigDecimal.ZERO;
        for (int k = 1; term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision())) > 0; k += 2) {
            sum = sum.add(term, mc);
            term = term.multiply(x2, mc).divide(BigDecimal.valueOf((long) (k + 1) * (k + 2)), mc).negate();
        }
        return sum;
    }

    static BigDecimal bessel(int n, BigDecimal x, MathContext mc) {
        n = Math.abs(n);
        BigDecimal half = x.divide(BigDecimal.TWO, mc), h2 = half.multiply(half, mc).negate();
        BigDecimal term = half.pow(n, mc).divide(new BigDecimal(factorial(n)), mc), sum = BigDecimal.ZERO;
        for (int k = 0; term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision())) > 0 || k < 2; k++) {
            sum = sum.add(term, mc);
            term = term.multiply(h2, mc).divide(BigDecimal.valueOf((long) (k + 1) * (k + 1 + n)), mc);
        }
        return sum;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) f = f.multiply(BigInteger.valueOf(i));
        return f;
    }

    /** A number in another output base: digits 0-F up to base 16, space-separated groups above. */
    static String inBase(BigDecimal v, int base) {
        StringBuilder sb = new StringBuilder();
        if (v.signum() < 0) sb.append('-');
        v = v.abs();
        BigInteger ip = v.toBigInteger();
        BigDecimal fp = v.subtract(new BigDecimal(ip));
        int width = Integer.toString(base - 1).length();
        if (ip.signum() == 0 && fp.signum() == 0) return "0";
        if (ip.signum() > 0 || fp.signum() == 0) {
            String digits = ip.toString(base).toUpperCase();
            if (base <= 16) {
                sb.append(digits);
            } else {
                java.util.List<String> groups = new java.util.ArrayList<>();
                BigInteger b = BigInteger.valueOf(base);
                while (ip.signum() > 0) {
                    BigInteger[] qr = ip.divideAndRemainder(b);
                    groups.addFirst(String.format(" %0" + width + "d", qr[1].intValue()));
                    ip = qr[0];
                }
                groups.forEach(sb::append);
            }
        }
        if (v.scale() > 0 && fp.signum() != 0) {
            sb.append('.');
            BigInteger limit = BigInteger.TEN.pow(v.scale());
            BigInteger reached = BigInteger.ONE;
            while (reached.compareTo(limit) < 0) {
                fp = fp.multiply(BigDecimal.valueOf(base));
                int d = fp.intValue();
                fp = fp.subtract(BigDecimal.valueOf(d));
                sb.append(base <= 16 ? Character.toUpperCase(Character.forDigit(d, base)) : String.format(" %0" + width + "d", d));
                reached = reached.multiply(BigInteger.valueOf(base));
            }
        }
        return sb.toString();
    }
}
