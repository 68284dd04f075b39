package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.regex.Pattern;

/** nl: numbers lines, with header/body/footer sections and GNU's styles and formats. */
final class Nl extends TextCommand {
    @Override String name() { return "nl"; }

    @Override Getopt options() {
        return Getopt.create().withArg('b', "body-numbering", "b").withArg('d', "section-delimiter", "d")
                .withArg('f', "footer-numbering", "f").withArg('h', "header-numbering", "h").withArg('i', "line-increment", "i")
                .withArg('l', "join-blank-lines", "l").withArg('n', "number-format", "n").flag('p', "no-renumber", "p")
                .withArg('s', "number-separator", "s").withArg('v', "starting-line-number", "v").withArg('w', "number-width", "w");
    }

    /** A numbering style: a, t, n, or pREGEX. */
    private record Style(char kind, Pattern regex) {}

    private Style style(Run r, String v, String what) {
        if (v.equals("a") || v.equals("t") || v.equals("n")) return new Style(v.charAt(0), null);
        if (v.startsWith("p")) return new Style('p', Pattern.compile(BasicRegex.toJava(v.substring(1))));
        throw r.usage(1, "invalid " + what + " numbering style: " + TextIo.quote(v));
    }

    private static long number(Run r, String v, String what, long min) {
        try {
            long n = Long.parseLong(v.strip().startsWith("+") ? v.strip().substring(1) : v.strip());
            if (n < min) throw r.fail(1, "invalid " + what + ": " + TextIo.quote(v) + ": Numerical result out of range");
            return n;
        } catch (NumberFormatException e) {
            throw r.fail(1, "invalid " + what + ": " + TextIo.quote(v));
        }
    }

    @Override int execute(Run r) {
        Style[] styles = {new Style('n', null), new Style('t', null), new Style('n', null)}; // header, body, footer
        String delim = "\\:";
        long incr = 1, join = 1, start = 1, width = 6;
        String format = "rn", sep = "\t";
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "h" -> styles[0] = style(r, v, "header");
                case "b" -> styles[1] = style(r, v, "body");
                case "f" -> styles[2] = style(r, v, "footer");
                case "d" -> delim = v.length() == 1 ? v + ":" : v;
                case "i" -> incr = number(r, v, "line number increment", Long.MIN_VALUE);
                case "l" -> join = number(r, v, "line number of blank lines", 1);
                case "n" -> {
                    if (!v.equals("ln") && !v.equals("rn") && !v.equals("rz")) throw r.usage(1, "invalid line numbering format: " + TextIo.quote(v));
                    format = v;
                }
                case "s" -> sep = v;
                case "v" -> start = number(r, v, "starting line number", Long.MIN_VALUE);
                case "w" -> width = number(r, v, "line number field width", 1);
                default -> { }
            }
        }
        boolean renumber = !r.has("p");
        byte[] d = TextIo.bytes(delim);
        byte[] header = repeat(d, 3), body = repeat(d, 2), footer = d;
        String blankPrefix = " ".repeat((int) width + sep.length());
        long line = start;
        int section = 1;
        long blankRun = 0;
        int status = 0;
        for (String f : r.files()) {
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
                continue;
            }
            try {
                LineReader lr = new LineReader(r.ctx, fd, (byte) '\n');
                while (lr.next()) {
                    int len = lr.length();
                    int which = d.length == 0 ? -1 : is(lr, header) ? 0 : is(lr, body) ? 1 : is(lr, footer) ? 2 : -1;
                    if (which >= 0) {
                        section = which;
                        if (renumber) line = start;
                        r.write('\n');
                        continue;
                    }
                    Style s = styles[section];
                    boolean numberIt = switch (s.kind) {
                        case 'a' -> {
                            if (len == 0) {
                                blankRun++;
                                if (blankRun >= join) { blankRun = 0; yield true; }
                                yield false;
                            }
                            blankRun = 0;
                            yield true;
                        }
                        case 't' -> len > 0;
                        case 'p' -> s.regex.matcher(new String(lr.buf, lr.start, len, java.nio.charset.StandardCharsets.ISO_8859_1)).find();
                        default -> false;
                    };
                    if (numberIt) {
                        String num = Long.toString(line);
                        String field = switch (format) {
                            case "ln" -> num + " ".repeat(Math.max(0, (int) width - num.length()));
                            case "rz" -> zeroPad(line, (int) width);
                            default -> " ".repeat(Math.max(0, (int) width - num.length())) + num;
                        };
                        r.print(field + sep);
                        line += incr;
                    } else {
                        r.print(blankPrefix);
                    }
                    r.write(lr.buf, lr.start, len);
                    r.write('\n');
                }
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }

    private static String zeroPad(long v, int width) {
        String digits = Long.toString(Math.abs(v));
        String sign = v < 0 ? "-" : "";
        int pad = width - digits.length() - sign.length();
        return sign + "0".repeat(Math.max(0, pad)) + digits;
    }

    private static byte[] repeat(byte[] d, int n) {
        byte[] out = new byte[d.length * n];
        for (int i = 0; i < n; i++) System.arraycopy(d, 0, out, i * d.length, d.length);
        return out;
    }

    private static boolean is(LineReader lr, byte[] marker) {
        return lr.length() == marker.length && java.util.Arrays.equals(lr.buf, lr.start, lr.end, marker, 0, marker.length);
    }
}
