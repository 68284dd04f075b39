package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** join: joins lines of two sorted files on a common field (GNU's merge, -a -v -e -o -t -i). */
final class Join extends TextCommand {
    @Override String name() { return "join"; }

    @Override Getopt options() {
        return Getopt.create().withArg('a', null, "a").withArg('e', null, "e").flag('i', "ignore-case", "i")
                .withArg('j', null, "j").withArg('o', null, "o").withArg('t', null, "t").withArg('v', null, "v")
                .withArg('1', null, "1").withArg('2', null, "2").flag((char) 0, "check-order", "check")
                .flag((char) 0, "nocheck-order", "nocheck").flag('z', "zero-terminated", "z").flag((char) 0, "header", "header");
    }

    /** A line split into fields. */
    private record Line(byte[] text, List<int[]> fields) {}

    private int tab = -1;
    private boolean ignoreCase;
    private int field1, field2;
    private byte[] empty;
    private List<int[]> outList; // {file (0 = join field), field index}
    private boolean autoFormat;
    private int autoCount1, autoCount2;
    private byte delim;
    private int check;
    private boolean seenUnpairable;
    private final boolean[] warned = new boolean[2];
    private final long[] lineNo = new long[2];
    private final Line[] prevLine = new Line[2];
    private String[] names;

    /** The program is shared by every process: each run gets its own instance for its state. */
    @Override int execute(Run r) {
        return new Join().executeOnce(r);
    }

    private int executeOnce(Run r) {
        tab = -1;
        ignoreCase = r.has("i");
        field1 = 0;
        field2 = 0;
        empty = null;
        outList = null;
        autoFormat = false;
        check = 0;
        seenUnpairable = false;
        boolean print1 = false, print2 = false, pairables = true;
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "a", "v" -> {
                    if (!v.equals("1") && !v.equals("2")) throw r.fail(1, "invalid field number: " + TextIo.quote(v));
                    if (v.equals("1")) print1 = true;
                    else print2 = true;
                    if (o.key().equals("v")) pairables = false;
                }
                case "e" -> empty = TextIo.bytes(v);
                case "j" -> { field1 = fieldNumber(r, v); field2 = field1; }
                case "1" -> field1 = fieldNumber(r, v);
                case "2" -> field2 = fieldNumber(r, v);
                case "t" -> {
                    byte[] b = TextIo.bytes(v);
                    int t = b.length == 0 ? '\n' : b[0] & 0xff;
                    if (b.length > 1) {
                        if (v.equals("\\0")) t = 0;
                        else throw r.fail(1, "multi-character tab " + TextIo.quote(v));
                    }
                    if (tab >= 0 && tab != t) throw r.fail(1, "incompatible tabs");
                    tab = t;
                }
                case "o" -> {
                    if (v.equals("auto")) autoFormat = true;
                    else {
                        if (outList == null) outList = new ArrayList<>();
                        for (String spec : v.split("[, \t]+")) {
                            if (spec.isEmpty()) continue;
                            if (spec.equals("0")) { outList.add(new int[] {0, 0}); continue; }
                            if (spec.length() < 3 || spec.charAt(1) != '.') throw r.fail(1, "invalid field specifier: " + TextIo.quote(spec));
                            if (spec.charAt(0) != '1' && spec.charAt(0) != '2') throw r.fail(1, "invalid file number in field spec: " + TextIo.quote(spec));
                            outList.add(new int[] {spec.charAt(0) - '0', fieldNumber(r, spec.substring(2))});
                        }
                    }
                }
                case "check" -> check = 1;
                case "nocheck" -> check = -1;
                default -> { }
            }
        }
        var ops = r.operands();
        if (ops.size() < 2) throw r.usage(1, ops.isEmpty() ? "missing operand" : "missing operand after " + TextIo.quote(ops.get(0)));
        if (ops.size() > 2) throw r.usage(1, "extra operand " + TextIo.quote(ops.get(2)));
        names = new String[] {ops.get(0), ops.get(1)};
        delim = r.has("z") ? 0 : (byte) '\n';
        List<Line> a = read(r, ops.get(0)), b = read(r, ops.get(1));
        int i = 0, j = 0;
        if (r.has("header") && !a.isEmpty() && !b.isEmpty()) {
            autoCounts(a, b);
            output(r, a.get(0), b.get(0));
            i = 1;
            j = 1;
        }
        if (autoFormat && !r.has("header")) autoCounts(a, b);
        // order checks walk each file as GNU reads it
        int ci = i, cj = j;
        while (i < a.size() && j < b.size()) {
            int diff = keyCompare(a.get(i), field1, b.get(j), field2);
            if (diff < 0) {
                if (print1) output(r, a.get(i), null);
                seenUnpairable = true;
                ci = checkUpTo(r, a, 0, ci, i + 1);
                i++;
                continue;
            }
            if (diff > 0) {
                if (print2) output(r, null, b.get(j));
                seenUnpairable = true;
                cj = checkUpTo(r, b, 1, cj, j + 1);
                j++;
                continue;
            }
            int i2 = i + 1;
            while (i2 < a.size() && keyCompare(a.get(i2), field1, b.get(j), field2) == 0) i2++;
            int j2 = j + 1;
            while (j2 < b.size() && keyCompare(a.get(i), field1, b.get(j2), field2) == 0) j2++;
            ci = checkUpTo(r, a, 0, ci, Math.min(a.size(), i2 + 1));
            cj = checkUpTo(r, b, 1, cj, Math.min(b.size(), j2 + 1));
            if (pairables) {
                for (int x = i; x < i2; x++) for (int y = j; y < j2; y++) output(r, a.get(x), b.get(y));
            }
            i = i2;
            j = j2;
        }
        for (; i < a.size(); i++) {
            if (print1) output(r, a.get(i), null);
            if (i + 1 < a.size()) seenUnpairable = true;
            ci = checkUpTo(r, a, 0, ci, i + 1);
        }
        for (; j < b.size(); j++) {
            if (print2) output(r, null, b.get(j));
            if (j + 1 < b.size()) seenUnpairable = true;
            cj = checkUpTo(r, b, 1, cj, j + 1);
        }
        if (warned[0] || warned[1]) throw r.fail(1, "input is not in sorted order");
        return 0;
    }

    /** Checks the order of lines [from, to) of file `which` against their predecessors. */
    private int checkUpTo(Run r, List<Line> lines, int which, int from, int to) {
        int field = which == 0 ? field1 : field2;
        for (int k = Math.max(from, 1); k < to; k++) {
            if (check < 0 || !(check == 1 || seenUnpairable) || warned[which]) continue;
            if (keyCompare(lines.get(k - 1), field, lines.get(k), field) > 0) {
                String msg = names[which] + ":" + (k + 1) + ": is not sorted: " + new String(lines.get(k).text, java.nio.charset.StandardCharsets.UTF_8);
                if (check == 1) throw r.fail(1, msg);
                r.error(msg);
                warned[which] = true;
            }
        }
        return Math.max(from, to);
    }

    private void autoCounts(List<Line> a, List<Line> b) {
        autoCount1 = a.isEmpty() ? 0 : a.get(0).fields.size();
        autoCount2 = b.isEmpty() ? 0 : b.get(0).fields.size();
    }

    private static int fieldNumber(Run r, String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 1) throw new NumberFormatException();
            return (int) Math.min(Integer.MAX_VALUE, n) - 1;
        } catch (NumberFormatException e) {
            throw r.fail(1, "invalid field number: " + TextIo.quote(v));
        }
    }

    private List<Line> read(Run r, String name) {
        int fd;
        try {
            fd = TextIo.open(r.ctx, name);
        } catch (AgentOsException e) {
            throw r.fail(1, name + ": " + TextIo.reason(e));
        }
        List<Line> lines = new ArrayList<>();
        try {
            LineReader lr = new LineReader(r.ctx, fd, delim);
            while (lr.next()) {
                byte[] t = Arrays.copyOfRange(lr.buf, lr.start, lr.end);
                lines.add(new Line(t, split(t)));
            }
        } finally {
            TextIo.close(r.ctx, fd);
        }
        return lines;
    }

    private static boolean blank(byte c) { return c == ' ' || c == '\t' || c == '\n'; }

    private List<int[]> split(byte[] t) {
        List<int[]> f = new ArrayList<>();
        int p = 0, lim = t.length;
        if (p == lim) return f;
        if (tab < 0) {
            while (blank(t[p])) if (++p == lim) return f;
            while (true) {
                int sep = p + 1;
                while (sep != lim && !blank(t[sep])) sep++;
                f.add(new int[] {p, sep});
                if (sep == lim) return f;
                p = sep + 1;
                while (p != lim && blank(t[p])) p++;
                if (p == lim) return f;
            }
        }
        for (int i = 0; i < lim; i++) {
            if (t[i] == (byte) tab) {
                f.add(new int[] {p, i});
                p = i + 1;
            }
        }
        f.add(new int[] {p, lim});
        return f;
    }

    private int keyCompare(Line a, int fa, Line b, int fb) {
        int as = 0, ae = 0, bs = 0, be = 0;
        if (fa < a.fields.size()) { as = a.fields.get(fa)[0]; ae = a.fields.get(fa)[1]; }
        if (fb < b.fields.size()) { bs = b.fields.get(fb)[0]; be = b.fields.get(fb)[1]; }
        if (ae - as == 0) return be - bs == 0 ? 0 : -1;
        if (be - bs == 0) return 1;
        if (ignoreCase) {
            int n = Math.min(ae - as, be - bs);
            for (int k = 0; k < n; k++) {
                int x = Character.toUpperCase(a.text[as + k] & 0xff), y = Character.toUpperCase(b.text[bs + k] & 0xff);
                if (x != y) return x - y;
            }
            return Integer.compare(ae - as, be - bs);
        }
        return Integer.signum(Arrays.compareUnsigned(a.text, as, ae, b.text, bs, be));
    }

    private void field(Run r, Line l, int n) {
        if (l != null && n < l.fields.size() && l.fields.get(n)[1] > l.fields.get(n)[0]) {
            r.write(l.text, l.fields.get(n)[0], l.fields.get(n)[1] - l.fields.get(n)[0]);
        } else if (empty != null) {
            r.write(empty);
        }
    }

    private void output(Run r, Line a, Line b) {
        int sep = tab >= 0 ? tab : ' ';
        if (outList != null || autoFormat) {
            List<int[]> list = outList;
            if (list == null) {
                list = new ArrayList<>();
                list.add(new int[] {0, 0});
                for (int k = 0; k < autoCount1; k++) if (k != field1) list.add(new int[] {1, k});
                for (int k = 0; k < autoCount2; k++) if (k != field2) list.add(new int[] {2, k});
            }
            boolean first = true;
            for (int[] o : list) {
                if (!first) r.write(sep);
                first = false;
                if (o[0] == 0) {
                    if (a != null) field(r, a, field1);
                    else field(r, b, field2);
                } else {
                    field(r, o[0] == 1 ? a : b, o[1]);
                }
            }
            r.write(delim);
            return;
        }
        if (a != null) field(r, a, field1);
        else field(r, b, field2);
        if (a != null) rest(r, a, field1, sep);
        if (b != null) rest(r, b, field2, sep);
        r.write(delim);
    }

    private void rest(Run r, Line l, int skip, int sep) {
        for (int k = 0; k < l.fields.size(); k++) {
            if (k == skip) continue;
            r.write(sep);
            field(r, l, k);
        }
    }
}
