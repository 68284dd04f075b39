package dev.agentos.commands.diff;

/**
 * A file's bytes as GNU diff holds them: a newline is appended when the last line lacks one (and
 * {@link #missingNewline} remembers it), and {@link #starts} indexes every line, with one more
 * entry at the end so a line's length is always {@code starts[i + 1] - starts[i]}.
 */
final class TextFile {
    final byte[] buf;
    final int length;
    final boolean missingNewline;
    final int[] starts;
    final int lines;

    TextFile(byte[] raw) {
        boolean missing = raw.length > 0 && raw[raw.length - 1] != '\n';
        byte[] b = missing ? java.util.Arrays.copyOf(raw, raw.length + 1) : raw;
        if (missing) b[raw.length] = '\n';
        this.buf = b;
        this.length = b.length;
        this.missingNewline = missing;
        int n = 0;
        for (int i = 0; i < length; i++) if (b[i] == '\n') n++;
        int[] s = new int[n + 1];
        int k = 0;
        s[k++] = 0;
        for (int i = 0; i < length; i++) if (b[i] == '\n' && k <= n) s[k++] = i + 1;
        this.starts = s;
        this.lines = n;
    }

    /** Line i's bytes without its newline: start offset. */
    int start(int i) { return starts[i]; }

    /** Line i's length without its newline. */
    int contentLength(int i) { return starts[i + 1] - starts[i] - 1; }

    /** True for the last line when the file did not end with a newline. */
    boolean incomplete(int i) { return missingNewline && i == lines - 1; }

    /** The index of the line starting at byte offset {@code off} (a line start, or the end). */
    int lineAt(int off) {
        int i = java.util.Arrays.binarySearch(starts, off);
        return i >= 0 ? i : -i - 1;
    }
}
