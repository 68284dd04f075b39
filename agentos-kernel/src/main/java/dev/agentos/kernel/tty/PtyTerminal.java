package dev.agentos.kernel.tty;

import dev.agentos.kernel.Signal;
import dev.agentos.kernel.SignalSink;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** The ioctl face of a {@link Pty}: attributes, window size, foreground group and session. */
final class PtyTerminal implements Terminal {
    private final Pty pty;
    private final SignalSink signals;
    private volatile Termios attributes = Termios.defaults();
    private final AtomicReference<WindowSize> windowSize = new AtomicReference<>(WindowSize.DEFAULT);
    private volatile int foregroundGroup;
    private volatile int session;

    PtyTerminal(Pty pty, SignalSink signals) {
        this.pty = pty;
        this.signals = signals;
    }

    @Override public String name() { return "/dev/pts/" + pty.index(); }

    @Override public Termios attributes() { return attributes; }

    @Override public void setAttributes(Termios termios) {
        pty.changeAttributes(Objects.requireNonNull(termios));
    }

    /** Swaps the attributes; the Pty calls it under its lock so no input byte sees half a change. */
    Termios swapAttributes(Termios termios) {
        Termios old = attributes;
        attributes = termios;
        return old;
    }

    @Override public WindowSize windowSize() { return windowSize.get(); }

    @Override public void setWindowSize(WindowSize size) {
        WindowSize old = windowSize.getAndSet(Objects.requireNonNull(size));
        if (!old.equals(size)) signalForeground(Signal.SIGWINCH);
    }

    @Override public int foregroundGroup() { return foregroundGroup; }

    @Override public void setForegroundGroup(int pgid) { foregroundGroup = pgid; }

    @Override public int session() { return session; }

    @Override public void setSession(int sid) { session = sid; }

    /** Sends a signal to the foreground group, if there is one. */
    void signalForeground(Signal s) {
        int pgid = foregroundGroup;
        if (pgid > 0) signals.signalGroup(pgid, s);
    }
}
