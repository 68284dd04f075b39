package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.function.Supplier;

/** One open description of a pipe or FIFO: a read end, a write end, or both (a FIFO opened O_RDWR). */
final class PipeEnd extends AbstractFileDescription {
    private final PipeInode inode;
    private final Supplier<FileStat> stat;
    private final String name;
    private final boolean readable;
    private final boolean writable;
    private final long hupAfterWriterOpens;

    PipeEnd(PipeInode inode, int flags, Supplier<FileStat> stat, String name, long hupAfterWriterOpens) {
        super(flags);
        this.inode = inode;
        this.stat = stat;
        this.name = name;
        this.readable = OpenFlags.readable(flags);
        this.writable = OpenFlags.writable(flags);
        this.hupAfterWriterOpens = hupAfterWriterOpens;
    }

    boolean readable() { return readable; }

    boolean writable() { return writable; }

    boolean isNonBlocking() { return nonBlocking(); }

    /** POLLHUP stays hidden while the pipe's writer-open count equals this (-1: never hidden). */
    long hupAfterWriterOpens() { return hupAfterWriterOpens; }

    /** Blocks a FIFO open until the other side comes. */
    void awaitPartner() { inode.awaitPartner(this); }

    @Override public int read(byte[] buf, int off, int len) {
        if (!readable) throw AgentOsException.errnoDetail(Errno.EBADF, "read");
        return inode.read(this, buf, off, len);
    }

    @Override public int write(byte[] buf, int off, int len) {
        if (!writable) throw AgentOsException.errnoDetail(Errno.EBADF, "write");
        return inode.write(this, buf, off, len);
    }

    @Override public int readyOps() { return inode.readyOps(this); }

    @Override public FileStat stat() { return stat.get(); }

    @Override public String describe() { return name; }

    @Override protected void release() { inode.release(this); }
}
