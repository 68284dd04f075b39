package dev.agentos.commands.awk;

/**
 * rand() and srand(): a BSD-style additive-feedback generator with gawk's two-draws-per-value
 * combination and gawk's initial seed (1). Values are uniform in [0, 1) but do not reproduce gawk's
 * exact sequence.
 */
final class Random {
    private static final int DEG = 63, SEP = 1;
    private final int[] state = new int[DEG];
    private int f, r;
    private double seed;

    Random() {
        seed = 1;
        seed(1, true);
    }

    private static int goodRand(int x) {
        if (x == 0) x = 123459876;
        int hi = x / 127773, lo = x % 127773;
        x = 16807 * lo - 2836 * hi;
        if (x < 0) x += 0x7fffffff;
        return x;
    }

    private void seed(long x, boolean initial) {
        state[0] = (int) x;
        for (int i = 1; i < DEG; i++) state[i] = goodRand(state[i - 1]);
        f = SEP;
        r = 0;
        for (int i = 0; i < 10 * DEG; i++) next();
    }

    private int next() {
        state[f] += state[r];
        int v = (state[f] >>> 1) & 0x7fffffff;
        if (++f >= DEG) {
            f = 0;
            ++r;
        } else if (++r >= DEG) {
            r = 0;
        }
        return v;
    }

    double rand() {
        double v;
        do {
            long d1 = next(), d2 = next();
            v = 0.5 + ((d1 / 2147483648.0 + d2) / 2147483648.0);
            v -= 0.5;
        } while (v == 1.0);
        return v;
    }

    /** srand: reseeds, returning the previous seed. */
    double srand(double newSeed) {
        double old = seed;
        seed = newSeed;
        seed((long) newSeed & 0xffffffffL, false);
        return old;
    }
}
