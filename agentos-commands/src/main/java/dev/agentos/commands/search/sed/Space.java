package dev.agentos.commands.search.sed;

import java.util.Arrays;

/** A growable byte buffer: sed's pattern and hold spaces. */
final class Space {
    byte[] b = new byte[256];
    int len;
    /** False when the line came without its trailing newline (the last line of input). */
    boolean chomped = true;

    void clear() { len = 0; }

    void ensure(int extra) {
        if (len + extra > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, len + extra));
    }

    void append(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, b, len, n);
        len += n;
    }

    void append(int c) {
        ensure(1);
        b[len++] = (byte) c;
    }

    void set(byte[] src, int off, int n) {
        len = 0;
        append(src, off, n);
    }

    void copyFrom(Space o) {
        set(o.b, 0, o.len);
        chomped = o.chomped;
    }

    int indexOf(int c) {
        for (int k = 0; k < len; k++) if (b[k] == c) return k;
        return -1;
    }
}
