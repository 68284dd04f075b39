package dev.agentos.kernel.io;

/**
 * A fixed-capacity byte ring. Not thread-safe: the owning {@link Pipe} guards it with its lock. Copies
 * are at most two {@link System#arraycopy} calls each, because a pipe is a hot path (whole files stream
 * through {@code cat | grep}).
 */
final class PipeBuffer {
    private final byte[] ring;
    private int head; // next byte to read
    private int size;

    PipeBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("pipe capacity must be positive: " + capacity);
        ring = new byte[capacity];
    }

    int capacity() { return ring.length; }

    int available() { return size; }

    int space() { return ring.length - size; }

    boolean isEmpty() { return size == 0; }

    /** Copies up to {@code len} bytes out; returns how many. */
    int read(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, dst, off, first);
        System.arraycopy(ring, 0, dst, off + first, n - first);
        head = (head + n) % ring.length;
        size -= n;
        if (size == 0) head = 0; // keeps later copies in one piece
        return n;
    }

    /** Copies up to {@code len} bytes in, as many as fit; returns how many. */
    int write(byte[] src, int off, int len) {
        int n = Math.min(len, space());
        int tail = (head + size) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** Drops everything buffered. */
    void clear() {
        head = 0;
        size = 0;
    }
}
