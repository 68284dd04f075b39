package dev.agentos.commands.diff;

/**
 * GNU diff's discard_confusing_lines: lines that match nothing in the other file are changes for
 * sure and are taken out before the O(ND) search, and so are lines that match very many lines when
 * they sit inside a run of such certain changes. This keeps the search fast and decides which of
 * several equally short scripts GNU prints, so it is reproduced step by step.
 */
final class Discards {
    private Discards() {}

    /**
     * Marks discarded lines in {@code changed} (offset by one for GNU's sentinel) and returns, per
     * file, the indexes of the lines kept.
     */
    static int[][] apply(int[][] equivs, int classCount, byte[][] changed, boolean minimal) {
        int[][] counts = new int[2][classCount];
        for (int f = 0; f < 2; f++) for (int e : equivs[f]) counts[f][e]++;
        byte[][] discarded = new byte[2][];
        for (int f = 0; f < 2; f++) {
            int end = equivs[f].length;
            byte[] d = new byte[end];
            int[] other = counts[1 - f];
            long many = 5;
            long tem = end / 64;
            while ((tem = tem >> 2) > 0) many *= 2;
            for (int i = 0; i < end; i++) {
                int e = equivs[f][i];
                if (e == 0) continue;
                int nmatch = other[e];
                if (nmatch == 0) d[i] = 1;
                else if (nmatch > many) d[i] = 2;
            }
            discarded[f] = d;
        }
        for (int f = 0; f < 2; f++) cancelProvisional(discarded[f]);
        int[][] kept = new int[2][];
        for (int f = 0; f < 2; f++) {
            byte[] d = discarded[f];
            int[] k = new int[d.length];
            int j = 0;
            for (int i = 0; i < d.length; i++) {
                if (minimal || d[i] == 0) k[j++] = i;
                else changed[f][i + 1] = 1;
            }
            kept[f] = java.util.Arrays.copyOf(k, j);
        }
        return kept;
    }

    /** Keeps provisional discards only in the middle of runs of certain ones. */
    private static void cancelProvisional(byte[] discards) {
        int end = discards.length;
        for (int i = 0; i < end; i++) {
            if (discards[i] == 2) {
                discards[i] = 0;
            } else if (discards[i] != 0) {
                int j;
                int provisional = 0;
                for (j = i; j < end; j++) {
                    if (discards[j] == 0) break;
                    if (discards[j] == 2) ++provisional;
                }
                while (j > i && discards[j - 1] == 2) {
                    discards[--j] = 0;
                    --provisional;
                }
                int length = j - i;
                if (provisional * 4 > length) {
                    while (j > i) if (discards[--j] == 2) discards[j] = 0;
                } else {
                    int minimum = 1;
                    int tem = length >> 2;
                    while (0 < (tem >>= 2)) minimum <<= 1;
                    minimum++;
                    int consec;
                    for (j = 0, consec = 0; j < length; j++) {
                        if (discards[i + j] != 2) consec = 0;
                        else if (minimum == ++consec) j -= consec;
                        else if (minimum < consec) discards[i + j] = 0;
                    }
                    for (j = 0, consec = 0; j < length; j++) {
                        if (j >= 8 && discards[i + j] == 1) break;
                        if (discards[i + j] == 2) {
                            consec = 0;
                            discards[i + j] = 0;
                        } else if (discards[i + j] == 0) {
                            consec = 0;
                        } else {
                            consec++;
                        }
                        if (consec == 3) break;
                    }
                    i += length - 1;
                    for (j = 0, consec = 0; j < length; j++) {
                        if (j >= 8 && discards[i - j] == 1) break;
                        if (discards[i - j] == 2) {
                            consec = 0;
                            discards[i - j] = 0;
                        } else if (discards[i - j] == 0) {
                            consec = 0;
                        } else {
                            consec++;
                        }
                        if (consec == 3) break;
                    }
                }
            }
        }
    }
}
