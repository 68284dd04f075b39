package dev.agentos.kernel.io;

/**
 * A bounded byte queue: the buffer behind pipes, PTY directions and socket directions. It starts
 * empty and grows (doubling) up to its capacity only as data backs up, and gives its memory back once
 * drained, so thousands of idle pipes and connections cost next to nothing. Copies are at most two
 * {@link System#arraycopy} calls, because whole files stream through it. Not thread-safe: its owner's
 * lock guards it.
 */
public final class ByteRing {
    private static final int INITIAL = 4096;
    private static final byte[] EMPTY = new byte[0];

    private final int capacity;
    private byte[] ring = EMPTY;
    private int head; // next byte to read
    private int size;

    public ByteRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    public int capacity() { return capacity; }

    public int available() { return size; }

    public int space() { return capacity - size; }

    public boolean isEmpty() { return size == 0; }

    /** Appends one byte; the caller has checked {@link #space()}. */
    public void put(byte b) {
        if (size == ring.length) grow(size + 1);
        ring[(head + size) % ring.length] = b;
        size++;
    }

    /** Appends as many of the bytes as fit; returns how many. */
    public int write(byte[] src, int off, int len) {
        int n = Math.min(len, space());
        if (ring.length - size < n) grow(size + n);
        int tail = (head + size) % Math.max(1, ring.length);
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, n - first);
        size += n;
        return n;
    }

    /** Takes up to {@code len} bytes; returns how many. */
    public int read(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        if (n == 0) return 0;
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, dst, off, first);
        System.arraycopy(ring, 0, dst, off + first, n - first);
        size -= n;
        head = size == 0 ? 0 : (head + n) % ring.length;
        if (size == 0 && ring.length > INITIAL) ring = EMPTY; // a drained burst gives its memory back
        return n;
    }

    /** Drops everything buffered and the memory with it. */
    public void clear() {
        ring = EMPTY;
        head = 0;
        size = 0;
    }

    private void grow(int needed) {
        int n = Math.max(INITIAL, ring.length);
        while (n < needed) n <<= 1;
        byte[] bigger = new byte[Math.min(n, capacity)];
        int first = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, bigger, 0, first);
        System.arraycopy(ring, 0, bigger, first, size - first);
        ring = bigger;
        head = 0;
    }
}
