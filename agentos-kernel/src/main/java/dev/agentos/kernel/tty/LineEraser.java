package dev.agentos.kernel.tty;

/**
 * n_tty's {@code eraser()}: removes a character, a word or the whole edited line and echoes the
 * visual erasure. A multi-byte UTF-8 character (IUTF8) is removed whole; a word is a run of
 * alphanumerics and underscores with the blanks before it (BSD's ALTWERASE, which Linux follows).
 */
final class LineEraser {
    enum Kind { CHARACTER, WORD, LINE }

    private final LineDiscipline ld;
    private final Termios t;

    LineEraser(LineDiscipline ld, Termios t) {
        this.ld = ld;
        this.t = t;
    }

    /** VKILL: erases the line, visibly per character when ECHOK, ECHOKE and ECHOE are all set. */
    void kill(int killChar) {
        if (ld.lineLength() == 0) return;
        if (!t.has(Termios.ECHO)) {
            ld.truncateLine(0);
            return;
        }
        if (!t.has(Termios.ECHOK | Termios.ECHOKE | Termios.ECHOE)) {
            ld.truncateLine(0);
            ld.echoChar(t, killChar);
            if (t.has(Termios.ECHOK)) ld.echoRaw(t, '\n');
            return;
        }
        erase(Kind.LINE);
    }

    void erase(Kind kind) {
        byte[] line = ld.line();
        boolean utf8 = (t.iflag() & Termios.IUTF8) != 0;
        int seenAlnums = 0;
        while (ld.lineLength() > 0) {
            int end = ld.lineLength();
            int start = end - 1;
            while (utf8 && start > 0 && (line[start] & 0xc0) == 0x80) start--;
            int c = line[start] & 0xff;
            if (kind == Kind.WORD) {
                if (isWordByte(c)) seenAlnums++;
                else if (seenAlnums > 0) break;
            }
            ld.truncateLine(start);
            if (t.has(Termios.ECHO)) echoErase(c, start);
            if (kind == Kind.CHARACTER) break;
        }
    }

    // Bytes from 0x80 up are lead bytes of multi-byte characters here; Linux's ctype calls them
    // letters, so "naïve" is one word.
    private static boolean isWordByte(int c) {
        return c == '_' || c >= 0x80 || (c < 0x80 && Character.isLetterOrDigit(c));
    }

    private void echoErase(int c, int start) {
        if (!t.has(Termios.ECHOE)) {
            ld.echoChar(t, t.cc(Termios.VERASE) & 0xff); // the terminal is expected to show it
        } else if (c == '\t') {
            int back = ld.outputColumn() - columnAfter(start);
            for (int i = 0; i < back; i++) ld.echoRaw(t, '\b');
        } else if (LineDiscipline.isControl(c)) {
            if (t.has(Termios.ECHOCTL)) rubOut(2); // it was shown as ^X
        } else {
            rubOut(1); // one column, even for a multi-byte character, as Linux assumes
        }
    }

    private void rubOut(int columns) {
        for (int i = 0; i < columns; i++) {
            ld.echoRaw(t, '\b');
            ld.echoRaw(t, ' ');
            ld.echoRaw(t, '\b');
        }
    }

    /** The screen column after echoing the first {@code length} bytes of the line. */
    private int columnAfter(int length) {
        byte[] line = ld.line();
        boolean utf8 = (t.iflag() & Termios.IUTF8) != 0;
        int col = ld.canonColumn();
        for (int i = 0; i < length; i++) {
            int c = line[i] & 0xff;
            if (c == '\t') col = (col | 7) + 1;
            else if (LineDiscipline.isControl(c)) col += t.has(Termios.ECHOCTL) ? 2 : 0;
            else if (!(utf8 && (c & 0xc0) == 0x80)) col++;
        }
        return col;
    }
}
