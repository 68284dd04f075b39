package dev.agentos.kernel.tty;

import dev.agentos.kernel.io.ByteRing;

/**
 * The output half of the line discipline (Linux's {@code do_output_char}): OPOST|ONLCR turns {@code \n}
 * into {@code \r\n} on the way to the master, and the cursor column is tracked so that erasing a tab
 * during line editing can move back the right distance.
 */
final class OutputProcessor {
    private int column;

    int column() { return column; }

    /**
     * Copies bytes from a slave write into {@code out} until it is full; returns how many input bytes
     * were consumed. A newline needing two bytes is only taken when both fit.
     */
    int process(Termios t, byte[] buf, int off, int len, ByteRing out) {
        boolean onlcr = (t.oflag() & (Termios.OPOST | Termios.ONLCR)) == (Termios.OPOST | Termios.ONLCR);
        boolean utf8 = (t.iflag() & Termios.IUTF8) != 0;
        int i = 0;
        while (i < len) {
            byte c = buf[off + i];
            if (c == '\n' && onlcr) {
                if (out.space() < 2) break;
                out.put((byte) '\r');
                out.put(c);
            } else {
                if (out.space() < 1) break;
                out.put(c);
            }
            track(c, utf8);
            i++;
        }
        return i;
    }

    /** Writes one echoed byte if there is room; echo never blocks the writer, like Linux's echo buffer. */
    void echo(Termios t, int c, ByteRing out) {
        process(t, new byte[] {(byte) c}, 0, 1, out);
    }

    private void track(byte c, boolean utf8) {
        switch (c) {
            case '\n', '\r' -> column = 0; // ONLCR returns the carriage too
            case '\t' -> column = (column | 7) + 1;
            case '\b' -> { if (column > 0) column--; }
            default -> {
                boolean control = (c >= 0 && c < 0x20) || c == 0x7f;
                boolean continuation = utf8 && (c & 0xc0) == 0x80;
                if (!control && !continuation) column++;
            }
        }
    }
}
