package dev.agentos.kernel.tty;

/**
 * A bounded byte queue for the two directions of a PTY. Not thread-safe: the {@link Pty}'s lock guards
 * it. (The io package's pipe buffer is the same idea but package-private there; the tty also needs
 * single-byte puts for its per-character line discipline.)
 */
final class ByteRing {
    private final byte[] ring;
    private int head;
    private int size;

    ByteRing(int capacity) { ring = new byte[capacity]; }

    int available() { return size; }

    int space() { return ring.length - size; }

    boolean isEmpty() { return size == 0; }

    /** Appends one byte; the caller has checked {@link #space()}. */
    void put(byte b) {
        ring[(head + size) % ring.length] = b;
        size++;
    }

    /** Appends as many of the bytes as fit; returns how many. */
    int write(byte[] src, int off, int len) {
        int n = Math.min(len, space());
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** Takes up to {@code len} bytes; returns how many. */
    int read(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, dst, off, first);
        System.arraycopy(ring, 0, dst, off + first, n - first);
        head = (head + n) % ring.length;
        size -= n;
        if (size == 0) head = 0;
        return n;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
