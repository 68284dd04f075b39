package dev.agentos.commands.text;

import java.util.Comparator;
import java.util.List;

/** sort's comparison of two lines: each key in turn (GNU's keycompare), then the last resort. */
final class LineOrder implements Comparator<LineOrder.Line> {
    /** A line of the input buffer, with an 8-byte prefix and a parsed number precomputed. */
    static final class Line {
        final int off, len;
        long prefix;
        long num;
        boolean numFast;

        Line(int off, int len) {
            this.off = off;
            this.len = len;
        }
    }

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final boolean[] NONDICTIONARY = new boolean[256], NONPRINTING = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            NONDICTIONARY[c] = !alnum && !(c == ' ' || c == '\t' || c == '\n');
            NONPRINTING[c] = !(c >= 0x20 && c < 0x7f);
        }
    }

    final byte[] t;
    final List<SortKey> keys;
    final int tab;
    final boolean lastResort;
    final boolean reverse;
    final long seed;

    LineOrder(byte[] t, List<SortKey> keys, int tab, boolean lastResort, boolean reverse, long seed) {
        this.t = t;
        this.keys = keys;
        this.tab = tab;
        this.lastResort = lastResort;
        this.reverse = reverse;
        this.seed = seed;
    }

    /** Precomputes what makes the common cases fast: the byte prefix, and -n's value when it fits. */
    void prepare(Line l) {
        long p = 0;
        int n = Math.min(8, l.len);
        for (int i = 0; i < n; i++) p |= (long) (t[l.off + i] & 0xff) << (56 - 8 * i);
        l.prefix = p;
        if (!keys.isEmpty() && keys.get(0).numeric && keys.get(0).ignore == 0 && !keys.get(0).translate) {
            SortKey k = keys.get(0);
            int lim = l.off + l.len;
            int b = k.begin(t, l.off, lim, tab);
            int e = Math.max(b, k.limit(t, l.off, lim, tab));
            fastNumber(l, b, e);
        }
    }

    private void fastNumber(Line l, int b, int e) {
        while (b < e && SortKey.blank(t[b])) b++;
        boolean neg = b < e && t[b] == '-';
        if (neg) b++;
        long v = 0;
        int digits = 0;
        while (b < e && t[b] >= '0' && t[b] <= '9') {
            v = v * 10 + (t[b++] - '0');
            if (++digits > 18) return;
        }
        if (b < e && t[b] == '.') {
            b++;
            while (b < e && t[b] == '0') b++;
            if (b < e && t[b] >= '1' && t[b] <= '9') return;
        }
        l.num = neg ? -v : v;
        l.numFast = true;
    }

    @Override public int compare(Line a, Line b) {
        if (!keys.isEmpty()) {
            int d = keyCompare(a, b);
            if (d != 0 || !lastResort) return d;
        }
        int d;
        if (a.prefix != b.prefix) d = Long.compareUnsigned(a.prefix, b.prefix);
        else d = bytes(t, a.off, a.off + a.len, t, b.off, b.off + b.len);
        return reverse ? -d : d;
    }

    static int bytes(byte[] x, int xs, int xe, byte[] y, int ys, int ye) {
        int d = java.util.Arrays.compareUnsigned(x, xs, xe, y, ys, ye);
        return Integer.signum(d);
    }

    private int keyCompare(Line a, Line b) {
        int alim = a.off + a.len, blim = b.off + b.len;
        for (int k = 0; k < keys.size(); k++) {
            SortKey key = keys.get(k);
            int diff;
            if (k == 0 && a.numFast && b.numFast) {
                diff = Long.compare(a.num, b.num);
            } else {
                int as = key.begin(t, a.off, alim, tab), ae = Math.max(as, key.limit(t, a.off, alim, tab));
                int bs = key.begin(t, b.off, blim, tab), be = Math.max(bs, key.limit(t, b.off, blim, tab));
                diff = compareKey(key, as, ae, bs, be);
            }
            if (diff != 0) return key.reverse ? -diff : diff;
        }
        return 0;
    }

    private int compareKey(SortKey key, int as, int ae, int bs, int be) {
        if (key.numeric || key.generalNumeric || key.human || key.month || key.random || key.version) {
            byte[] x = t, y = t;
            if (key.ignore != 0 || key.translate) {
                x = filtered(key, t, as, ae);
                y = filtered(key, t, bs, be);
                as = 0; ae = x.length; bs = 0; be = y.length;
            }
            if (key.numeric) return numCompare(x, as, ae, y, bs, be);
            if (key.generalNumeric) return generalCompare(x, as, ae, y, bs, be);
            if (key.human) return humanCompare(x, as, ae, y, bs, be);
            if (key.month) return Integer.compare(month(x, as, ae), month(y, bs, be));
            if (key.random) {
                int d = Long.compareUnsigned(hash(x, as, ae), hash(y, bs, be));
                return d != 0 ? d : bytes(x, as, ae, y, bs, be);
            }
            return Versions.compare(x, as, ae, y, bs, be);
        }
        if (key.ignore != 0 || key.translate) {
            boolean[] ign = key.ignore == SortKey.DICTIONARY ? NONDICTIONARY : key.ignore == SortKey.NONPRINTING ? NONPRINTING : null;
            while (true) {
                if (ign != null) {
                    while (as < ae && ign[t[as] & 0xff]) as++;
                    while (bs < be && ign[t[bs] & 0xff]) bs++;
                }
                if (!(as < ae && bs < be)) break;
                int ca = t[as] & 0xff, cb = t[bs] & 0xff;
                if (key.translate) {
                    if (ca >= 'a' && ca <= 'z') ca -= 32;
                    if (cb >= 'a' && cb <= 'z') cb -= 32;
                }
                if (ca != cb) return ca - cb;
                as++;
                bs++;
            }
            return (as < ae ? 1 : 0) - (bs < be ? 1 : 0);
        }
        return bytes(t, as, ae, t, bs, be);
    }

    private static byte[] filtered(SortKey key, byte[] t, int s, int e) {
        boolean[] ign = key.ignore == SortKey.DICTIONARY ? NONDICTIONARY : key.ignore == SortKey.NONPRINTING ? NONPRINTING : null;
        TextIo.Bytes out = new TextIo.Bytes(e - s);
        for (int i = s; i < e; i++) {
            int c = t[i] & 0xff;
            if (ign != null && ign[c]) continue;
            if (key.translate && c >= 'a' && c <= 'z') c -= 32;
            out.write(c);
        }
        return out.toByteArray();
    }

    /** GNU strnumcmp with '.' as the decimal point and no thousands separator. */
    static int numCompare(byte[] x, int as, int ae, byte[] y, int bs, int be) {
        while (as < ae && SortKey.blank(x[as])) as++;
        while (bs < be && SortKey.blank(y[bs])) bs++;
        boolean an = as < ae && x[as] == '-', bn = bs < be && y[bs] == '-';
        if (an) as++;
        if (bn) bs++;
        // integer part: skip leading zeros, find digit spans
        while (as < ae && x[as] == '0') as++;
        while (bs < be && y[bs] == '0') bs++;
        int ai = as, bi = bs;
        while (ai < ae && isDigit(x[ai])) ai++;
        while (bi < be && isDigit(y[bi])) bi++;
        int af = ai, afe = ai, bf = bi, bfe = bi;
        if (af < ae && x[af] == '.') {
            af++;
            afe = af;
            while (afe < ae && isDigit(x[afe])) afe++;
        } else af = afe = ai;
        if (bf < be && y[bf] == '.') {
            bf++;
            bfe = bf;
            while (bfe < be && isDigit(y[bfe])) bfe++;
        } else bf = bfe = bi;
        while (afe > af && x[afe - 1] == '0') afe--;
        while (bfe > bf && y[bfe - 1] == '0') bfe--;
        boolean aZero = ai == as && afe == af, bZero = bi == bs && bfe == bf;
        int asign = aZero ? 0 : an ? -1 : 1, bsign = bZero ? 0 : bn ? -1 : 1;
        if (asign != bsign) return Integer.compare(asign, bsign);
        if (asign == 0) return 0;
        int d = Integer.compare(ai - as, bi - bs);
        if (d == 0) d = bytes(x, as, ai, y, bs, bi);
        if (d == 0) d = bytes(x, af, afe, y, bf, bfe);
        return asign < 0 ? -d : d;
    }

    private static boolean isDigit(byte c) { return c >= '0' && c <= '9'; }

    private static int unitOrder(byte[] x, int s, int e) {
        while (s < e && SortKey.blank(x[s])) s++;
        boolean minus = s < e && x[s] == '-';
        int p = s + (minus ? 1 : 0);
        int nonzero = 0;
        while (p < e && isDigit(x[p])) nonzero |= x[p++] - '0';
        if (p < e && x[p] == '.') {
            p++;
            while (p < e && isDigit(x[p])) nonzero |= x[p++] - '0';
        }
        int order = 0;
        if (nonzero != 0 && p < e) order = switch (x[p]) {
            case 'k', 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            case 'P' -> 5;
            case 'E' -> 6;
            case 'Z' -> 7;
            case 'Y' -> 8;
            case 'R' -> 9;
            case 'Q' -> 10;
            default -> 0;
        };
        return minus ? -order : order;
    }

    private static int humanCompare(byte[] x, int as, int ae, byte[] y, int bs, int be) {
        int d = unitOrder(x, as, ae) - unitOrder(y, bs, be);
        return d != 0 ? d : numCompare(x, as, ae, y, bs, be);
    }

    private static int month(byte[] x, int s, int e) {
        while (s < e && SortKey.blank(x[s])) s++;
        if (e - s < 3) return 0;
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            boolean ok = true;
            for (int i = 0; i < 3 && ok; i++) ok = Character.toUpperCase((char) (x[s + i] & 0xff)) == name.charAt(i);
            if (ok) return m + 1;
        }
        return 0;
    }

    private static int generalCompare(byte[] x, int as, int ae, byte[] y, int bs, int be) {
        Double a = Strtod.prefix(x, as, ae), b = Strtod.prefix(y, bs, be);
        if (a == null || b == null) return (a == null ? 0 : 1) - (b == null ? 0 : 1);
        double da = a, db = b;
        if (da < db) return -1;
        if (da > db) return 1;
        if (da == db) return 0;
        if (db == db) return -1; // a is NaN
        if (da == da) return 1;
        return 0;
    }

    private long hash(byte[] x, int s, int e) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = s; i < e; i++) {
            h ^= x[i] & 0xff;
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
