package dev.agentos.shell;

import java.math.BigDecimal;
import java.util.List;

/** printf's format language (bash's builtin and GNU printf): flags, width, precision, %b, %q, reuse of the format. */
final class Printf {
    private final Shell sh;
    private final String name;
    private boolean failed;
    private boolean stop;

    Printf(Shell sh, String name) {
        this.sh = sh;
        this.name = name;
    }

    boolean failed() { return failed; }

    String format(String fmt, List<String> args) {
        StringBuilder out = new StringBuilder();
        int ai = 0;
        do {
            int consumedBefore = ai;
            int i = 0;
            while (i < fmt.length() && !stop) {
                char c = fmt.charAt(i);
                if (c == '\\') {
                    int j = i + 1;
                    if (j < fmt.length() && fmt.charAt(j) >= '0' && fmt.charAt(j) <= '7') {
                        int v = 0, k = 0;
                        while (k < 3 && j < fmt.length() && fmt.charAt(j) >= '0' && fmt.charAt(j) <= '7') { v = v * 8 + fmt.charAt(j) - '0'; j++; k++; }
                        out.append((char) v);
                        i = j;
                        continue;
                    }
                    int end = Math.min(fmt.length(), i + 2);
                    if (j < fmt.length() && (fmt.charAt(j) == 'x' || fmt.charAt(j) == 'u' || fmt.charAt(j) == 'U')) {
                        int max = fmt.charAt(j) == 'x' ? 2 : fmt.charAt(j) == 'u' ? 4 : 8;
                        end = j + 1;
                        while (end < fmt.length() && end - j - 1 < max && Character.digit(fmt.charAt(end), 16) >= 0) end++;
                    }
                    out.append(Escapes.decode(fmt.substring(i, end), false, null));
                    i = end;
                    continue;
                }
                if (c != '%') { out.append(c); i++; continue; }
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') { out.append('%'); i += 2; continue; }
                int j = i + 1;
                StringBuilder flags = new StringBuilder();
                while (j < fmt.length() && "-+ #0".indexOf(fmt.charAt(j)) >= 0) flags.append(fmt.charAt(j++));
                String width = "";
                if (j < fmt.length() && fmt.charAt(j) == '*') {
                    width = Long.toString(number(ai < args.size() ? args.get(ai++) : "0"));
                    if (width.startsWith("-")) { flags.append('-'); width = width.substring(1); }
                    j++;
                } else {
                    int s = j;
                    while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) j++;
                    width = fmt.substring(s, j);
                }
                String prec = null;
                if (j < fmt.length() && fmt.charAt(j) == '.') {
                    j++;
                    if (j < fmt.length() && fmt.charAt(j) == '*') {
                        prec = Long.toString(number(ai < args.size() ? args.get(ai++) : "0"));
                        j++;
                    } else {
                        int s = j;
                        while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) j++;
                        prec = fmt.substring(s, j);
                        if (prec.isEmpty()) prec = "0";
                    }
                }
                while (j < fmt.length() && "hlLjzt".indexOf(fmt.charAt(j)) >= 0) j++;
                if (j >= fmt.length()) {
                    sh.error(name + ": `" + fmt.substring(i) + "': missing format character");
                    failed = true;
                    return out.toString();
                }
                char conv = fmt.charAt(j);
                String arg = ai < args.size() ? args.get(ai) : null;
                if ("diouxXeEfFgGcsbqaA".indexOf(conv) >= 0) ai++;
                out.append(convert(conv, flags.toString(), width, prec, arg));
                i = j + 1;
                if ("diouxXeEfFgGcsbqaA".indexOf(conv) < 0) {
                    sh.error(name + ": `" + conv + "': invalid format character");
                    failed = true;
                    return out.toString();
                }
            }
            if (ai == consumedBefore) break;
        } while (ai < args.size() && !stop);
        return out.toString();
    }

    private String convert(char conv, String flags, String width, String prec, String arg) {
        String body;
        switch (conv) {
            case 's' -> {
                body = arg == null ? "" : arg;
                if (prec != null) body = body.substring(0, Math.min(body.length(), Integer.parseInt(prec)));
                return pad(body, flags, width);
            }
            case 'b' -> {
                boolean[] st = new boolean[1];
                body = Escapes.decode(arg == null ? "" : arg, true, st);
                if (st[0]) stop = true;
                if (prec != null) body = body.substring(0, Math.min(body.length(), Integer.parseInt(prec)));
                return pad(body, flags, width);
            }
            case 'q' -> { return pad(Quoting.printfQ(arg == null ? "" : arg), flags, width); }
            case 'c' -> { return pad(arg == null ? "" : arg.isEmpty() ? "\0" : arg.substring(0, 1), flags, width); }
            case 'd', 'i' -> {
                long v = number(arg == null ? "0" : arg);
                String f = "%" + flags + width + (prec != null ? "." + prec : "") + "d";
                return String.format(f.replace("#", ""), v);
            }
            case 'o', 'u', 'x', 'X' -> {
                long v = number(arg == null ? "0" : arg);
                String digits = switch (conv) {
                    case 'o' -> Long.toOctalString(v);
                    case 'u' -> Long.toUnsignedString(v);
                    case 'x' -> Long.toHexString(v);
                    default -> Long.toHexString(v).toUpperCase();
                };
                if (prec != null) while (digits.length() < Integer.parseInt(prec)) digits = "0" + digits;
                if (flags.contains("#") && v != 0) digits = (conv == 'o' ? "0" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "") + digits;
                if (flags.contains("0") && !flags.contains("-") && prec == null && !width.isEmpty()) {
                    while (digits.length() < Integer.parseInt(width)) digits = "0" + digits;
                }
                return pad(digits, flags, width);
            }
            default -> {
                double d = floating(arg == null ? "0" : arg);
                String f = "%" + flags + width + (prec != null ? "." + prec : "") + (conv == 'F' ? 'f' : conv);
                if (Double.isInfinite(d) || Double.isNaN(d)) return pad(Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf", flags.replace("0", ""), width);
                if (conv == 'g' || conv == 'G') return pad(gFormat(d, flags, prec == null ? 6 : Integer.parseInt(prec), conv == 'G'), flags, width);
                return String.format(java.util.Locale.ROOT, f, d);
            }
        }
    }

    private static String gFormat(double d, String flags, int p, boolean upper) {
        if (p == 0) p = 1;
        if (d == 0) return flags.contains("+") ? "+0" : "0";
        int exp = (int) Math.floor(Math.log10(Math.abs(d)));
        String r;
        BigDecimal bd = new BigDecimal(d).round(new java.math.MathContext(p));
        exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= p) {
            r = String.format(java.util.Locale.ROOT, "%." + (p - 1) + "e", d);
            if (!flags.contains("#")) r = r.replaceAll("\\.?0+e", "e");
        } else {
            r = String.format(java.util.Locale.ROOT, "%." + Math.max(0, p - 1 - exp) + "f", d);
            if (!flags.contains("#") && r.contains(".")) r = r.replaceAll("\\.?0+$", "");
        }
        if (flags.contains("+") && d > 0) r = "+" + r;
        return upper ? r.toUpperCase() : r;
    }

    private static String pad(String s, String flags, String width) {
        if (width.isEmpty()) return s;
        int w = Integer.parseInt(width);
        if (s.length() >= w) return s;
        String sp = " ".repeat(w - s.length());
        return flags.contains("-") ? s + sp : sp + s;
    }

    private long number(String s) {
        String t = s.strip();
        if (t.isEmpty()) return 0;
        if (t.startsWith("'") || t.startsWith("\"")) return t.length() > 1 ? t.codePointAt(1) : 0;
        try {
            boolean neg = t.startsWith("-");
            String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            long v;
            if (u.startsWith("0x") || u.startsWith("0X")) v = Long.parseUnsignedLong(u.substring(2), 16);
            else if (u.length() > 1 && u.startsWith("0")) v = Long.parseLong(u.substring(1), 8);
            else v = Long.parseLong(u);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            sh.error(name + ": " + s + ": invalid number");
            failed = true;
            int k = 0;
            long v = 0;
            while (k < t.length() && Character.isDigit(t.charAt(k))) v = v * 10 + (t.charAt(k++) - '0');
            return v;
        }
    }

    private double floating(String s) {
        String t = s.strip();
        if (t.startsWith("'") || t.startsWith("\"")) return t.length() > 1 ? t.codePointAt(1) : 0;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            sh.error(name + ": " + s + ": invalid number");
            failed = true;
            return 0;
        }
    }
}
