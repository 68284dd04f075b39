package dev.agentos.commands.text;

/** gnulib's filevercmp: version-aware comparison of names (sort -V, ls -v). */
final class Versions {
    private Versions() {}

    static int compare(byte[] x, int as, int ae, byte[] y, int bs, int be) {
        int alen = ae - as, blen = be - bs;
        if (alen == 0) return blen == 0 ? 0 : -1;
        if (blen == 0) return 1;
        if (x[as] == '.') {
            if (y[bs] != '.') return -1;
            boolean adot = alen == 1, bdot = blen == 1;
            if (adot) return bdot ? 0 : -1;
            if (bdot) return 1;
            boolean adotdot = x[as + 1] == '.' && alen == 2, bdotdot = y[bs + 1] == '.' && blen == 2;
            if (adotdot) return bdotdot ? 0 : -1;
            if (bdotdot) return 1;
        } else if (y[bs] == '.') {
            return 1;
        }
        int aprefix = prefixLength(x, as, alen), bprefix = prefixLength(y, bs, blen);
        boolean onePass = aprefix == alen && bprefix == blen;
        int result = verrevcmp(x, as, aprefix, y, bs, bprefix);
        return result != 0 || onePass ? result : verrevcmp(x, as, alen, y, bs, blen);
    }

    private static boolean alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
    private static boolean digit(int c) { return c >= '0' && c <= '9'; }

    /** The length without a trailing run of suffixes like ".tar.gz". */
    private static int prefixLength(byte[] s, int off, int n) {
        int prefix = 0;
        for (int i = 0; ; ) {
            if (i == n) return prefix;
            i++;
            prefix = i;
            while (i + 1 < n && s[off + i] == '.' && (alpha(s[off + i + 1]) || s[off + i + 1] == '~')) {
                for (i += 2; i < n && (alpha(s[off + i]) || digit(s[off + i]) || s[off + i] == '~'); i++) {
                    // skip the suffix
                }
            }
        }
    }

    private static int order(byte[] s, int off, int pos, int len) {
        if (pos == len) return -1;
        int c = s[off + pos] & 0xff;
        if (digit(c)) return 0;
        if (alpha(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }

    private static int verrevcmp(byte[] a, int ao, int alen, byte[] b, int bo, int blen) {
        int ap = 0, bp = 0;
        while (ap < alen || bp < blen) {
            int firstDiff = 0;
            while ((ap < alen && !digit(a[ao + ap])) || (bp < blen && !digit(b[bo + bp]))) {
                int ac = order(a, ao, ap, alen), bc = order(b, bo, bp, blen);
                if (ac != bc) return ac - bc;
                ap++;
                bp++;
            }
            while (ap < alen && a[ao + ap] == '0') ap++;
            while (bp < blen && b[bo + bp] == '0') bp++;
            while (ap < alen && bp < blen && digit(a[ao + ap]) && digit(b[bo + bp])) {
                if (firstDiff == 0) firstDiff = a[ao + ap] - b[bo + bp];
                ap++;
                bp++;
            }
            if (ap < alen && digit(a[ao + ap])) return 1;
            if (bp < blen && digit(b[bo + bp])) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }
}
