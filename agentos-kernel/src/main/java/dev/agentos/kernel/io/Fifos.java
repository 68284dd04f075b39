package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FifoOpener;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vnode;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named pipes: the VFS hands every open(2) of a FIFO node here. Each FIFO vnode gets one pipe while
 * any description of it is open; when the last one closes the pipe and its unread data go away, as on
 * Linux.
 */
public final class Fifos implements FifoOpener {
    // Keyed by identity: a vnode is the inode, and two vnodes with equal contents are different FIFOs.
    private final Map<Vnode, PipeInode> pipes = new IdentityHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // held briefly, never across a wait

    @Override public FileDescription open(Vnode fifo, int flags, String path) {
        boolean nonBlocking = (flags & OpenFlags.O_NONBLOCK) != 0;
        PipeEnd end;
        lock.lock();
        try {
            PipeInode inode = pipes.get(fifo);
            if ((flags & OpenFlags.O_ACCMODE) == OpenFlags.O_WRONLY && nonBlocking
                    && (inode == null || !inode.hasReaders())) {
                throw AgentOsException.errno(Errno.ENXIO, "open", path);
            }
            if (inode == null) {
                PipeInode created = new PipeInode(Pipe.DEFAULT_CAPACITY);
                created.onIdle(() -> forget(fifo, created));
                pipes.put(fifo, created);
                inode = created;
            }
            end = inode.open(flags, fifo::stat, path);
        } finally {
            lock.unlock();
        }
        if (nonBlocking) return end;
        try {
            end.awaitPartner();
        } catch (AgentOsException e) {
            end.close();
            throw AgentOsException.errno(Errno.EINTR, "open", path);
        }
        return end;
    }

    /** FIFOs with a pipe now (for tests and /proc). */
    int activeCount() {
        lock.lock();
        try { return pipes.size(); } finally { lock.unlock(); }
    }

    private void forget(Vnode fifo, PipeInode inode) {
        lock.lock();
        try {
            // An open may have attached again between the release and this call: keep the pipe then.
            if (pipes.get(fifo) == inode && inode.isIdle()) pipes.remove(fifo);
        } finally {
            lock.unlock();
        }
    }
}
