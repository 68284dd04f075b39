package dev.agentos.commands.text;

import dev.agentos.commands.Getopt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** numfmt: numbers to and from human-readable SI/IEC forms, with padding, suffixes and fields. */
final class Numfmt extends TextCommand {
    @Override String name() { return "numfmt"; }

    @Override Getopt options() {
        return Getopt.create().withArg('d', "delimiter", "d").withArg((char) 0, "field", "field").withArg((char) 0, "format", "format")
                .withArg((char) 0, "from", "from").withArg((char) 0, "from-unit", "from-unit").flag((char) 0, "grouping", "grouping")
                .optionalArg((char) 0, "header", "header").withArg((char) 0, "invalid", "invalid").withArg((char) 0, "padding", "padding")
                .withArg((char) 0, "round", "round").withArg((char) 0, "suffix", "suffix").withArg((char) 0, "to", "to")
                .withArg((char) 0, "to-unit", "to-unit").flag('z', "zero-terminated", "z").flag((char) 0, "debug", "debug");
    }

    private static final String POWERS = "KMGTPEZYRQ";
    private static final String[] SCALES = {"none", "auto", "si", "iec", "iec-i"};
    private static final String SCALE_LIST = "  - 'none'\n  - 'auto'\n  - 'si'\n  - 'iec'\n  - 'iec-i'";

