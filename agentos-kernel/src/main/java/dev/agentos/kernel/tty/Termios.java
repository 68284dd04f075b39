package dev.agentos.kernel.tty;

import java.util.Arrays;

/**
 * Terminal attributes (struct termios) with Linux's flag values. Immutable: {@code with...} returns a
 * changed copy. {@code cc} is indexed by the V* constants.
 */
public record Termios(int iflag, int oflag, int cflag, int lflag, byte[] cc) {
    // iflag
    public static final int ICRNL = 0000400, INLCR = 0000100, IGNCR = 0000200, IXON = 0002000, IUTF8 = 0040000;
    // oflag
    public static final int OPOST = 0000001, ONLCR = 0000004;
    // cflag
    public static final int CS8 = 0000060, CREAD = 0000200;
    // lflag
    public static final int ISIG = 0000001, ICANON = 0000002, ECHO = 0000010, ECHOE = 0000020,
            ECHOK = 0000040, ECHONL = 0000100, NOFLSH = 0000200, TOSTOP = 0000400, ECHOCTL = 0001000,
            ECHOKE = 0004000, IEXTEN = 0100000;
    // cc indices
    public static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6,
            VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14,
            VLNEXT = 15, VEOL2 = 16, NCCS = 19;

    public Termios {
        cc = Arrays.copyOf(cc, NCCS);
    }

    /** Linux's defaults for a new PTY: canonical, echo, signals, CR→NL in, NL→CRNL out. */
    public static Termios defaults() {
        byte[] cc = new byte[NCCS];
        cc[VINTR] = 3; cc[VQUIT] = 034; cc[VERASE] = 0177; cc[VKILL] = 025; cc[VEOF] = 4;
        cc[VTIME] = 0; cc[VMIN] = 1; cc[VSTART] = 021; cc[VSTOP] = 023; cc[VSUSP] = 032;
        cc[VREPRINT] = 022; cc[VWERASE] = 027; cc[VLNEXT] = 026; cc[VDISCARD] = 017;
        return new Termios(ICRNL | IXON | IUTF8, OPOST | ONLCR, CS8 | CREAD,
                ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN, cc);
    }

    /** cfmakeraw: no canonical mode, echo, signals or output processing; reads return each byte. */
    public Termios raw() {
        byte[] c = cc.clone();
        c[VMIN] = 1; c[VTIME] = 0;
        return new Termios(iflag & ~(ICRNL | INLCR | IGNCR | IXON), oflag & ~OPOST, cflag | CS8,
                lflag & ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN), c);
    }

    public boolean has(int lflagBits) { return (lflag & lflagBits) == lflagBits; }

    public Termios withLflag(int newLflag) { return new Termios(iflag, oflag, cflag, newLflag, cc); }
    public Termios withIflag(int newIflag) { return new Termios(newIflag, oflag, cflag, lflag, cc); }
    public Termios withOflag(int newOflag) { return new Termios(iflag, newOflag, cflag, lflag, cc); }

    public byte cc(int index) { return cc[index]; }

    @Override public byte[] cc() { return cc.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof Termios t && t.iflag == iflag && t.oflag == oflag && t.cflag == cflag
                && t.lflag == lflag && Arrays.equals(t.cc, cc);
    }

    @Override public int hashCode() { return Arrays.hashCode(cc) * 31 + iflag + oflag * 7 + lflag * 13; }
}
