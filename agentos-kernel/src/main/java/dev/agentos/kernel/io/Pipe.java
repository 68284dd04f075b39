package dev.agentos.kernel.io;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.concurrent.atomic.AtomicLong;

/** An anonymous pipe, as pipe(2) makes: a read end and a write end over one bounded buffer. */
public final class Pipe {
    /** Linux's default pipe size. */
    public static final int DEFAULT_CAPACITY = 64 * 1024;
    /** pipefs's device number: every pipe lives on one anonymous filesystem. */
    private static final long PIPEFS_DEV = 12;
    private static final AtomicLong INODES = new AtomicLong(1000);

    private final long ino;
    private final FileDescription readEnd;
    private final FileDescription writeEnd;

    private Pipe(int capacity) {
        ino = INODES.incrementAndGet();
        long now = System.currentTimeMillis() * 1_000_000L;
        FileStat stat = new FileStat(PIPEFS_DEV, ino, FileType.FIFO, 0600, 1, Credentials.AGENTOS.uid(),
                Credentials.AGENTOS.gid(), 0, 0, now, now, now, now);
        String name = "pipe:[" + ino + "]";
        PipeInode inode = new PipeInode(capacity);
        readEnd = inode.open(OpenFlags.O_RDONLY, () -> stat, name);
        writeEnd = inode.open(OpenFlags.O_WRONLY, () -> stat, name);
    }

    /** A pipe of {@link #DEFAULT_CAPACITY} bytes. */
    public static Pipe create() { return new Pipe(DEFAULT_CAPACITY); }

    /** A pipe holding at most {@code capacity} unread bytes (F_SETPIPE_SZ). */
    public static Pipe create(int capacity) { return new Pipe(capacity); }

    /** The read end, holding one reference for the caller. */
    public FileDescription readEnd() { return readEnd; }

    /** The write end, holding one reference for the caller. */
    public FileDescription writeEnd() { return writeEnd; }

    /** The inode number shown as {@code pipe:[ino]}. */
    public long ino() { return ino; }
}