    /** A conversion failure: the message, printed per --invalid. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String m) { super(m, null, false, false); }
    }

    private int from, to, round = 2, padding, invalidMode, precision = -1, zeroWidth;
    private long fromUnit = 1, toUnit = 1;
    private String suffix, fmtPrefix = "", fmtSuffix = "";
    private boolean leftAlignFormat;

    @Override int execute(Run r) {
        return new Numfmt().executeOnce(r);
    }

    private int executeOnce(Run r) {
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "from" -> from = TextIo.argmatch(r, "--from", v, SCALES, SCALE_LIST);
                case "to" -> {
                    String[] valid = {"none", "si", "iec", "iec-i"};
                    int i = TextIo.argmatch(r, "--to", v, valid, "  - 'none'\n  - 'si'\n  - 'iec'\n  - 'iec-i'");
                    to = i == 0 ? 0 : i + 1;
                }
                case "from-unit" -> fromUnit = unit(r, v, "--from-unit");
                case "to-unit" -> toUnit = unit(r, v, "--to-unit");
                case "round" -> round = TextIo.argmatch(r, "--round", v, new String[] {"up", "down", "from-zero", "towards-zero", "nearest"},
                        "  - 'up'\n  - 'down'\n  - 'from-zero'\n  - 'towards-zero'\n  - 'nearest'");
                case "padding" -> {
                    try {
                        padding = Integer.parseInt(v);
                        if (padding == 0) throw new NumberFormatException();
                    } catch (NumberFormatException e) {
                        throw r.fail(1, "invalid padding value " + TextIo.quote(v));
                    }
                }
                case "suffix" -> suffix = v;
                case "invalid" -> invalidMode = TextIo.argmatch(r, "--invalid", v, new String[] {"abort", "fail", "warn", "ignore"},
                        "  - 'abort'\n  - 'fail'\n  - 'warn'\n  - 'ignore'");
                case "format" -> parseFormat(r, v);
                default -> { }
            }
        }
        String delim = r.last("d").orElse(null);
        if (delim != null && TextIo.bytes(delim).length != 1) throw r.fail(1, "the delimiter must be a single character");
        FieldList fields;
        try {
            String f = r.last("field").orElse("1");
            fields = FieldList.parse(f.equals("-") ? "1-" : f, false, false);
        } catch (FieldList.Invalid e) {
            throw r.usage(1, e.getMessage());
        }
        int status = 0;
        if (!r.operands().isEmpty()) {
            for (String n : r.operands()) status = Math.max(status, line(r, n, fields, delim));
            return status;
        }
        long header = 0;
        if (r.has("header")) {
            String h = r.last("header").orElse("");
            try {
                header = h.isEmpty() ? 1 : Long.parseLong(h);
                if (header < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid header value " + TextIo.quote(h));
            }
        }
        byte eol = r.has("z") ? 0 : (byte) '\n';
        LineReader lr = new LineReader(r.ctx, 0, eol);
        while (lr.next()) {
            String text = new String(lr.buf, lr.start, lr.length(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (header > 0) {
                header--;
                r.write(lr.buf, lr.start, lr.length());
                r.write(eol);
                continue;
            }
            status = Math.max(status, line(r, text, fields, delim));
        }
        return status;
    }

    private static long unit(Run r, String v, String opt) {
        try {
            return Sizes.parse(v, "KMGTPEZYRQ0");
        } catch (Sizes.Invalid e) {
            throw r.fail(1, "invalid unit size: " + TextIo.quote(v));
        }
    }

    private void parseFormat(Run r, String f) {
        int pct = f.indexOf('%');
        while (pct >= 0 && pct + 1 < f.length() && f.charAt(pct + 1) == '%') pct = f.indexOf('%', pct + 2);
        if (pct < 0) throw r.fail(1, "format " + TextIo.quote(f) + " has no % directive");
        int i = pct + 1;
        while (i < f.length() && "'-0".indexOf(f.charAt(i)) >= 0) {
            if (f.charAt(i) == '-') leftAlignFormat = true;
            if (f.charAt(i) == '0') zeroWidth = -1;
            i++;
        }
        int w = 0;
        while (i < f.length() && Character.isDigit(f.charAt(i))) w = w * 10 + (f.charAt(i++) - '0');
        if (i < f.length() && f.charAt(i) == '.') {
            i++;
            precision = 0;
            while (i < f.length() && Character.isDigit(f.charAt(i))) precision = precision * 10 + (f.charAt(i++) - '0');
        }
        if (i >= f.length() || f.charAt(i) != 'f') {
            throw r.fail(1, "invalid format " + TextIo.quote(f) + ", directive must be %[0]['][-][N][.][N]f");
        }
        if (zeroWidth == -1) zeroWidth = w;
        else if (w > 0) padding = leftAlignFormat ? -w : w;
        fmtPrefix = f.substring(0, pct).replace("%%", "%");
        fmtSuffix = f.substring(i + 1).replace("%%", "%");
        if (fmtSuffix.contains("%")) throw r.fail(1, "format " + TextIo.quote(f) + " has too many % directives");
    }

    private int line(Run r, String text, FieldList fields, String delim) {
        List<String> parts = new ArrayList<>();
        if (delim != null) {
            for (String p : text.split(java.util.regex.Pattern.quote(delim), -1)) parts.add(p);
        } else {
            int i = 0;
            while (i < text.length()) {
                int s = i;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                while (i < text.length() && !(text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
                parts.add(text.substring(s, i));
            }
            if (parts.isEmpty()) parts.add("");
        }
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            String p = parts.get(k);
            if (k > 0 && delim != null) out.append(delim);
            if (!fields.selected(k + 1)) {
                out.append(p);
                continue;
            }
            int lead = 0;
            while (lead < p.length() && (p.charAt(lead) == ' ' || p.charAt(lead) == '\t')) lead++;
            String num = p.substring(lead);
            try {
                String converted = convert(num);
                out.append(p, 0, lead).append(converted);
            } catch (Bad e) {
                if (invalidMode == 0) {
                    r.print(out.toString());
                    throw r.fail(2, e.getMessage());
                }
                if (invalidMode != 3) r.error(e.getMessage());
                if (invalidMode == 1) status = 2;
                out.append(p);
            }
        }
        r.print(out.append('\n').toString());
        return status;
    }

    private String convert(String s) throws Bad {
        String t = s;
        if (suffix != null && t.endsWith(suffix)) t = t.substring(0, t.length() - suffix.length());
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
        int digitsStart = i;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        String numText = t.substring(0, i);
        if (i == digitsStart || numText.endsWith("-")) throw new Bad("invalid number: " + TextIo.quote(s));
        BigDecimal v;
        try {
            v = new BigDecimal(numText.startsWith("+") ? numText.substring(1) : numText);
        } catch (NumberFormatException e) {
            throw new Bad("invalid number: " + TextIo.quote(s));
        }
        int inputPrecision = Math.max(0, v.scale());
        String rest = t.substring(i);
        if (!rest.isEmpty()) {
            int power = POWERS.indexOf(Character.toUpperCase(rest.charAt(0))) + 1;
            if (power == 0 || (rest.charAt(0) == 'k' && from != 2 && from != 1)) {
                throw new Bad("invalid suffix in input: " + TextIo.quote(s));
            }
            if (from == 0) throw new Bad("rejecting suffix in input: " + TextIo.quote(s) + " (consider using --from)");
            boolean iSuffix = rest.length() > 1 && rest.charAt(1) == 'i';
            if (from == 4 && !iSuffix) throw new Bad("missing 'i' suffix in input: " + TextIo.quote(s) + " (e.g Ki/Mi/Gi)");
            int base = from == 2 ? 1000 : from == 1 && !iSuffix ? 1000 : 1024;
            if (rest.length() > (iSuffix ? 2 : 1)) throw new Bad("invalid suffix in input " + TextIo.quote(s) + ": " + TextIo.quote(rest.substring(iSuffix ? 2 : 1)));
            v = v.multiply(BigDecimal.valueOf(base).pow(power));
        }
        v = v.multiply(BigDecimal.valueOf(fromUnit));
        if (toUnit != 1) v = v.divide(BigDecimal.valueOf(toUnit), 20, RoundingMode.HALF_EVEN);
        if (v.abs().compareTo(new BigDecimal("1e27")) >= 0 && to == 0) throw new Bad("value too large to be converted: " + TextIo.quote(s));
        if (v.abs().compareTo(new BigDecimal("1e33")) >= 0) throw new Bad("value too large to be converted: " + TextIo.quote(s));
        String body = human(v, rest.isEmpty() && fromUnit == 1 && toUnit == 1 ? inputPrecision : 0);
        if (suffix != null) body += suffix;
        body = fmtPrefix + pad(body) + fmtSuffix;
        return body;
    }

    private String pad(String body) {
        if (zeroWidth > 0 && body.length() < zeroWidth) {
            int sign = body.startsWith("-") ? 1 : 0;
            body = body.substring(0, sign) + "0".repeat(zeroWidth - body.length()) + body.substring(sign);
        }
        int w = Math.abs(padding);
        if (body.length() >= w) return body;
        return padding > 0 ? " ".repeat(w - body.length()) + body : body + " ".repeat(w - body.length());
    }

    private BigDecimal round(BigDecimal v) {
        RoundingMode m = switch (round) {
            case 0 -> RoundingMode.CEILING;
            case 1 -> RoundingMode.FLOOR;
            case 2 -> RoundingMode.UP;
            case 3 -> RoundingMode.DOWN;
            default -> RoundingMode.HALF_UP;
        };
        return v.setScale(0, m);
    }

    private String human(BigDecimal v, int inputPrecision) {
        if (to == 0) {
            int prec = precision >= 0 ? precision : inputPrecision;
            BigDecimal scaled = round(v.movePointRight(prec)).movePointLeft(prec);
            return scaled.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        }
        BigDecimal base = BigDecimal.valueOf(to == 2 ? 1000 : 1024);
        int power = 0;
        while (v.abs().compareTo(base) >= 0) {
            v = v.divide(base, 40, RoundingMode.HALF_EVEN);
            power++;
        }
        int adjust = precision >= 0 ? Math.min(power * 3, precision) : v.abs().compareTo(BigDecimal.TEN) < 0 ? 1 : 0;
        v = round(v.movePointRight(adjust)).movePointLeft(adjust);
        if (v.abs().compareTo(base) >= 0) {
            v = v.divide(base, 40, RoundingMode.HALF_EVEN);
            power++;
        }
        boolean point = v.signum() != 0 && v.abs().compareTo(BigDecimal.TEN) < 0 && power > 0;
        int prec = precision >= 0 ? precision : point ? 1 : 0;
        String s = v.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        if (power > 0) s += POWERS.charAt(power - 1);
        if (to == 4 && power > 0) s += "i";
        return s;
    }
}
