package dev.agentos.commands.diff;

import java.util.List;

/**
 * Finds where a hunk applies the way GNU patch's locate_hunk does: at the expected line shifted by
 * the offset earlier hunks needed, then ever further away, forwards before backwards; with fuzz F
 * the outermost F context lines may differ. A hunk with less leading (trailing) context than
 * trailing (leading) context must sit at the start (end) of the file.
 */
final class HunkPlacer {
    private final List<String> input;
    /** The last input line (1-based) already used by an earlier hunk. */
    int lastFrozenLine;
    /** How far earlier hunks were found from where their headers put them. */
    int inOffset;

    HunkPlacer(List<String> input) {
        this.input = input;
    }

    /** The 1-based line where the hunk's old text starts, or 0 when it cannot be placed. */
    int locate(PatchHunk hunk, int fuzz) {
        List<String> pattern = hunk.oldLines();
        int firstGuess = hunk.oldFirst() + inOffset;
        int patLines = pattern.size();
        int prefixContext = hunk.prefixContext(), suffixContext = hunk.suffixContext();
        int context = Math.max(prefixContext, suffixContext);
        int prefixFuzz = fuzz + prefixContext - context;
        int suffixFuzz = fuzz + suffixContext - context;
        int inputLines = input.size();
        int maxWhere = inputLines - (patLines - suffixFuzz) + 1;
        int minWhere = lastFrozenLine + 1 - (prefixContext - prefixFuzz);
        int maxPosOffset = maxWhere - firstGuess;
        int maxNegOffset = firstGuess - minWhere;
        int maxOffset = Math.max(maxPosOffset, maxNegOffset);
        if (patLines == 0) return firstGuess;
        if (firstGuess <= maxNegOffset) maxNegOffset = firstGuess - 1;
        if (prefixFuzz < 0 && hunk.oldFirst() <= 1) {
            if (suffixFuzz < 0 && (patLines != inputLines || prefixContext < lastFrozenLine)) return 0;
            int offset = 1 - firstGuess;
            if (lastFrozenLine <= prefixContext && offset <= maxPosOffset && matches(pattern, firstGuess, offset, 0, suffixFuzz)) {
                inOffset += offset;
                return firstGuess + offset;
            }
            return 0;
        } else if (prefixFuzz < 0) {
            prefixFuzz = 0;
        }
        if (suffixFuzz < 0) {
            int offset = firstGuess - (inputLines - patLines + 1);
            if (offset <= maxNegOffset && matches(pattern, firstGuess, -offset, prefixFuzz, 0)) {
                inOffset -= offset;
                return firstGuess - offset;
            }
            return 0;
        }
        for (int offset = 0; offset <= maxOffset; offset++) {
            if (offset <= maxPosOffset && matches(pattern, firstGuess, offset, prefixFuzz, suffixFuzz)) {
                inOffset += offset;
                return firstGuess + offset;
            }
            if (0 < offset && offset <= maxNegOffset && matches(pattern, firstGuess, -offset, prefixFuzz, suffixFuzz)) {
                inOffset -= offset;
                return firstGuess - offset;
            }
        }
        return 0;
    }

    private boolean matches(List<String> pattern, int base, int offset, int prefixFuzz, int suffixFuzz) {
        int patLines = pattern.size() - suffixFuzz;
        int iline = base + offset + prefixFuzz;
        for (int pline = 1 + prefixFuzz; pline <= patLines; pline++, iline++) {
            if (iline < 1 || iline > input.size()) return false;
            if (!input.get(iline - 1).equals(pattern.get(pline - 1))) return false;
        }
        return true;
    }
}
