package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;

/** wc: newline, word, character, byte and longest-line counts, in GNU's column widths (C locale). */
final class Wc extends TextCommand {
    @Override String name() { return "wc"; }

    @Override Getopt options() {
        return Getopt.create().flag('c', "bytes", "c").flag('m', "chars", "m").flag('l', "lines", "l")
                .flag('w', "words", "w").flag('L', "max-line-length", "L");
    }

    /** Per-byte classes: 1 space, 2 newline-ish (resets the column), 3 tab, 4 printable, 0 other. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0x21; c < 0x7f; c++) CLASS[c] = 4;
        CLASS[' '] = 1;
        CLASS['\u000b'] = 5;
        CLASS['\n'] = 2;
        CLASS['\r'] = 2;
        CLASS['\f'] = 2;
        CLASS['\t'] = 3;
    }

    private static final class Counts {
        long lines, words, bytes, maxLength;
    }

    @Override int execute(Run r) {
        boolean l = r.has("l"), w = r.has("w"), c = r.has("c"), m = r.has("m"), bigL = r.has("L");
        if (!(l || w || c || m || bigL)) l = w = c = true;
        int selected = (l ? 1 : 0) + (w ? 1 : 0) + (c ? 1 : 0) + (m ? 1 : 0) + (bigL ? 1 : 0);
        List<String> files = r.files();
        int width = width(r, files, selected);
        Counts total = new Counts();
        int status = 0;
        for (String f : files) {
            Counts k = new Counts();
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
                continue;
            }
            try {
                count(r, fd, k);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
            print(r, k, l, w, m, c, bigL, width, r.operands().isEmpty() ? null : f);
            total.lines += k.lines;
            total.words += k.words;
            total.bytes += k.bytes;
            total.maxLength = Math.max(total.maxLength, k.maxLength);
        }
        if (files.size() > 1) print(r, total, l, w, m, c, bigL, width, "total");
        return status;
    }

    /** GNU's compute_number_width: digits of the regular files' total size, at least 7 for others. */
    private static int width(Run r, List<String> files, int selected) {
        if (files.size() == 1 && selected == 1) return 1;
        int minimum = 1;
        long regular = 0;
        for (String f : files) {
            FileStat st;
            try {
                st = f.equals("-") ? r.ctx.fstat(0) : r.ctx.stat(f);
            } catch (AgentOsException e) {
                continue;
            }
            if (st.isRegular()) regular += st.size();
            else minimum = 7;
        }
        int width = 1;
        for (; regular >= 10; regular /= 10) width++;
        return Math.max(width, minimum);
    }

    private static void print(Run r, Counts k, boolean l, boolean w, boolean m, boolean c, boolean bigL, int width, String name) {
        StringBuilder sb = new StringBuilder();
        if (l) field(sb, k.lines, width);
        if (w) field(sb, k.words, width);
        if (m) field(sb, k.bytes, width);
        if (c) field(sb, k.bytes, width);
        if (bigL) field(sb, k.maxLength, width);
        if (name != null) sb.append(' ').append(name);
        r.print(sb.append('\n').toString());
    }

    private static void field(StringBuilder sb, long v, int width) {
        if (!sb.isEmpty()) sb.append(' ');
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) sb.append(' ');
        sb.append(s);
    }

    private static void count(Run r, int fd, Counts k) {
        byte[] buf = new byte[TextIo.BLOCK];
        long lines = 0, words = 0, bytes = 0, max = 0, pos = 0;
        boolean inWord = false;
        int n;
        while ((n = r.ctx.read(fd, buf, 0, buf.length)) > 0) {
            bytes += n;
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                switch (CLASS[b]) {
                    case 2 -> {
                        if (b == '\n') lines++;
                        if (pos > max) max = pos;
                        pos = 0;
                        inWord = false;
                    }
                    case 1 -> { pos++; inWord = false; }
                    case 5 -> inWord = false;
                    case 3 -> { pos += 8 - pos % 8; inWord = false; }
                    case 4 -> {
                        pos++;
                        if (!inWord) { inWord = true; words++; }
                    }
                    default -> { }
                }
            }
        }
        if (pos > max) max = pos;
        k.lines = lines;
        k.words = words;
        k.bytes = bytes;
        k.maxLength = max;
    }
}
