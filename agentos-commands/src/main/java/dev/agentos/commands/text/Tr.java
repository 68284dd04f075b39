package dev.agentos.commands.text;

import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/** tr: translates, squeezes and/or deletes bytes from standard input (GNU set syntax, C locale). */
final class Tr extends TextCommand {
    @Override String name() { return "tr"; }

    @Override Getopt options() {
        return Getopt.create().flag('c', "complement", "c").flag('C', null, "c").flag('d', "delete", "d")
                .flag('s', "squeeze-repeats", "s").flag('t', "truncate-set1", "t");
    }

    /** A parsed set: its bytes in order, where a [c*] fill goes, and where classes sit. */
    private static final class CharSet {
        final List<Integer> chars = new ArrayList<>();
        int fillAt = -1;
        int fillChar;
        final List<int[]> classes = new ArrayList<>(); // {index, 'u' or 'l' or other}
    }

    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String m) { super(m, null, false, false); }
    }

    @Override int execute(Run r) {
        boolean complement = r.has("c"), delete = r.has("d"), squeeze = r.has("s"), truncate = r.has("t");
        List<String> ops = r.operands();
        boolean translating = !delete && ops.size() >= 2;
        if (ops.isEmpty()) throw r.usage(1, "missing operand");
        int needed = delete && squeeze ? 2 : delete || squeeze && ops.size() < 2 ? 1 : 2;
        if (ops.size() < needed) {
            if (delete && squeeze) throw r.usage(1, "missing operand after " + TextIo.quote(ops.get(0)) + "\nTwo strings must be given when both deleting and squeezing repeats.");
            throw r.usage(1, "missing operand after " + TextIo.quote(ops.get(0)) + "\nTwo strings must be given when translating.");
        }
        if (ops.size() > needed) {
            String extra = "extra operand " + TextIo.quote(ops.get(needed));
            if (delete && !squeeze) extra += "\nOnly one string may be given when deleting without squeezing repeats.";
            throw r.usage(1, extra);
        }
        CharSet s1, s2 = null;
        try {
            s1 = parse(r, ops.get(0));
            if (s1.fillAt >= 0) throw new Bad("the [c*] repeat construct may not appear in string1");
            if (ops.size() > 1) s2 = parse(r, ops.get(1));
        } catch (Bad e) {
            throw r.fail(1, e.getMessage());
        }
        boolean[] in1 = new boolean[256];
        for (int c : s1.chars) in1[c] = true;
        if (complement) for (int c = 0; c < 256; c++) in1[c] = !in1[c];
        int[] map = new int[256];
        for (int c = 0; c < 256; c++) map[c] = c;
        boolean[] squeezeSet = new boolean[256];
        if (translating) {
            if (s2.chars.isEmpty() && s2.fillAt < 0 && !truncate) throw r.fail(1, "when not truncating set1, string2 must be non-empty");
            for (int[] cl : s2.classes) {
                if (cl[1] != 'u' && cl[1] != 'l') {
                    throw r.fail(1, "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
                }
            }
            List<Integer> from = new ArrayList<>();
            if (complement) {
                for (int c = 0; c < 256; c++) if (in1[c]) from.add(c);
            } else from.addAll(s1.chars);
            List<Integer> to = new ArrayList<>(s2.chars);
            if (s2.fillAt >= 0) {
                int fill = Math.max(0, from.size() - to.size());
                for (int k = 0; k < fill; k++) to.add(s2.fillAt, s2.fillChar);
            }
            if (to.isEmpty() && !from.isEmpty() && !truncate) throw r.fail(1, "when not truncating set1, string2 must be non-empty");
            int n = truncate ? Math.min(from.size(), to.size()) : from.size();
            for (int k = 0; k < n; k++) {
                int t = k < to.size() ? to.get(k) : to.get(to.size() - 1);
                map[from.get(k)] = t;
            }
            if (squeeze) for (int c : s2.chars) squeezeSet[c] = true;
        } else if (delete) {
            if (squeeze && s2 != null) for (int c : s2.chars) squeezeSet[c] = true;
        } else {
            for (int c = 0; c < 256; c++) squeezeSet[c] = in1[c];
        }
        byte[] buf = new byte[TextIo.BLOCK];
        byte[] out = new byte[TextIo.BLOCK];
        int last = -1;
        int n;
        while ((n = r.ctx.read(0, buf, 0, buf.length)) > 0) {
            int o = 0;
            for (int i = 0; i < n; i++) {
                int c = buf[i] & 0xff;
                if (delete && in1[c]) continue;
                if (translating) c = map[c];
                if (squeeze && c == last && squeezeSet[c]) continue;
                out[o++] = (byte) c;
                last = c;
            }
            r.write(out, 0, o);
        }
        return 0;
    }

    private static CharSet parse(Run r, String spec) throws Bad {
        byte[] s = TextIo.bytes(spec);
        CharSet set = new CharSet();
        // first decode escapes into values, remembering which were escaped (never special)
        List<int[]> v = new ArrayList<>(); // {value, escaped}
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xff;
            if (c != '\\') {
                v.add(new int[] {c, 0});
                continue;
            }
            if (i + 1 >= s.length) {
                r.error("warning: an unescaped backslash at end of string is not portable");
                v.add(new int[] {'\\', 1});
                continue;
            }
            int d = s[++i] & 0xff;
            switch (d) {
                case 'a' -> v.add(new int[] {7, 1});
                case 'b' -> v.add(new int[] {8, 1});
                case 'f' -> v.add(new int[] {12, 1});
                case 'n' -> v.add(new int[] {10, 1});
                case 'r' -> v.add(new int[] {13, 1});
                case 't' -> v.add(new int[] {9, 1});
                case 'v' -> v.add(new int[] {11, 1});
                default -> {
                    if (d >= '0' && d <= '7') {
                        int val = d - '0';
                        int k = 1;
                        while (k < 3 && i + 1 < s.length && s[i + 1] >= '0' && s[i + 1] <= '7') {
                            int next = val * 8 + (s[i + 1] - '0');
                            if (next > 255) {
                                r.error("warning: the ambiguous octal escape \\" + Integer.toOctalString(val * 8 + (s[i + 1] - '0'))
                                        + " is being interpreted as the 2-byte sequence \\0" + Integer.toOctalString(val) + ", " + (char) s[i + 1]);
                                break;
                            }
                            val = next;
                            i++;
                            k++;
                        }
                        v.add(new int[] {val, 1});
                    } else {
                        v.add(new int[] {d, 1});
                    }
                }
            }
        }
        for (int i = 0; i < v.size(); i++) {
            int c = v.get(i)[0];
            boolean esc = v.get(i)[1] == 1;
            if (!esc && c == '[' && i + 1 < v.size()) {
                int next = v.get(i + 1)[0];
                if ((next == ':' || next == '=') && v.get(i + 1)[1] == 0) {
                    int close = -1;
                    for (int k = i + 2; k + 1 < v.size(); k++) {
                        if (v.get(k)[0] == next && v.get(k + 1)[0] == ']' && v.get(k)[1] == 0 && v.get(k + 1)[1] == 0) { close = k; break; }
                    }
                    if (close > i + 2 || (close == i + 2 && next == ':')) {
                        StringBuilder name = new StringBuilder();
                        for (int k = i + 2; k < close; k++) name.append((char) v.get(k)[0]);
                        if (next == ':') {
                            set.classes.add(new int[] {set.chars.size(), name.toString().equals("upper") ? 'u' : name.toString().equals("lower") ? 'l' : 'o'});
                            addClass(set, name.toString());
                        } else {
                            if (name.length() != 1) throw new Bad(TextIo.quote(name.toString()) + ": equivalence class operand must be a single character");
                            set.chars.add((int) name.charAt(0));
                        }
                        i = close + 1;
                        continue;
                    }
                }
                // [c*n] repeat
                if (i + 2 < v.size() && v.get(i + 2)[0] == '*' && v.get(i + 2)[1] == 0) {
                    int close = -1;
                    for (int k = i + 3; k < v.size(); k++) {
                        if (v.get(k)[0] == ']' && v.get(k)[1] == 0) { close = k; break; }
                        if (v.get(k)[0] < '0' || v.get(k)[0] > '9') break;
                    }
                    if (close > 0) {
                        int ch = v.get(i + 1)[0];
                        StringBuilder num = new StringBuilder();
                        for (int k = i + 3; k < close; k++) num.append((char) v.get(k)[0]);
                        long count;
                        try {
                            count = num.isEmpty() ? 0 : num.charAt(0) == '0' ? Long.parseLong(num.toString(), 8) : Long.parseLong(num.toString());
                        } catch (NumberFormatException e) {
                            throw new Bad("invalid repeat count " + TextIo.quote(num.toString()) + " in [c*n] construct");
                        }
                        if (count == 0) {
                            set.fillAt = set.chars.size();
                            set.fillChar = ch;
                        } else {
                            for (long k = 0; k < count; k++) set.chars.add(ch);
                        }
                        i = close;
                        continue;
                    }
                }
            }
            if (i + 2 < v.size() && v.get(i + 1)[0] == '-' && v.get(i + 1)[1] == 0) {
                int hi = v.get(i + 2)[0];
                if (hi < c) {
                    throw new Bad("range-endpoints of " + TextIo.quote(rangeText(c, hi)) + " are in reverse collating sequence order");
                }
                for (int k = c; k <= hi; k++) set.chars.add(k);
                i += 2;
                continue;
            }
            set.chars.add(c);
        }
        return set;
    }

    private static String rangeText(int lo, int hi) {
        return printable(lo) + "-" + printable(hi);
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\%03o", c);
    }

    private static void addClass(CharSet set, String name) throws Bad {
        for (int c = 0; c < 256; c++) {
            boolean in = switch (name) {
                case "alpha" -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                case "upper" -> c >= 'A' && c <= 'Z';
                case "lower" -> c >= 'a' && c <= 'z';
                case "digit" -> c >= '0' && c <= '9';
                case "alnum" -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                case "space" -> c == ' ' || (c >= 9 && c <= 13);
                case "blank" -> c == ' ' || c == '\t';
                case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
                case "print" -> c >= 32 && c < 127;
                case "graph" -> c > 32 && c < 127;
                case "cntrl" -> c < 32 || c == 127;
                default -> throw new Bad("invalid character class " + TextIo.quote(name));
            };
            if (in) set.chars.add(c);
        }
    }
}
