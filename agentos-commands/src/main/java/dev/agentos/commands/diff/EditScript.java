package dev.agentos.commands.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes between two files as GNU diff finds them (analyze.c): equivalence classes, discards,
 * the O(ND) search, then boundary shifting so that runs of changes merge and slide to where a
 * reader expects them (after, not before, a repeated line).
 */
final class EditScript {
    private EditScript() {}

    /** Compares; {@code horizon} is the context width (GNU keeps that many identical lines in play). */
    static List<Change> compute(TextFile f0, TextFile f1, boolean ignoreCase, Whitespace ws, int horizon, boolean minimal,
                                Runnable safePoint) {
        LineClasses lc = new LineClasses(f0, f1, ignoreCase, ws, horizon);
        int n0 = lc.equivs[0].length, n1 = lc.equivs[1].length;
        // one zero sentinel before and after each vector, as GNU allocates them
        byte[][] changed = {new byte[n0 + 2], new byte[n1 + 2]};
        int[][] kept = Discards.apply(lc.equivs, lc.classCount, changed, minimal);
        int[] xv = new int[kept[0].length];
        for (int i = 0; i < xv.length; i++) xv[i] = lc.equivs[0][kept[0][i]];
        int[] yv = new int[kept[1].length];
        for (int i = 0; i < yv.length; i++) yv[i] = lc.equivs[1][kept[1][i]];
        new MiddleSnake(xv, yv, kept[0], kept[1], changed[0], changed[1], safePoint).compare(minimal);
        shiftBoundaries(lc.equivs, changed);
        return build(changed, n0, n1, lc.prefixLines);
    }

    /** GNU's shift_boundaries, on flag vectors offset by one for the sentinel at index -1. */
    private static void shiftBoundaries(int[][] equivsPerFile, byte[][] changedPerFile) {
        for (int f = 0; f < 2; f++) {
            byte[] changed = changedPerFile[f];
            byte[] other = changedPerFile[1 - f];
            int[] equivs = equivsPerFile[f];
            int i = 0, j = 0;
            int iEnd = equivs.length;
            while (true) {
                while (i < iEnd && changed[i + 1] == 0) {
                    while (other[1 + j++] != 0) { }
                    i++;
                }
                if (i == iEnd) break;
                int start = i;
                while (changed[1 + ++i] != 0) { }
                while (other[1 + j] != 0) j++;
                int runlength, corresponding;
                do {
                    runlength = i - start;
                    while (start != 0 && equivs[start - 1] == equivs[i - 1]) {
                        changed[1 + --start] = 1;
                        changed[1 + --i] = 0;
                        while (changed[1 + start - 1] != 0) start--;
                        while (other[1 + --j] != 0) { }
                    }
                    corresponding = other[1 + j - 1] != 0 ? i : iEnd;
                    while (i != iEnd && equivs[start] == equivs[i]) {
                        changed[1 + start++] = 0;
                        changed[1 + i++] = 1;
                        while (changed[1 + i] != 0) i++;
                        while (other[1 + ++j] != 0) corresponding = i;
                    }
                } while (runlength != i - start);
                while (corresponding < i) {
                    changed[1 + --start] = 1;
                    changed[1 + --i] = 0;
                    while (other[1 + --j] != 0) { }
                }
            }
        }
    }

    private static List<Change> build(byte[][] changed, int len0, int len1, int prefix) {
        byte[] c0 = changed[0], c1 = changed[1];
        List<Change> out = new ArrayList<>();
        int i0 = 0, i1 = 0;
        while (i0 < len0 || i1 < len1) {
            if (c0[1 + i0] != 0 || c1[1 + i1] != 0) {
                int line0 = i0, line1 = i1;
                while (c0[1 + i0] != 0) ++i0;
                while (c1[1 + i1] != 0) ++i1;
                out.add(new Change(prefix + line0, prefix + line1, i0 - line0, i1 - line1));
            }
            i0++;
            i1++;
        }
        return out;
    }
}
