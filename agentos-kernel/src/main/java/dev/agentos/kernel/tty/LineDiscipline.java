package dev.agentos.kernel.tty;

import dev.agentos.kernel.io.ByteRing;
import dev.agentos.kernel.Signal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The input half of Linux's n_tty: turns bytes typed at the master into what the slave reads.
 * Canonical mode edits a line (erase, kill, word erase, literal next, reprint) and releases it on
 * newline, EOL or EOF; raw mode passes bytes straight through. Echo goes to the output queue through
 * the {@link OutputProcessor}. Signal characters are collected for the caller to deliver once it has
 * released the PTY's lock.
 *
 * <p>Not thread-safe: the {@link Pty}'s lock guards every call.
 */
final class LineDiscipline {
    /** Linux's N_TTY_BUF_SIZE: a canonical line keeps at most this minus one byte plus its terminator. */
    static final int LINE_MAX = 4096;
    static final int INPUT_CAPACITY = 64 * 1024;
    private static final int MAX_PENDING_LINES = 4096;
    private static final int EOF_BIT = 1;

    private final ByteRing ready = new ByteRing(INPUT_CAPACITY); // bytes the slave may read now
    // Canonical mode: the lengths of the complete lines at the front of `ready`, each shifted left one
    // bit with EOF_BIT set when the line ended with VEOF (its terminator is not delivered).
    private final ArrayDeque<Integer> lines = new ArrayDeque<>();
    private final byte[] line = new byte[LINE_MAX]; // the line being edited
    private int lineLength;
    private int canonColumn; // where the edited line began on the screen, for tab erase
    private boolean literalNext;
    private final OutputProcessor output;
    private final ByteRing echo;
    private final List<Signal> signals = new ArrayList<>();

    LineDiscipline(OutputProcessor output, ByteRing echo) {
        this.output = output;
        this.echo = echo;
    }

    /** True when one more input byte can be taken without losing a line (else the writer waits). */
    boolean canAccept(Termios t) {
        return t.has(Termios.ICANON)
                ? ready.space() > lineLength && lines.size() < MAX_PENDING_LINES
                : ready.space() > 0;
    }

    /** True when a slave read would return something (a line, an EOF, or raw bytes). */
    boolean readable(Termios t) {
        return t.has(Termios.ICANON) ? !lines.isEmpty() : !ready.isEmpty();
    }

    int rawAvailable() { return ready.available(); }

    /** Signals raised by input since the last call, in order. */
    List<Signal> drainSignals() {
        if (signals.isEmpty()) return List.of();
        List<Signal> out = List.copyOf(signals);
        signals.clear();
        return out;
    }

    /**
     * Reads from the first complete line (canonical mode): never past its end, so each read returns at
     * most one line. Returns -1 for a VEOF typed on an empty line (read(2) would return 0 then).
     */
    int readLine(byte[] buf, int off, int len) {
        int head = lines.removeFirst();
        int bytes = head >>> 1;
        int eof = head & EOF_BIT;
        if (bytes == 0) return eof != 0 ? -1 : 0;
        int n = ready.read(buf, off, Math.min(len, bytes));
        if (n < bytes) lines.addFirst(((bytes - n) << 1) | eof);
        return n;
    }

    /** Reads raw (non-canonical) input. */
    int readRaw(byte[] buf, int off, int len) { return ready.read(buf, off, len); }

    /** tcsetattr: switching ICANON moves pending input between the edited line and the readable queue. */
    void modeChanged(Termios old, Termios now) {
        if (old.has(Termios.ICANON) == now.has(Termios.ICANON)) return;
        if (!now.has(Termios.ICANON)) {
            // Everything typed becomes readable at once, the half-edited line included (as n_tty does).
            ready.write(line, 0, lineLength);
            lineLength = 0;
            lines.clear();
        } else {
            // Bytes left over from raw mode form one line that can be read without a newline.
            lines.clear();
            if (!ready.isEmpty()) lines.add(ready.available() << 1);
        }
        literalNext = false;
    }

    /** Processes one byte typed at the master; the caller has checked {@link #canAccept}. */
    void receive(Termios t, int b) {
        int c = b & 0xff;
        boolean canonical = t.has(Termios.ICANON);
        if (literalNext) {
            literalNext = false;
            ordinary(t, c, canonical);
            return;
        }
        if (t.has(Termios.ISIG)) {
            Signal s = is(t, Termios.VINTR, c) ? Signal.SIGINT
                    : is(t, Termios.VQUIT, c) ? Signal.SIGQUIT
                    : is(t, Termios.VSUSP, c) ? Signal.SIGTSTP : null;
            if (s != null) {
                signal(t, s, c);
                return;
            }
        }
        // Flow control characters are consumed; output is not actually stopped (see Pty).
        if ((t.iflag() & Termios.IXON) != 0 && (is(t, Termios.VSTOP, c) || is(t, Termios.VSTART, c))) return;
        if (c == '\r') {
            if ((t.iflag() & Termios.IGNCR) != 0) return;
            if ((t.iflag() & Termios.ICRNL) != 0) c = '\n';
        } else if (c == '\n' && (t.iflag() & Termios.INLCR) != 0) {
            c = '\r';
        }
        if (canonical && editing(t, c)) return;
        ordinary(t, c, canonical);
    }

