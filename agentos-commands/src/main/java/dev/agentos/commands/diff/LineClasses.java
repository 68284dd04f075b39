package dev.agentos.commands.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What GNU diff's io.c prepares before comparing: the identical prefix and suffix are cut off
 * (keeping {@code horizon} lines of each, so boundaries can still shift), and every remaining line
 * gets an equivalence class number, equal numbers meaning equal lines under -i, -b, -w, -Z. A last
 * line without a newline only ever equals the other file's last line without one (unless white
 * space at line end is ignored), as GNU's robust output styles want.
 */
final class LineClasses {
    /** Lines of the common prefix left out of the comparison (the same in both files). */
    final int prefixLines;
    /** Per file: the classes of the compared lines (line prefixLines + i). */
    final int[][] equivs = new int[2][];
    /** One more than the largest class number. */
    final int classCount;

    LineClasses(TextFile f0, TextFile f1, boolean ignoreCase, Whitespace ws, int horizon) {
        byte[] b0 = f0.buf, b1 = f1.buf;
        int n0 = f0.length, n1 = f1.length;
        int m0 = f0.missingNewline ? 1 : 0, m1 = f1.missingNewline ? 1 : 0;
        int min = Math.min(n0, n1);
        int p = Arrays.mismatch(b0, 0, min, b1, 0, min);
        if (p < 0) p = min;
        // don't count a missing newline as part of the prefix
        if ((n0 - m0 < p) != (n1 - m1 < p)) p--;
        long hor = horizon;
        while (p != 0 && (b0[p - 1] != '\n' || hor-- != 0)) p--;
        int prefixEnd = p;

        int s0 = n0, s1 = n1;
        if (m0 == m1) {
            int p0 = n0, p1 = n1;
            int beg0 = prefixEnd + (n0 < n1 ? 0 : n0 - n1);
            while (p0 != beg0) {
                if (b0[--p0] != b1[--p1]) {
                    p0++;
                    p1++;
                    beg0 = p0;
                    break;
                }
            }
            boolean bothAtLineStart = (p0 == 0 || b0[p0 - 1] == '\n') && (p1 == 0 || b1[p1 - 1] == '\n');
            long i = (long) horizon + (bothAtLineStart ? 0 : 1);
            while (i-- != 0 && p0 != n0) {
                while (b0[p0++] != '\n') { }
            }
            p1 += p0 - beg0;
            s0 = p0;
            s1 = p1;
        }
        prefixLines = f0.lineAt(prefixEnd);
        Map<Key, Integer> classes = new HashMap<>();
        TextFile[] files = {f0, f1};
        int[] suffixBegin = {s0, s1};
        for (int f = 0; f < 2; f++) {
            TextFile t = files[f];
            int last = t.lineAt(suffixBegin[f]);
            int[] eq = new int[Math.max(0, last - prefixLines)];
            for (int line = prefixLines; line < last; line++) {
                boolean isolated = t.incomplete(line) && ws.compareTo(Whitespace.TRAILING) < 0;
                Key k = new Key(normalize(t.buf, t.start(line), t.contentLength(line), ignoreCase, ws), isolated);
                Integer c = classes.get(k);
                if (c == null) {
                    c = classes.size() + 1;
                    classes.put(k, c);
                }
                eq[line - prefixLines] = c;
            }
            equivs[f] = eq;
        }
        classCount = classes.size() + 1;
    }

    private record Key(byte[] text, boolean isolated) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.isolated == isolated && Arrays.equals(k.text, text);
        }

        @Override public int hashCode() { return Arrays.hashCode(text) * 31 + (isolated ? 1 : 0); }
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** The line as the options see it: the bytes two lines must share to be equal. */
    static byte[] normalize(byte[] b, int off, int len, boolean ignoreCase, Whitespace ws) {
        byte[] out = new byte[len];
        int n = 0;
        int end = off + len;
        switch (ws) {
            case NONE -> {
                System.arraycopy(b, off, out, 0, len);
                n = len;
            }
            case ALL -> {
                for (int i = off; i < end; i++) if (!isSpace(b[i])) out[n++] = b[i];
            }
            case SPACE_CHANGE -> {
                for (int i = off; i < end; i++) {
                    if (isSpace(b[i])) {
                        int j = i;
                        while (j < end && isSpace(b[j])) j++;
                        if (j == end) break;
                        out[n++] = ' ';
                        i = j - 1;
                    } else {
                        out[n++] = b[i];
                    }
                }
            }
            case TRAILING -> {
                int e = end;
                while (e > off && isSpace(b[e - 1])) e--;
                System.arraycopy(b, off, out, 0, e - off);
                n = e - off;
            }
        }
        if (ignoreCase) {
            for (int i = 0; i < n; i++) if (out[i] >= 'A' && out[i] <= 'Z') out[i] = (byte) (out[i] + 32);
        }
        return n == len ? out : Arrays.copyOf(out, n);
    }
}
