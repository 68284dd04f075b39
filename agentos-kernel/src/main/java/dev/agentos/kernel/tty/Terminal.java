package dev.agentos.kernel.tty;

/**
 * The terminal side of a PTY that ioctl(2) reaches: attributes, window size, foreground process group
 * and controlling session.
 */
public interface Terminal {
    /** The slave's path: {@code /dev/pts/0}. */
    String name();

    Termios attributes();

    /** tcsetattr: takes effect for the next byte the line discipline sees. */
    void setAttributes(Termios termios);

    WindowSize windowSize();

    /** TIOCSWINSZ: stores the size and sends SIGWINCH to the foreground group when it changed. */
    void setWindowSize(WindowSize size);

    /** tcgetpgrp: 0 when no foreground group is set. */
    int foregroundGroup();

    /** tcsetpgrp. */
    void setForegroundGroup(int pgid);

    /** The session this is the controlling terminal of; 0 for none. */
    int session();

    /** TIOCSCTTY: becomes the controlling terminal of {@code sid}. */
    void setSession(int sid);
}
