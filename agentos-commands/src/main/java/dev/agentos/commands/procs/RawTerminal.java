package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.proc.PollRequest;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.tty.Termios;
import dev.agentos.kernel.tty.WindowSize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

/**
 * A full-screen program's terminal: raw mode on the controlling terminal (stdin), frames drawn on
 * stdout with ANSI sequences, keys read with a timeout, and the old mode restored on close.
 */
final class RawTerminal implements AutoCloseable {
    private final ProcessContext ctx;
    private final Terminal terminal;
    private final Termios saved;
    private final int keyFd;

    private RawTerminal(ProcessContext ctx, Terminal terminal, int keyFd) {
        this.ctx = ctx;
        this.terminal = terminal;
        this.keyFd = keyFd;
        this.saved = terminal.attributes();
        terminal.setAttributes(saved.raw());
    }

    /** Raw mode on the terminal behind stdout; keys come from stdin, or from /dev/tty when stdin is not one. */
    static RawTerminal open(ProcessContext ctx) {
        if (ctx.isatty(0)) return new RawTerminal(ctx, ctx.terminal(0), 0);
        int fd = ctx.open("/dev/tty", dev.agentos.kernel.vfs.OpenFlags.O_RDWR, 0);
        return new RawTerminal(ctx, ctx.terminal(fd), fd);
    }

    static boolean usable(ProcessContext ctx) {
        return ctx.isatty(1);
    }

    WindowSize size() { return terminal.windowSize(); }

    void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ctx.write(1, b, 0, b.length);
    }

    /** Clears the screen and draws {@code lines} from the top, each cut to the width. */
    void frame(List<String> lines) {
        WindowSize size = size();
        StringBuilder sb = new StringBuilder("\033[H\033[2J");
        int n = Math.min(lines.size(), size.rows());
        for (int i = 0; i < n; i++) {
            String l = lines.get(i);
            sb.append(l.length() > size.cols() ? l.substring(0, size.cols()) : l);
            if (i + 1 < n) sb.append("\r\n");
        }
        write(sb.toString());
    }

    /** The next byte typed, or empty after {@code timeoutMillis} (negative: wait forever); -1 at end of input. */
    OptionalInt key(long timeoutMillis) {
        PollRequest[] r = {new PollRequest(keyFd, Pollable.POLLIN)};
        try {
            if (ctx.poll(r, timeoutMillis) == 0) return OptionalInt.empty();
            byte[] b = new byte[1];
            int n = ctx.read(keyFd, b, 0, 1);
            return OptionalInt.of(n <= 0 ? -1 : b[0] & 0xff);
        } catch (AgentOsException e) {
            if (e.is(Errno.EINTR)) return OptionalInt.empty();
            throw e;
        }
    }

    @Override public void close() {
        terminal.setAttributes(saved);
        if (keyFd != 0) ctx.close(keyFd);
    }
}
