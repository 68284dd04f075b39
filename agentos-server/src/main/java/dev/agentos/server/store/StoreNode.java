package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vnode;
import java.util.List;
import java.util.Optional;

/**
 * An inode of a {@link StoreFileSystem}, held in memory while the actor is awake: the same semantics
 * as the kernel's in-memory files, plus a note to the store of every change so the next commit writes
 * it. Every field is guarded by the store's lock.
 */
abstract sealed class StoreNode implements Vnode permits StoreDirectory, StoreFile, StoreSymlink, StoreSpecial {
    final StoreFileSystem fs;
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

    /** A new inode, made now. */
    StoreNode(StoreFileSystem fs, FileType type, int mode, int uid, int gid) {
        this.fs = fs;
        this.ino = fs.nextIno();
        this.type = type;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        long now = fs.now();
        this.atime = this.mtime = this.ctime = this.birthtime = now;
        fs.changed(this);
        fs.made(this);
    }

    /** An inode read back from its row. */
    StoreNode(StoreFileSystem fs, Rows.Inode row) {
        this.fs = fs;
        this.ino = row.ino();
        this.type = row.type();
        this.mode = row.mode();
        this.uid = row.uid();
        this.gid = row.gid();
        this.nlink = row.nlink();
        this.atime = row.atime();
        this.mtime = row.mtime();
        this.ctime = row.ctime();
        this.birthtime = row.btime();
    }

    /** st_size of this kind of file. */
    abstract long sizeLocked();

    /** Data bytes this inode holds, for the quota. */
    long allocatedLocked() { return 0; }

    /** The row this inode is stored as now. */
    Rows.Inode rowLocked() {
        return new Rows.Inode(ino, type, mode, uid, gid, nlink, sizeLocked(), atime, mtime, ctime, birthtime,
                allocatedLocked(), null);
    }

    /** Whether the database still holds something of this inode that memory does not (so its row must stay). */
    boolean needsStoredDataLocked() { return false; }

    /** The last name of this inode went away: give back what it holds to the quota. */
    void lastLinkGone() {
        fs.quota.releaseInode();
        fs.gone(this);
    }

    /** One name fewer (unlink, or replaced by rename). */
    final void dropLinkLocked(long now) {
        nlink--;
        ctime = now;
        fs.changed(this);
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
            fs.changed(this);
        });
    }

    @Override public void setOwner(int newUid, int newGid) {
        fs.mutate(() -> {
            if (newUid != -1) uid = newUid;
            if (newGid != -1) gid = newGid;
            ctime = fs.now();
            fs.changed(this);
        });
    }

    @Override public void setTimes(long atimeNanos, long mtimeNanos) {
        fs.mutate(() -> {
            if (atimeNanos != Long.MIN_VALUE) atime = atimeNanos;
            if (mtimeNanos != Long.MIN_VALUE) mtime = mtimeNanos;
            ctime = fs.now();
            fs.changed(this);
        });
    }

    @Override public Optional<Vnode> lookup(String name) { throw fail(Errno.ENOTDIR); }
    @Override public List<DirEntry> list() { throw fail(Errno.ENOTDIR); }
    @Override public Vnode create(String name, FileType t, int m, int u, int g) { throw fail(Errno.ENOTDIR); }
    @Override public Vnode symlink(String name, String target, int u, int g) { throw fail(Errno.ENOTDIR); }
    @Override public void link(String name, Vnode target) { throw fail(Errno.ENOTDIR); }
    @Override public void unlink(String name) { throw fail(Errno.ENOTDIR); }
    @Override public void rmdir(String name) { throw fail(Errno.ENOTDIR); }
    @Override public void rename(String name, Vnode newParent, String newName) { throw fail(Errno.ENOTDIR); }

    @Override public String readlink() { throw fail(Errno.EINVAL); }

    @Override public int read(long position, byte[] buf, int off, int len) { throw fail(Errno.EINVAL); }
    @Override public void write(long position, byte[] buf, int off, int len) { throw fail(Errno.EINVAL); }
    @Override public void truncate(long size) { throw fail(Errno.EINVAL); }

    /** fsync: returns once this store's changes so far are committed. */
    @Override public void sync() { fs.awaitDurable(); }

    /** A writer's last close: the promise is that a closed file is durable. */
    @Override public void writerClosed() { fs.awaitDurable(); }

    static AgentOsException fail(Errno errno) {
        return AgentOsException.errnoDetail(errno, "store file system");
    }

    @Override public String toString() { return type + "#" + ino; }
}
