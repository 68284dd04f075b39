package dev.agentos.commands.text;

import dev.agentos.commands.Getopt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** seq: numbers from FIRST by INCREMENT to LAST, in GNU's default formats (exact decimal steps). */
final class Seq extends TextCommand {
    @Override String name() { return "seq"; }

    @Override Getopt options() {
        return Getopt.create().withArg('f', "format", "f").withArg('s', "separator", "s").flag('w', "equal-width", "w").noPermute();
    }

    /** Negative numbers are operands, not options: options stop at the first one. */
    @Override List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() > 1 && a.charAt(0) == '-' && (a.charAt(1) == '.' || Character.isDigit(a.charAt(1)))) {
                out.add("--");
                out.addAll(args.subList(i, args.size()));
                return out;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                out.addAll(args.subList(i, args.size()));
                return out;
            }
            out.add(a);
            if (a.equals("--")) {
                out.addAll(args.subList(i + 1, args.size()));
                return out;
            }
            if (a.equals("-f") || a.equals("-s") || ((a.startsWith("--f") || a.startsWith("--s")) && !a.contains("="))) {
                if (i + 1 < args.size()) out.add(args.get(++i));
            }
        }
        return out;
    }

    /** An operand: its value, digits after the point and printed width (GNU's scan_arg). */
    private record Operand(BigDecimal value, int precision, int width, boolean special) {}

    @Override int execute(Run r) {
        List<String> ops = r.operands();
        if (ops.isEmpty()) throw r.usage(1, "missing operand");
        if (ops.size() > 3) throw r.usage(1, "extra operand " + TextIo.quote(ops.get(3)));
        Operand first = ops.size() >= 2 ? scan(r, ops.get(0)) : new Operand(BigDecimal.ONE, 0, 1, false);
        Operand step = ops.size() == 3 ? scan(r, ops.get(1)) : new Operand(BigDecimal.ONE, 0, 1, false);
        Operand last = scan(r, ops.get(ops.size() - 1));
        if (step.value.signum() == 0) throw r.usage(1, "invalid Zero increment value: " + TextIo.quote(ops.get(1)));
        String sep = r.last("s").orElse("\n");
        boolean equalWidth = r.has("w");
        CFloatFormat fmt;
        if (r.last("f").isPresent()) {
            if (equalWidth) throw r.usage(1, "format string may not be specified when printing equal width strings");
            try {
                fmt = CFloatFormat.parse(r.last("f").get());
            } catch (CFloatFormat.Invalid e) {
                throw r.fail(1, "format " + TextIo.quote(r.last("f").get()) + " " + e.getMessage());
            }
        } else {
            fmt = defaultFormat(first, step, last, equalWidth);
        }
        BigDecimal a = first.value, s = step.value, l = last.value;
        boolean down = s.signum() < 0;
        if (down ? a.compareTo(l) < 0 : l.compareTo(a) < 0) return 0;
        // the integer case, as fast as GNU's seq_fast
        if (fmt.conv == 'f' && fmt.precision == 0 && fmt.width <= 1 && sep.length() == 1 && fitsLong(a) && fitsLong(s) && fitsLong(l)) {
            fastIntegers(r, a.longValueExact(), s.longValueExact(), l.longValueExact(), sep.charAt(0));
            return 0;
        }
        BigDecimal x = a;
        boolean out = false;
        for (long i = 1; ; i++) {
            String text = fmt.format(x);
            r.print(text);
            if (out) break;
            x = a.add(s.multiply(BigDecimal.valueOf(i)));
            out = down ? x.compareTo(l) < 0 : l.compareTo(x) < 0;
            if (out) {
                // GNU prints one more number when it rounds to LAST yet differs from the previous one
                String nextText = fmt.format(x);
                boolean extra = false;
                try {
                    extra = new BigDecimal(nextText.strip()).compareTo(l) == 0 && !nextText.equals(text);
                } catch (NumberFormatException ignored) {
                    // not a plain number: no extra
                }
                if (!extra) break;
            }
            r.print(sep);
        }
        r.print("\n");
        return 0;
    }

    private static boolean fitsLong(BigDecimal v) {
        return v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0 ? v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) < 0 : false;
    }

    private static void fastIntegers(Run r, long a, long s, long l, char sep) {
        byte[] buf = new byte[TextIo.BLOCK];
        int n = 0;
        boolean firstOne = true;
        for (long x = a; s > 0 ? x <= l : x >= l; x += s) {
            if (n > buf.length - 40) {
                r.write(buf, 0, n);
                n = 0;
            }
            if (!firstOne) buf[n++] = (byte) sep;
            firstOne = false;
            String t = Long.toString(x);
            for (int i = 0; i < t.length(); i++) buf[n++] = (byte) t.charAt(i);
        }
        buf[n++] = '\n';
        r.write(buf, 0, n);
    }

    private static CFloatFormat defaultFormat(Operand first, Operand step, Operand last, boolean equalWidth) {
        if (first.special || step.special || last.special) return CFloatFormat.general();
        int prec = Math.max(first.precision, step.precision);
        if (equalWidth) {
            int firstWidth = first.width + (prec - first.precision);
            int lastWidth = last.width + (prec - last.precision);
            if (last.precision > 0 && prec == 0) lastWidth--;
            if (last.precision == 0 && prec > 0) lastWidth++;
            if (first.precision == 0 && prec > 0) firstWidth++;
            return CFloatFormat.fixed(Math.max(firstWidth, lastWidth), prec, true);
        }
        return CFloatFormat.fixed(0, prec, false);
    }

    private static Operand scan(Run r, String arg) {
        String t = arg.strip();
        String lower = t.toLowerCase();
        if (lower.matches("[+-]?(inf|infinity|nan)") || lower.matches("[+-]?0x.*")) {
            if (lower.contains("nan")) throw r.usage(1, "invalid 'not-a-number' argument: " + TextIo.quote(arg));
            return new Operand(lower.startsWith("-") ? BigDecimal.valueOf(-1e300) : BigDecimal.valueOf(1e300), Integer.MAX_VALUE, 0, true);
        }
        BigDecimal v;
        try {
            if (!t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) throw new NumberFormatException();
            v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw r.usage(1, "invalid floating point argument: " + TextIo.quote(arg));
        }
        int width = arg.length();
        int precision = 0;
        int dot = arg.indexOf('.');
        int e = Math.max(arg.indexOf('e'), arg.indexOf('E'));
        int fractionLen = 0;
        if (dot >= 0) {
            int end = e >= 0 ? e : arg.length();
            fractionLen = end - dot - 1;
            precision = fractionLen;
            width += fractionLen == 0 ? -1 : (dot == 0 || !Character.isDigit(arg.charAt(dot - 1)) ? 1 : 0);
        }
        if (e >= 0) {
            long exponent = Long.parseLong(arg.substring(e + 1).replace("+", ""));
            precision += exponent < 0 ? (int) -exponent : -Math.min(precision, (int) exponent);
            width -= arg.length() - e;
            if (exponent < 0) {
                if (dot >= 0) {
                    if (e == dot + 1) width++;
                } else width++;
                exponent = -exponent;
            } else {
                if (dot >= 0 && precision == 0 && fractionLen > 0) width--;
                exponent -= Math.min(fractionLen, exponent);
            }
            width += (int) exponent;
        }
        return new Operand(v, precision, width, false);
    }
}
