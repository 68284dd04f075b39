package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.util.List;
import java.util.Optional;

/**
 * An inode of a {@link MemoryFileSystem}: attributes common to every kind of file. Subclasses add
 * what their kind holds; operations a kind does not support fail as Linux would. Every field is
 * guarded by the file system's lock.
 */
abstract sealed class MemoryNode implements Vnode
        permits MemoryDirectory, MemoryFile, MemorySymlink, MemorySpecialNode {
    final MemoryFileSystem fs;
    final long ino;
    final FileType type;
    int mode;
    int uid;
    int gid;
    int nlink;
    long atime;
    long mtime;
    long ctime;
    final long birthtime;

    MemoryNode(MemoryFileSystem fs, FileType type, int mode, int uid, int gid) {
        this.fs = fs;
        this.ino = fs.nextIno();
        this.type = type;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        long now = fs.now();
        this.atime = this.mtime = this.ctime = this.birthtime = now;
    }

    /** st_size of this kind of file. */
    abstract long sizeLocked();

    /** The last name of this inode went away: give back what it holds to the quota. */
    void lastLinkGone() { fs.quota.releaseInode(); }

    /** One name fewer (unlink, or replaced by rename). */
    final void dropLinkLocked(long now) {
        nlink--;
        ctime = now;
        if (nlink == 0) lastLinkGone();
    }

    @Override public FileStat stat() {
        return fs.read(() -> new FileStat(0, ino, type, mode, nlink, uid, gid, 0, sizeLocked(),
                atime, mtime, ctime, birthtime));
    }

    @Override public void setMode(int newMode) {
        fs.mutate(() -> {
            mode = newMode & 07777;
            ctime = fs.now();
        });
    }

    @Override public void setOwner(int newUid, int newGid) {
        fs.mutate(() -> {
            if (newUid != -1) uid = newUid;
            if (newGid != -1) gid = newGid;
            ctime = fs.now();
        });
    }

    @Override public void setTimes(long atimeNanos, long mtimeNanos) {
        fs.mutate(() -> {
            if (atimeNanos != Long.MIN_VALUE) atime = atimeNanos;
            if (mtimeNanos != Long.MIN_VALUE) mtime = mtimeNanos;
            ctime = fs.now();
        });
    }

    // Directory operations on a non-directory: ENOTDIR, as Linux says when a path walks through a file.
    @Override public Optional<Vnode> lookup(String name) { throw fail(Errno.ENOTDIR); }
    @Override public List<DirEntry> list() { throw fail(Errno.ENOTDIR); }
    @Override public Vnode create(String name, FileType t, int m, int u, int g) { throw fail(Errno.ENOTDIR); }
    @Override public Vnode symlink(String name, String target, int u, int g) { throw fail(Errno.ENOTDIR); }
    @Override public void link(String name, Vnode target) { throw fail(Errno.ENOTDIR); }
    @Override public void unlink(String name) { throw fail(Errno.ENOTDIR); }
    @Override public void rmdir(String name) { throw fail(Errno.ENOTDIR); }
    @Override public void rename(String name, Vnode newParent, String newName) { throw fail(Errno.ENOTDIR); }

    @Override public String readlink() { throw fail(Errno.EINVAL); }

    // Data operations on a non-regular file.
    @Override public int read(long position, byte[] buf, int off, int len) { throw fail(Errno.EINVAL); }
    @Override public void write(long position, byte[] buf, int off, int len) { throw fail(Errno.EINVAL); }
    @Override public void truncate(long size) { throw fail(Errno.EINVAL); }

    static AgentOsException fail(Errno errno) {
        return AgentOsException.errnoDetail(errno, "memory file system");
    }

    @Override public String toString() { return type + "#" + ino; }
}
