package dev.agentos.kernel.tty;

/** A terminal's size in character cells. */
public record WindowSize(int cols, int rows) {
    public static final WindowSize DEFAULT = new WindowSize(80, 24);

    public WindowSize {
        if (cols <= 0 || rows <= 0 || cols > 10_000 || rows > 10_000) {
            throw new IllegalArgumentException("window size out of range: " + cols + "x" + rows);
        }
    }
}
