package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * sort: reads every input into one buffer, indexes the lines (precomputing a byte prefix and -n's
 * value), sorts them with a stable parallel merge sort and GNU's key comparison and last resort.
 */
final class Sort extends TextCommand {
    @Override String name() { return "sort"; }

    @Override int usageStatus() { return 2; }

    @Override Getopt options() {
        return Getopt.create().flag('b', "ignore-leading-blanks", "b").flag('d', "dictionary-order", "d")
                .flag('f', "ignore-case", "f").flag('g', "general-numeric-sort", "g").flag('h', "human-numeric-sort", "h")
                .flag('i', "ignore-nonprinting", "i").flag('M', "month-sort", "M").flag('n', "numeric-sort", "n")
                .flag('R', "random-sort", "R").withArg((char) 0, "random-source", "random-source").flag('r', "reverse", "r")
                .withArg((char) 0, "sort", "sort").flag('V', "version-sort", "V")
                .optionalArg((char) 0, "check", "check").flag('c', null, "c").flag('C', null, "C")
                .withArg((char) 0, "compress-program", "compress").flag((char) 0, "debug", "debug")
                .withArg((char) 0, "files0-from", "files0").withArg('k', "key", "k").flag('m', "merge", "m")
                .withArg('o', "output", "o").flag('s', "stable", "s").withArg('S', "buffer-size", "S")
                .withArg('t', "field-separator", "t").withArg('T', "temporary-directory", "T")
                .withArg((char) 0, "parallel", "parallel").flag('u', "unique", "u").withArg('y', null, "y").flag('z', "zero-terminated", "z");
    }

