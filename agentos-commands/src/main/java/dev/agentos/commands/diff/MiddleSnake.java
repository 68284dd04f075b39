package dev.agentos.commands.diff;

/**
 * Myers' O(ND) difference algorithm with linear space, in the form GNU diff runs it (diffseq.h):
 * forward and backward searches meet at a middle snake, the problem splits there and recurses; a
 * search that grows past {@code tooExpensive} edit steps gives up and takes the furthest-reaching
 * diagonal instead, unless the caller asked for a minimal script. The diagonal order and the tie
 * breaks are GNU's, because they decide which of several shortest scripts comes out.
 */
final class MiddleSnake {
    private final int[] xv;
    private final int[] yv;
    private final int[] xIndex;
    private final int[] yIndex;
    private final byte[] changed0;
    private final byte[] changed1;
    private final int[] fd;
    private final int[] bd;
    private final int off;
    private final long tooExpensive;
    private final Runnable safePoint;
    private int xmid;
    private int ymid;
    private boolean loMinimal;
    private boolean hiMinimal;

    /**
     * {@code xv}, {@code yv}: the class numbers of the lines searched; {@code xIndex}, {@code yIndex}:
     * their line indexes, for marking {@code changed0}, {@code changed1} (offset by one);
     * {@code safePoint} is called now and then (the process's signal check).
     */
    MiddleSnake(int[] xv, int[] yv, int[] xIndex, int[] yIndex, byte[] changed0, byte[] changed1, Runnable safePoint) {
        this.safePoint = safePoint;
        this.xv = xv;
        this.yv = yv;
        this.xIndex = xIndex;
        this.yIndex = yIndex;
        this.changed0 = changed0;
        this.changed1 = changed1;
        int diags = xv.length + yv.length + 3;
        this.fd = new int[diags];
        this.bd = new int[diags];
        this.off = yv.length + 1;
        long te = 1;
        for (long d = diags; d != 0; d >>= 2) te <<= 1;
        this.tooExpensive = Math.max(4096, te);
    }

    void compare(boolean minimal) {
        compareseq(0, xv.length, 0, yv.length, minimal);
    }

    private void compareseq(int xoff, int xlim, int yoff, int ylim, boolean findMinimal) {
        while (true) {
            while (xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff]) {
                xoff++;
                yoff++;
            }
            while (xoff < xlim && yoff < ylim && xv[xlim - 1] == yv[ylim - 1]) {
                xlim--;
                ylim--;
            }
            if (xoff == xlim) {
                while (yoff < ylim) changed1[yIndex[yoff++] + 1] = 1;
                return;
            }
            if (yoff == ylim) {
                while (xoff < xlim) changed0[xIndex[xoff++] + 1] = 1;
                return;
            }
            safePoint.run();
            diag(xoff, xlim, yoff, ylim, findMinimal);
            int xm = xmid, ym = ymid;
            boolean lo = loMinimal, hi = hiMinimal;
            compareseq(xoff, xm, yoff, ym, lo);
            // the second half as a loop: keeps the recursion depth down on long inputs
            xoff = xm;
            yoff = ym;
            findMinimal = hi;
        }
    }

    private void diag(int xoff, int xlim, int yoff, int ylim, boolean findMinimal) {
        final int dmin = xoff - ylim;
        final int dmax = xlim - yoff;
        final int fmid = xoff - yoff;
        final int bmid = xlim - ylim;
        int fmin = fmid, fmax = fmid;
        int bmin = bmid, bmax = bmid;
        final boolean odd = ((fmid - bmid) & 1) != 0;
        final int o = off;
        fd[o + fmid] = xoff;
        bd[o + bmid] = xlim;
        for (long c = 1; ; ++c) {
            // a long search stays killable
            if ((c & 255) == 0) safePoint.run();
            if (fmin > dmin) fd[o + --fmin - 1] = -1;
            else ++fmin;
            if (fmax < dmax) fd[o + ++fmax + 1] = -1;
            else --fmax;
            for (int d = fmax; d >= fmin; d -= 2) {
                int tlo = fd[o + d - 1], thi = fd[o + d + 1];
                int x0 = tlo < thi ? thi : tlo + 1;
                int x = x0, y = x0 - d;
                while (x < xlim && y < ylim && xv[x] == yv[y]) {
                    x++;
                    y++;
                }
                fd[o + d] = x;
                if (odd && bmin <= d && d <= bmax && bd[o + d] <= x) {
                    xmid = x;
                    ymid = y;
                    loMinimal = hiMinimal = true;
                    return;
                }
            }
            if (bmin > dmin) bd[o + --bmin - 1] = Integer.MAX_VALUE;
            else ++bmin;
            if (bmax < dmax) bd[o + ++bmax + 1] = Integer.MAX_VALUE;
            else --bmax;
            for (int d = bmax; d >= bmin; d -= 2) {
                int tlo = bd[o + d - 1], thi = bd[o + d + 1];
                int x0 = tlo < thi ? tlo : thi - 1;
                int x = x0, y = x0 - d;
                while (xoff < x && yoff < y && xv[x - 1] == yv[y - 1]) {
                    x--;
                    y--;
                }
                bd[o + d] = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd[o + d]) {
                    xmid = x;
                    ymid = y;
                    loMinimal = hiMinimal = true;
                    return;
                }
            }
            if (findMinimal) continue;
            if (c >= tooExpensive) {
                giveUp(xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax);
                return;
            }
        }
    }

    /** Too expensive: report the better of the furthest forward and backward reaches. */
    private void giveUp(int xoff, int xlim, int yoff, int ylim, int fmin, int fmax, int bmin, int bmax) {
        final int o = off;
        long fxybest = -1;
        int fxbest = 0;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = Math.min(fd[o + d], xlim);
            int y = x - d;
            if (ylim < y) {
                x = ylim + d;
                y = ylim;
            }
            if (fxybest < (long) x + y) {
                fxybest = (long) x + y;
                fxbest = x;
            }
        }
        long bxybest = Long.MAX_VALUE;
        int bxbest = 0;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = Math.max(xoff, bd[o + d]);
            int y = x - d;
            if (y < yoff) {
                x = yoff + d;
                y = yoff;
            }
            if ((long) x + y < bxybest) {
                bxybest = (long) x + y;
                bxbest = x;
            }
        }
        if (((long) xlim + ylim) - bxybest < fxybest - ((long) xoff + yoff)) {
            xmid = fxbest;
            ymid = (int) (fxybest - fxbest);
            loMinimal = true;
            hiMinimal = false;
        } else {
            xmid = bxbest;
            ymid = (int) (bxybest - bxbest);
            loMinimal = false;
            hiMinimal = true;
        }
    }
}
