package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.AbstractFileDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The open file description of a regular file or directory: the vnode, the shared offset (dup'd
 * descriptors move it together) and, for directories, the readdir cursor. The vnode stays referenced
 * here, so a file unlinked while open stays readable.
 */
final class OpenVnode extends AbstractFileDescription {
    private static final int READDIR_BATCH = 256;

    private final Vnode vnode;
    private final long dev;
    private final String path;
    private final boolean directory;
    private final long parentIno;
    /** Guards position and the readdir cursor; not synchronized so blocked virtual threads unmount. */
    private final ReentrantLock cursor = new ReentrantLock();
    private long position;
    private List<DirEntry> listing;
    private int listed;
    private boolean tellBackendOnClose;

    OpenVnode(Vnode vnode, long dev, String path, boolean directory, long parentIno, int flags) {
        super(flags);
        this.vnode = vnode;
        this.dev = dev;
        this.path = path;
        this.directory = directory;
        this.parentIno = parentIno;
    }

    @Override public int read(byte[] buf, int off, int len) {
        checkReadable("read");
        cursor.lock();
        try {
            int n = io("read", () -> vnode.read(position, buf, off, len));
            if (n > 0) position += n;
            return n;
        } finally {
            cursor.unlock();
        }
    }

    @Override public int pread(long at, byte[] buf, int off, int len) {
        checkReadable("pread");
        if (at < 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "pread");
        return io("pread", () -> vnode.read(at, buf, off, len));
    }

    @Override public int write(byte[] buf, int off, int len) {
        if (!OpenFlags.writable(flags())) throw AgentOsException.errnoDetail(Errno.EBADF, "write");
        if (directory) throw AgentOsException.errnoDetail(Errno.EISDIR, "write");
        cursor.lock();
        try {
            if ((flags() & OpenFlags.O_APPEND) != 0) {
                long at = io("write", () -> Appender.append(vnode, buf, off, len));
                position = at + len;
            } else {
                long at = position;
                io("write", () -> {
                    vnode.write(at, buf, off, len);
                    return null;
                });
                position = at + len;
            }
            return len;
        } finally {
            cursor.unlock();
        }
    }

    @Override public long seek(long offset, int whence) {
        cursor.lock();
        try {
            long base = switch (whence) {
                case 0 -> 0;
                case 1 -> position;
                case 2 -> vnode.stat().size();
                default -> throw AgentOsException.errnoDetail(Errno.EINVAL, "lseek");
            };
            long target = base + offset;
            if (target < 0 || (offset > 0 && target < base)) throw AgentOsException.errnoDetail(Errno.EINVAL, "lseek");
            position = target;
            if (directory && target == 0) listing = null; // rewinddir
            return target;
        } finally {
            cursor.unlock();
        }
    }

    @Override public void truncate(long size) {
        if (!OpenFlags.writable(flags()) || directory) throw AgentOsException.errnoDetail(Errno.EINVAL, "ftruncate");
        if (size < 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "ftruncate");
        io("ftruncate", () -> {
            vnode.truncate(size);
            return null;
        });
    }

    @Override public FileStat stat() { return Stats.withDev(vnode.stat(), dev); }

    @Override public List<DirEntry> readdir() {
        if (!directory) throw AgentOsException.errnoDetail(Errno.ENOTDIR, "getdents");
        cursor.lock();
        try {
            if (listing == null) {
                // One snapshot per pass, so entries added meanwhile cannot make the cursor skip or repeat.
                List<DirEntry> all = new ArrayList<>();
                all.add(new DirEntry(".", vnode.stat().ino(), FileType.DIRECTORY));
                all.add(new DirEntry("..", parentIno, FileType.DIRECTORY));
                all.addAll(io("getdents", vnode::list));
                listing = all;
                listed = 0;
            }
            int end = Math.min(listing.size(), listed + READDIR_BATCH);
            List<DirEntry> batch = List.copyOf(listing.subList(listed, end));
            listed = end;
            return batch;
        } finally {
            cursor.unlock();
        }
    }

    @Override public void sync() { vnode.sync(); }

    @Override public String describe() { return path; }

    @Override public int readyOps() { return POLLIN | POLLOUT; } // files never block

    /**
     * Whether releasing a writable description calls {@link Vnode#writerClosed}: for guest processes,
     * whose close is a durability point. The host API (pid 0) skips it: the server makes an action's
     * changes durable once, at its reply, instead of once per file a {@code writeFiles} touches.
     */
    OpenVnode tellBackendOnClose(boolean tell) {
        this.tellBackendOnClose = tell;
        return this;
    }

    /** Nothing held but the vnode reference, which the GC reclaims; a guest's writer tells the backend it is done. */
    @Override protected void release() {
        if (tellBackendOnClose && !directory && OpenFlags.writable(flags())) vnode.writerClosed();
    }

    private void checkReadable(String syscall) {
        if (!OpenFlags.readable(flags())) throw AgentOsException.errnoDetail(Errno.EBADF, syscall);
        if (directory) throw AgentOsException.errnoDetail(Errno.EISDIR, syscall);
    }

    /** Runs a backend call, rewording its failure for this system call: {@code ENOSPC: ..., write}. */
    private static <T> T io(String syscall, Supplier<T> call) {
        try {
            return call.get();
        } catch (AgentOsException e) {
            if (e.errno().isEmpty()) throw e;
            throw AgentOsException.errnoDetail(e.errno().get(), syscall);
        }
    }
}
