package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** od: octal, decimal, hex, character or named dumps of files, with GNU's layout and * lines. */
final class Od extends TextCommand {
    @Override String name() { return "od"; }

    @Override Getopt options() {
        return Getopt.create().withArg('A', "address-radix", "A").withArg('j', "skip-bytes", "j").withArg('N', "read-bytes", "N")
                .optionalArg('S', "strings", "S").withArg('t', "format", "t").flag('v', "output-duplicates", "v")
                .optionalArg('w', "width", "w").withArg((char) 0, "endian", "endian")
                .flag('a', null, "ta").flag('b', null, "tb").flag('c', null, "tc").flag('d', null, "td").flag('f', null, "tf")
                .flag('i', null, "ti").flag('l', null, "tl").flag('o', null, "to").flag('s', null, "ts").flag('x', null, "tx")
                // the traditional synonyms GNU od still takes
                .flag('B', null, "to").flag('D', null, "tD").flag('e', null, "tF").flag('F', null, "tF").flag('h', null, "tx")
                .flag('H', null, "tX").flag('X', null, "tX").flag('I', null, "tl").flag('L', null, "tl").flag('O', null, "tO");
    }

    /** One output type: kind a c d o u x, size in bytes, field width, and the z trailer. */
    private record Spec(char kind, int size, int width, boolean trailer) {}