    /** Canonical-mode special characters; true when {@code c} was one and has been handled. */
    private boolean editing(Termios t, int c) {
        boolean iexten = t.has(Termios.IEXTEN);
        boolean echoOn = t.has(Termios.ECHO);
        // ^H erases too, whatever VERASE is: terminals disagree on which one Backspace sends.
        if (is(t, Termios.VERASE, c) || c == 0x08) {
            new LineEraser(this, t).erase(LineEraser.Kind.CHARACTER);
        } else if (is(t, Termios.VKILL, c)) {
            new LineEraser(this, t).kill(c);
        } else if (iexten && is(t, Termios.VWERASE, c)) {
            new LineEraser(this, t).erase(LineEraser.Kind.WORD);
        } else if (iexten && is(t, Termios.VLNEXT, c)) {
            literalNext = true;
            if (echoOn && t.has(Termios.ECHOCTL)) {
                echoFirst();
                output.echo(t, '^', echo); // a placeholder under the cursor, overwritten by the next echo
                output.echo(t, '\b', echo);
            }
        } else if (iexten && echoOn && is(t, Termios.VREPRINT, c)) {
            echoChar(t, c);
            output.echo(t, '\n', echo);
            canonColumn = output.column();
            for (int i = 0; i < lineLength; i++) echoChar(t, line[i] & 0xff);
        } else if (c == '\n') {
            if (echoOn || t.has(Termios.ECHONL)) output.echo(t, '\n', echo);
            endLine(c, false);
        } else if (is(t, Termios.VEOF, c)) {
            endLine(-1, true); // not echoed, and not delivered
        } else if (is(t, Termios.VEOL, c) || (iexten && is(t, Termios.VEOL2, c))) {
            if (echoOn) {
                echoFirst();
                echoChar(t, c);
            }
            endLine(c, false);
        } else {
            return false;
        }
        return true;
    }

    private void ordinary(Termios t, int c, boolean canonical) {
        if (!canonical) {
            if (t.has(Termios.ECHO)) echoChar(t, c);
            ready.put((byte) c);
            return;
        }
        if (lineLength >= LINE_MAX - 1) return; // full line: drop until a terminator, like n_tty
        if (t.has(Termios.ECHO)) {
            echoFirst();
            echoChar(t, c);
        }
        line[lineLength++] = (byte) c;
    }

    private void signal(Termios t, Signal s, int c) {
        signals.add(s);
        if (!t.has(Termios.NOFLSH)) {
            // isig() flushes what was typed but not yet read, so the interrupted program starts clean.
            lineLength = 0;
            lines.clear();
            ready.clear();
        }
        if (t.has(Termios.ECHO)) echoChar(t, c); // "^C": Linux echoes no newline, the shell prints it
    }

    /** Completes the edited line; {@code terminator} is appended unless negative. */
    private void endLine(int terminator, boolean eof) {
        int length = lineLength + (terminator >= 0 ? 1 : 0);
        ready.write(line, 0, lineLength);
        if (terminator >= 0) ready.put((byte) terminator);
        lines.add((length << 1) | (eof ? EOF_BIT : 0));
        lineLength = 0;
    }

    /** Remembers the column where a line starts when its first character is echoed. */
    private void echoFirst() {
        if (lineLength == 0) canonColumn = output.column();
    }

    /** Echoes a character, showing control characters as ^X when ECHOCTL (tab and newline as they are). */
    void echoChar(Termios t, int c) {
        if (t.has(Termios.ECHOCTL) && isControl(c) && c != '\t' && c != '\n') {
            output.echo(t, '^', echo);
            output.echo(t, c ^ 0x40, echo);
        } else {
            output.echo(t, c, echo);
        }
    }

    void echoRaw(Termios t, int c) { output.echo(t, c, echo); }

    static boolean isControl(int c) { return c < 0x20 || c == 0x7f; }

    // ---- the edited line, for LineEraser ----

    byte[] line() { return line; }

    int lineLength() { return lineLength; }

    void truncateLine(int length) { lineLength = length; }

    int canonColumn() { return canonColumn; }

    int outputColumn() { return output.column(); }

    /** A cc entry matches when it is set (0 is _POSIX_VDISABLE) and equal to the byte. */
    private static boolean is(Termios t, int index, int c) {
        int v = t.cc(index) & 0xff;
        return v != 0 && v == c;
    }
}
