package dev.agentos.kernel.tty;

import dev.agentos.kernel.io.AbstractFileDescription;
import dev.agentos.kernel.io.Devices;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.Optional;

/** One open description of /dev/pts/N: the terminal a shell reads commands from and writes output to. */
final class PtySlave extends AbstractFileDescription {
    private final Pty pty;
    private final FileStat stat;

    PtySlave(Pty pty, int flags, long nowNanos) {
        super(flags);
        this.pty = pty;
        // devpts numbers pts/N as inode N+3 (1 is the root, 2 is ptmx)
        this.stat = new FileStat(Pty.DEVPTS_DEV, pty.index() + 3L, FileType.CHAR_DEVICE, 0620, 1, Pty.OWNER_UID,
                Pty.TTY_GID, Devices.makedev(136, pty.index()), 0, nowNanos, nowNanos, nowNanos, nowNanos);
    }

    @Override public int read(byte[] buf, int off, int len) { return pty.slaveRead(buf, off, len, nonBlocking()); }

    @Override public int write(byte[] buf, int off, int len) { return pty.slaveWrite(buf, off, len, nonBlocking()); }

    @Override public int readyOps() { return pty.slaveReadyOps(); }

    @Override public FileStat stat() { return stat; }

    @Override public Optional<Terminal> terminal() { return Optional.of(pty.terminal()); }

    @Override public String describe() { return pty.terminal().name(); }

    @Override protected void release() { pty.slaveReleased(this); }

    void notifyReadiness() { fireReadiness(); }
}