    private static final String[] NAMES = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
        "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"};

    private static int width(char kind, int size) {
        return switch (kind) {
            case 'a', 'c' -> 3;
            case 'o' -> size == 1 ? 3 : size == 2 ? 6 : size == 4 ? 11 : 22;
            case 'x' -> size * 2;
            case 'f' -> size == 4 ? 15 : 24;
            case 'u' -> size == 1 ? 3 : size == 2 ? 5 : size == 4 ? 10 : 20;
            default -> size == 1 ? 4 : size == 2 ? 6 : size == 4 ? 11 : 20;
        };
    }

    private static void parseTypes(Run r, String s, List<Spec> out) {
        int i = 0;
        while (i < s.length()) {
            char k = s.charAt(i++);
            int size;
            switch (k) {
                case 'a', 'c' -> size = 1;
                case 'd', 'o', 'u', 'x' -> {
                    size = 4;
                    if (i < s.length()) {
                        char c = s.charAt(i);
                        if (c == 'C') { size = 1; i++; }
                        else if (c == 'S') { size = 2; i++; }
                        else if (c == 'I') { size = 4; i++; }
                        else if (c == 'L') { size = 8; i++; }
                        else if (Character.isDigit(c)) {
                            int j = i;
                            while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                            size = Integer.parseInt(s.substring(i, Math.min(j, i + 9)));
                            if (size != 1 && size != 2 && size != 4 && size != 8) {
                                throw r.fail(1, "invalid type string " + TextIo.quote(s) + ";\nthis system doesn't provide a " + size + "-byte integral type");
                            }
                            i = j;
                        }
                    }
                }
                case 'f' -> {
                    size = 8;
                    if (i < s.length()) {
                        char c = s.charAt(i);
                        if (c == 'F') { size = 4; i++; }
                        else if (c == 'D') { size = 8; i++; }
                        else if (Character.isDigit(c)) {
                            int j = i;
                            while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                            size = Integer.parseInt(s.substring(i, Math.min(j, i + 9)));
                            if (size != 4 && size != 8) {
                                throw r.fail(1, "invalid type string " + TextIo.quote(s) + ";\nthis system doesn't provide a " + size + "-byte floating point type");
                            }
                            i = j;
                        }
                    }
                }
                default -> throw r.fail(1, "invalid character '" + k + "' in type string " + TextIo.quote(s));
            }
            boolean z = i < s.length() && s.charAt(i) == 'z';
            if (z) i++;
            out.add(new Spec(k, size, width(k, size), z));
        }
    }

    private static long count(Run r, String v) {
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) return Long.parseLong(v.substring(2), 16);
            if (v.length() > 1 && v.startsWith("0") && v.chars().allMatch(Character::isDigit)) return Long.parseLong(v, 8);
            return Sizes.parse(v, "bkKmMGTPEZYRQ0");
        } catch (Sizes.Invalid | NumberFormatException e) {
            throw r.fail(1, "invalid suffix in argument " + TextIo.quote(v));
        }
    }

    @Override int execute(Run r) {
        List<Spec> specs = new ArrayList<>();
        char radix = 'o';
        long skip = 0, limit = -1;
        int perBlock = 16;
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "A" -> {
                    if (v.length() != 1 || "doxn".indexOf(v.charAt(0)) < 0) {
                        throw r.fail(1, "invalid output address radix '" + (v.isEmpty() ? "" : v.charAt(0)) + "'; it must be one character from [doxn]");
                    }
                    radix = v.charAt(0);
                }
                case "j" -> skip = count(r, v);
                case "N" -> limit = count(r, v);
                case "t" -> parseTypes(r, v, specs);
                case "w" -> perBlock = o.value().isEmpty() ? 32 : (int) count(r, v);
                case "ta" -> specs.add(new Spec('a', 1, 3, false));
                case "tb" -> specs.add(new Spec('o', 1, 3, false));
                case "tc" -> specs.add(new Spec('c', 1, 3, false));
                case "td" -> specs.add(new Spec('u', 2, 5, false));
                case "ti" -> specs.add(new Spec('d', 4, 11, false));
                case "tl" -> specs.add(new Spec('d', 8, 20, false));
                case "to" -> specs.add(new Spec('o', 2, 6, false));
                case "ts" -> specs.add(new Spec('d', 2, 6, false));
                case "tx" -> specs.add(new Spec('x', 2, 4, false));
                case "tf" -> specs.add(new Spec('f', 4, 15, false));
                case "tF" -> specs.add(new Spec('f', 8, 24, false));
                case "tD" -> specs.add(new Spec('u', 4, 10, false));
                case "tX" -> specs.add(new Spec('x', 4, 8, false));
                case "tO" -> specs.add(new Spec('o', 4, 11, false));
                default -> { }
            }
        }
        if (specs.isEmpty()) specs.add(new Spec('o', 2, 6, false));
        // read the inputs as one stream, honouring -j and -N
        TextIo.Bytes data = new TextIo.Bytes(TextIo.BLOCK);
        int status = 0;
        long toSkip = skip;
        boolean anyOpened = false;
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
                anyOpened = true;
                byte[] all = TextIo.readAll(r.ctx, fd);
                int from = (int) Math.min(all.length, toSkip);
                toSkip -= from;
                data.write(all, from, all.length - from);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        if (!anyOpened) return status;
        if (toSkip > 0) throw r.fail(1, "cannot skip past end of combined input");
        byte[] b = data.array();
        int n = data.size();
        if (limit >= 0 && limit < n) n = (int) limit;
        int addrWidth = radix == 'x' ? 6 : radix == 'n' ? 0 : 7;
        int widthPerBlock = 0;
        for (Spec s : specs) widthPerBlock = Math.max(widthPerBlock, (s.width + 1) * (perBlock / s.size));
        byte[] prev = null;
        boolean starred = false;
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < n; off += perBlock) {
            int len = Math.min(perBlock, n - off);
            byte[] block = Arrays.copyOfRange(b, off, off + perBlock);
            if (off + perBlock > n) Arrays.fill(block, len, perBlock, (byte) 0);
            if (!r.has("v") && prev != null && len == perBlock && Arrays.equals(prev, block)) {
                if (!starred) sb.append("*\n");
                starred = true;
                continue;
            }
            starred = false;
            prev = block;
            boolean firstSpec = true;
            for (Spec s : specs) {
                if (firstSpec) sb.append(address(skip + off, radix, addrWidth));
                else sb.append(" ".repeat(addrWidth));
                firstSpec = false;
                int fields = perBlock / s.size;
                int pad = widthPerBlock - s.width * fields;
                int used = (len + s.size - 1) / s.size;
                int padRemaining = pad;
                for (int i = fields; i > fields - used; i--) {
                    int nextPad = pad * (i - 1) / fields;
                    int w = padRemaining - nextPad + s.width;
                    int idx = fields - i;
                    String text = field(s, block, idx * s.size);
                    sb.append(" ".repeat(Math.max(0, w - text.length()))).append(text);
                    padRemaining = nextPad;
                }
                if (s.trailer) {
                    int blankFields = (perBlock - len) / s.size;
                    sb.append(" ".repeat(blankFields * (s.width + 1)));
                    sb.append("  >");
                    for (int i = 0; i < len; i++) {
                        int c = block[i] & 0xff;
                        sb.append(c >= 32 && c < 127 ? (char) c : '.');
                    }
                    sb.append('<');
                }
                sb.append('\n');
            }
            if (sb.length() > TextIo.BLOCK) {
                r.print(sb.toString());
                sb.setLength(0);
            }
        }
        if (radix != 'n') sb.append(address(skip + n, radix, addrWidth)).append('\n');
        r.print(sb.toString());
        return status;
    }

    private static String address(long a, char radix, int width) {
        if (radix == 'n') return "";
        String s = radix == 'x' ? Long.toHexString(a) : radix == 'd' ? Long.toString(a) : Long.toOctalString(a);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String field(Spec s, byte[] b, int at) {
        long v = 0;
        for (int k = s.size - 1; k >= 0; k--) v = (v << 8) | (b[at + k] & 0xff);
        return switch (s.kind) {
            case 'a' -> {
                int c = b[at] & 0x7f;
                yield c < NAMES.length ? NAMES[c] : c == 127 ? "del" : String.valueOf((char) c);
            }
            case 'c' -> {
                int c = b[at] & 0xff;
                yield switch (c) {
                    case 0 -> "\\0";
                    case 7 -> "\\a";
                    case 8 -> "\\b";
                    case 12 -> "\\f";
                    case 10 -> "\\n";
                    case 13 -> "\\r";
                    case 9 -> "\\t";
                    case 11 -> "\\v";
                    default -> c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("%03o", c);
                };
            }
            case 'o' -> zeroPad(Long.toOctalString(v), s.width);
            case 'x' -> zeroPad(Long.toHexString(v), s.width);
            case 'u' -> s.size == 8 ? Long.toUnsignedString(v) : Long.toString(v);
            case 'f' -> s.size == 4 ? floating(Float.intBitsToFloat((int) v), true) : floating(Double.longBitsToDouble(v), false);
            default -> {
                long signed = s.size == 8 ? v : (v << (64 - 8 * s.size)) >> (64 - 8 * s.size);
                yield Long.toString(signed);
            }
        };
    }

    /**
     * A float as GNU od prints it (gnulib's ftoastr): the fewest %g digits, starting at FLT_DIG or DBL_DIG
     * (1 for subnormals), that read back as the same value.
     */
    private static String floating(double v, boolean single) {
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        String sign = neg ? "-" : "";
        if (Double.isNaN(v)) return sign + "nan";
        if (Double.isInfinite(v)) return sign + "inf";
        double a = Math.abs(v);
        if (a == 0) return sign + "0";
        BigDecimal exact = new BigDecimal(a);
        boolean subnormal = single ? a < Float.MIN_NORMAL : a < Double.MIN_NORMAL;
        for (int p = subnormal ? 1 : single ? 6 : 15; ; p++) {
            String s = CFloatFormat.generalDigits(exact, p, false);
            if (single ? Float.parseFloat(s) == (float) a : Double.parseDouble(s) == a) return sign + s;
        }
    }

    private static String zeroPad(String s, int w) {
        return s.length() >= w ? s : "0".repeat(w - s.length()) + s;
    }
}