    @Override int execute(Run r) {
        SortKey global = new SortKey();
        List<SortKey> keys = new ArrayList<>();
        int tab = -1;
        char check = 0;
        String output = null;
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "b", "d", "f", "g", "h", "i", "M", "n", "R", "r", "V" -> {
                    if (o.key().equals("b")) { global.skipsblanks = true; global.skipeblanks = true; }
                    else global.setOrdering(o.key(), 0, true);
                }
                case "sort" -> {
                    int i = TextIo.argmatch(r, "--sort", v, new String[] {"general-numeric", "human-numeric", "month", "numeric", "random", "version"},
                            "  - 'general-numeric'\n  - 'human-numeric'\n  - 'month'\n  - 'numeric'\n  - 'random'\n  - 'version'");
                    global.setOrdering(String.valueOf("ghMnRV".charAt(i)), 0, true);
                }
                case "c" -> check = 'c';
                case "C" -> check = 'C';
                case "check" -> {
                    if (o.value().isEmpty()) check = 'c';
                    else {
                        int i = TextIo.argmatch(r, "--check", v, new String[] {"diagnose-first", "quiet", "silent"},
                                "  - 'diagnose-first'\n  - 'quiet', 'silent'");
                        check = i == 0 ? 'c' : 'C';
                    }
                }
                case "k" -> keys.add(parseKey(r, v));
                case "o" -> {
                    if (output != null && !output.equals(v)) throw r.fail(2, "multiple output files specified");
                    output = v;
                }
                case "t" -> {
                    byte[] b = TextIo.bytes(v);
                    int newTab;
                    if (b.length == 0) throw r.fail(2, "empty tab");
                    if (b.length == 1) newTab = b[0] & 0xff;
                    else if (v.equals("\\0")) newTab = 0;
                    else throw r.fail(2, "multi-character tab " + TextIo.quote(v));
                    if (tab >= 0 && tab != newTab) throw r.fail(2, "incompatible tabs");
                    tab = newTab;
                }
                case "S" -> {
                    try {
                        Sizes.parse(v.endsWith("%") ? v.substring(0, v.length() - 1) : v, "kKmMgGtTPEZYRQb");
                    } catch (Sizes.Invalid e) {
                        throw r.fail(2, "invalid -S argument " + TextIo.quote(v));
                    }
                }
                case "parallel" -> {
                    try {
                        if (Long.parseLong(v) == 0) throw r.fail(2, "number in parallel must be nonzero");
                    } catch (NumberFormatException e) {
                        throw r.fail(2, "invalid number after '--parallel': " + TextIo.quote(v));
                    }
                }
                default -> { }
            }
        }
        for (SortKey k : keys) {
            if (k.defaultCompare() && !k.reverse) k.inherit(global);
        }
        boolean gkeyOnly = false;
        if (keys.isEmpty() && !global.defaultCompare()) {
            SortKey k = new SortKey();
            k.inherit(global);
            keys.add(k);
            gkeyOnly = true;
        }
        for (SortKey k : keys) {
            if (k.incompatible()) throw r.fail(2, "options '-" + k.opts() + "' are incompatible");
        }
        if (global.incompatible()) throw r.fail(2, "options '-" + global.opts() + "' are incompatible");
        boolean stable = r.has("s"), unique = r.has("u");
        byte delim = r.has("z") ? 0 : (byte) '\n';
        List<String> files = r.files();
        if (check != 0 && files.size() > 1) {
            throw r.fail(2, "extra operand " + TextIo.quote(files.get(1)) + " not allowed with -" + check);
        }
        if (!gkeyOnly && keys.isEmpty() && global.reverse) gkeyOnly = false;
        long seed = r.ctx.clock().millis() ^ System.nanoTime();
        if (r.last("random-source").isPresent()) seed = r.last("random-source").get().hashCode();

        // read everything into one buffer
        TextIo.Bytes data = new TextIo.Bytes(TextIo.BLOCK);
        int[] fileEnds = new int[files.size()];   // byte offset where each file's lines end, for -m
        byte[] buf = new byte[TextIo.BLOCK];
        for (int fi = 0; fi < files.size(); fi++) {
            String f = files.get(fi);
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                throw r.fail(2, "cannot read: " + f + ": " + TextIo.reason(e));
            }
            int before = data.size();
            try {
                int n;
                while ((n = r.ctx.read(fd, buf, 0, buf.length)) > 0) data.write(buf, 0, n);
            } catch (AgentOsException e) {
                throw r.fail(2, "read failed: " + f + ": " + TextIo.reason(e));
            } finally {
                TextIo.close(r.ctx, fd);
            }
            if (data.size() > before && data.array()[data.size() - 1] != delim) data.write(delim);
            fileEnds[fi] = data.size();
        }
        byte[] t = data.array();
        int size = data.size();
        int count = 0;
        for (int i = 0; i < size; i++) if (t[i] == delim) count++;
        LineOrder.Line[] lines = new LineOrder.Line[count];
        LineOrder order = new LineOrder(t, keys, tab, !(stable || unique) || keys.isEmpty(), global.reverse, seed);
        int start = 0, k = 0;
        for (int i = 0; i < size; i++) {
            if (t[i] == delim) {
                LineOrder.Line l = new LineOrder.Line(start, i - start);
                order.prepare(l);
                lines[k++] = l;
                start = i + 1;
            }
        }
        if (check != 0) return check(r, lines, order, unique, check == 'C', files.get(0), t);
        if (r.has("m")) lines = merge(lines, fileEnds, order);
        else if (lines.length > 20000) Arrays.parallelSort(lines, order);
        else Arrays.sort(lines, order);

        java.io.OutputStream out = r.out;
        int outFd = -1;
        if (output != null) {
            try {
                outFd = r.ctx.open(output, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
            } catch (AgentOsException e) {
                throw r.fail(2, "open failed: " + output + ": " + TextIo.reason(e));
            }
            final int fd = outFd;
            out = new java.io.BufferedOutputStream(new java.io.OutputStream() {
                @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }
                @Override public void write(byte[] b, int off, int len) { r.ctx.write(fd, b, off, len); }
            }, TextIo.BLOCK);
        }
        try {
            LineOrder.Line prev = null;
            for (LineOrder.Line l : lines) {
                if (unique && prev != null && order.compare(prev, l) == 0) continue;
                out.write(t, l.off, l.len);
                out.write(delim);
                prev = l;
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (outFd >= 0) r.ctx.close(outFd);
        }
        return 0;
    }

    /**
     * -m: merges inputs that are each already sorted, as GNU does: the least head line wins, ties go to
     * the earlier file, and unsorted input is not sorted.
     */
    private static LineOrder.Line[] merge(LineOrder.Line[] lines, int[] fileEnds, LineOrder order) {
        record Head(int file, int index) {}
        int[] firstLine = new int[fileEnds.length + 1];
        for (int f = 0, i = 0; f < fileEnds.length; f++) {
            firstLine[f] = i;
            while (i < lines.length && lines[i].off < fileEnds[f]) i++;
            firstLine[f + 1] = i;
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int d = order.compare(lines[a.index()], lines[b.index()]);
            return d != 0 ? d : Integer.compare(a.file(), b.file());
        });
        for (int f = 0; f < fileEnds.length; f++) if (firstLine[f] < firstLine[f + 1]) heads.add(new Head(f, firstLine[f]));
        LineOrder.Line[] out = new LineOrder.Line[lines.length];
        int k = 0;
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            out[k++] = lines[h.index()];
            if (h.index() + 1 < firstLine[h.file() + 1]) heads.add(new Head(h.file(), h.index() + 1));
        }
        return out;
    }

    private static int check(Run r, LineOrder.Line[] lines, LineOrder order, boolean unique, boolean quiet, String file, byte[] t) {
        for (int i = 1; i < lines.length; i++) {
            int d = order.compare(lines[i - 1], lines[i]);
            if (d > 0 || (unique && d == 0)) {
                if (!quiet) {
                    LineOrder.Line l = lines[i];
                    r.flush();
                    byte[] head = TextIo.bytes("sort: " + file + ":" + (i + 1) + ": disorder: ");
                    TextIo.Bytes msg = new TextIo.Bytes(head.length + l.len + 1);
                    msg.write(head, 0, head.length);
                    msg.write(t, l.off, l.len);
                    msg.write('\n');
                    r.ctx.write(2, msg.array(), 0, msg.size());
                }
                return 1;
            }
        }
        return 0;
    }

    /** -k POS1[,POS2]: F[.C][OPTS][,F[.C][OPTS]]. */
    private static SortKey parseKey(Run r, String spec) {
        SortKey key = new SortKey();
        int[] pos = {0};
        long v = fieldCount(r, spec, pos, "invalid number at field start");
        if (v == 0) throw badSpec(r, spec, "field number is zero");
        key.sword = v - 1;
        if (pos[0] < spec.length() && spec.charAt(pos[0]) == '.') {
            pos[0]++;
            long c = fieldCount(r, spec, pos, "invalid number after '.'");
            if (c == 0) throw badSpec(r, spec, "character offset is zero");
            key.schar = c - 1;
        }
        pos[0] = key.setOrdering(spec, pos[0], true);
        if (pos[0] < spec.length() && spec.charAt(pos[0]) == ',') {
            pos[0]++;
            long e = fieldCount(r, spec, pos, "invalid number after ','");
            if (e == 0) throw badSpec(r, spec, "field number is zero");
            key.eword = e - 1;
            if (pos[0] < spec.length() && spec.charAt(pos[0]) == '.') {
                pos[0]++;
                key.echar = fieldCount(r, spec, pos, "invalid number after '.'");
            }
            pos[0] = key.setOrdering(spec, pos[0], false);
        } else {
            key.eword = SortKey.TO_END;
            key.echar = 0;
        }
        if (pos[0] < spec.length()) throw badSpec(r, spec, "stray character in field spec");
        return key;
    }

    private static Run.Failure badSpec(Run r, String spec, String why) {
        return r.fail(2, why + ": invalid field specification " + TextIo.quote(spec));
    }

    private static long fieldCount(Run r, String s, int[] pos, String what) {
        int i = pos[0];
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == start) {
            // xstrtoumax also skips blanks and a '+' sign
            int j = start;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            if (j < s.length() && s.charAt(j) == '+') {
                int k = j + 1;
                while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
                if (k > j + 1) {
                    pos[0] = k;
                    return clamp(s.substring(j + 1, k));
                }
            }
            throw r.fail(2, what + ": invalid count at start of " + TextIo.quote(s.substring(start)));
        }
        pos[0] = i;
        return clamp(s.substring(start, i));
    }

    private static long clamp(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
