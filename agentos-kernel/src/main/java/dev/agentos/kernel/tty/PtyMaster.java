package dev.agentos.kernel.tty;

import dev.agentos.kernel.io.AbstractFileDescription;
import dev.agentos.kernel.io.Devices;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.Optional;

/** The master side of a PTY (what posix_openpt returns): writes are typed input, reads are the screen. */
final class PtyMaster extends AbstractFileDescription {
    private final Pty pty;
    private final FileStat stat;

    PtyMaster(Pty pty, int flags, long nowNanos) {
        super(flags);
        this.pty = pty;
        // /dev/ptmx: inode 2 of devpts, c 5,2
        this.stat = new FileStat(Pty.DEVPTS_DEV, 2, FileType.CHAR_DEVICE, 0620, 1, Pty.OWNER_UID, Pty.TTY_GID,
                Devices.makedev(5, 2), 0, nowNanos, nowNanos, nowNanos, nowNanos);
    }

    @Override public int read(byte[] buf, int off, int len) { return pty.masterRead(buf, off, len, nonBlocking()); }

    @Override public int write(byte[] buf, int off, int len) { return pty.masterWrite(buf, off, len, nonBlocking()); }

    @Override public int readyOps() { return pty.masterReadyOps(); }

    @Override public FileStat stat() { return stat; }

    @Override public Optional<Terminal> terminal() { return Optional.of(pty.terminal()); }

    @Override public String describe() { return "/dev/ptmx"; }

    @Override protected void release() { pty.masterReleased(); }

    void notifyReadiness() { fireReadiness(); }
}
