package dev.agentos.server.store;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vnode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A directory of a {@link StoreFileSystem}: names to inodes in the order they were made (each entry
 * keeps its position number, so a listing reads the same after a restart). nlink is 2 plus one per
 * subdirectory.
 */
final class StoreDirectory extends StoreNode {
    /** One name: the inode and the entry's position in listings. */
    record Link(StoreNode node, long pos) {}

    private final LinkedHashMap<String, Link> entries = new LinkedHashMap<>();
    /** False for a directory read back from its row until its entries are read (first use). */
    private volatile boolean loaded;

    StoreDirectory(StoreFileSystem fs, int mode, int uid, int gid) {
        super(fs, FileType.DIRECTORY, mode, uid, gid);
        nlink = 2;
        loaded = true;
    }

    StoreDirectory(StoreFileSystem fs, Rows.Inode row) {
        super(fs, row);
    }

    @Override long sizeLocked() { return FileStat.BLOCK_SIZE; }

    /** Reads the entries from the database if not yet done; the write lock is held. */
    private void loadLocked() {
        if (loaded) return;
        fs.loadEntries(this);
        loaded = true;
    }

    /** For readers: the entries must be in memory before the read lock is enough. */
    private void ensureLoaded() {
        if (!loaded) fs.underWriteLock(this::loadLocked);
    }

    boolean isEmptyLocked() {
        loadLocked();
        return entries.isEmpty();
    }

    Link entryLocked(String name) {
        loadLocked();
        return entries.get(name);
    }

    /** Adds an entry read back from the database (loading, before anyone sees the tree). */
    void restore(String name, StoreNode node, long pos) { entries.put(name, new Link(node, pos)); }

    @Override public Optional<Vnode> lookup(String name) {
        ensureLoaded();
        return fs.read(() -> {
            Link l = entries.get(name);
            return Optional.ofNullable(l == null ? null : l.node());
        });
    }

    @Override public List<DirEntry> list() {
        ensureLoaded();
        return fs.read(() -> {
            List<DirEntry> out = new ArrayList<>(entries.size());
            for (Map.Entry<String, Link> e : entries.entrySet()) {
                out.add(new DirEntry(e.getKey(), e.getValue().node().ino, e.getValue().node().type));
            }
            return out;
        });
    }

    @Override public Vnode create(String name, FileType type, int mode, int uid, int gid) {
        checkName(name);
        return fs.mutate(() -> {
            loadLocked();
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            fs.quota.reserveInode();
            StoreNode node = switch (type) {
                case REGULAR -> new StoreFile(fs, mode, uid, gid);
                case DIRECTORY -> new StoreDirectory(fs, mode, uid, gid);
                case FIFO, SOCKET, CHAR_DEVICE -> new StoreSpecial(fs, type, mode, uid, gid);
                case SYMLINK -> throw fail(Errno.EINVAL);
            };
            if (node instanceof StoreDirectory) {
                nlink++;
            } else {
                node.nlink = 1;
            }
            add(name, node);
            return node;
        });
    }

    @Override public Vnode symlink(String name, String target, int uid, int gid) {
        checkName(name);
        return fs.mutate(() -> {
            loadLocked();
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            fs.quota.reserveInode();
            StoreSymlink link = new StoreSymlink(fs, target, uid, gid);
            link.nlink = 1;
            add(name, link);
            return link;
        });
    }

    @Override public void link(String name, Vnode target) {
        checkName(name);
        if (!(target instanceof StoreNode node) || node.fs != fs) throw fail(Errno.EXDEV);
        if (node.type == FileType.DIRECTORY) throw fail(Errno.EPERM);
        fs.mutate(() -> {
            loadLocked();
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            if (node.nlink == 0) throw fail(Errno.ENOENT);
            node.nlink++;
            node.ctime = fs.now();
            fs.changed(node);
            add(name, node);
        });
    }

    @Override public void unlink(String name) {
        fs.mutate(() -> {
            loadLocked();
            Link l = entries.get(name);
            if (l == null) throw fail(Errno.ENOENT);
            if (l.node().type == FileType.DIRECTORY) throw fail(Errno.EISDIR);
            remove(name);
            long now = fs.now();
            l.node().dropLinkLocked(now);
            touch(now);
        });
    }

    @Override public void rmdir(String name) {
        fs.mutate(() -> {
            loadLocked();
            Link l = entries.get(name);
            if (l == null) throw fail(Errno.ENOENT);
            if (!(l.node() instanceof StoreDirectory dir)) throw fail(Errno.ENOTDIR);
            if (!dir.isEmptyLocked()) throw fail(Errno.ENOTEMPTY);
            remove(name);
            removeDirectoryLocked(dir);
        });
    }

    @Override public void rename(String name, Vnode newParent, String newName) {
        checkName(newName);
        if (!(newParent instanceof StoreDirectory dest) || dest.fs != fs) throw fail(Errno.EXDEV);
        fs.mutate(() -> {
            loadLocked();
            dest.loadLocked();
            Link moving = entries.get(name);
            if (moving == null) throw fail(Errno.ENOENT);
            Link replaced = dest.entries.get(newName);
            if (replaced != null && replaced.node() == moving.node()) return; // two links to one inode
            if (replaced != null) {
                if (replaced.node() instanceof StoreDirectory rd) {
                    if (!(moving.node() instanceof StoreDirectory)) throw fail(Errno.EISDIR);
                    if (!rd.isEmptyLocked()) throw fail(Errno.ENOTEMPTY);
                } else if (moving.node() instanceof StoreDirectory) {
                    throw fail(Errno.ENOTDIR);
                }
            }
            long now = fs.now();
            remove(name);
            if (replaced != null) {
                if (replaced.node() instanceof StoreDirectory rd) dest.removeDirectoryLocked(rd);
                else replaced.node().dropLinkLocked(now);
            }
            // A replaced name keeps its place in the listing, as the in-memory file system's does.
            long pos = replaced != null ? replaced.pos() : fs.nextPos();
            dest.entries.put(newName, new Link(moving.node(), pos));
            fs.entryChanged(dest.ino, newName);
            if (moving.node().type == FileType.DIRECTORY && dest != this) {
                nlink--;
                dest.nlink++;
            }
            moving.node().ctime = now;
            fs.changed(moving.node());
            touch(now);
            dest.touch(now);
        });
    }

    private void removeDirectoryLocked(StoreDirectory dir) {
        long now = fs.now();
        dir.nlink = 0;
        dir.ctime = now;
        fs.changed(dir);
        dir.lastLinkGone();
        nlink--;
        touch(now);
    }

    private void add(String name, StoreNode node) {
        entries.put(name, new Link(node, fs.nextPos()));
        fs.entryChanged(ino, name);
        touch(node.ctime);
    }

    private void remove(String name) {
        entries.remove(name);
        fs.entryChanged(ino, name);
    }

    private void touch(long now) {
        mtime = ctime = now;
        fs.changed(this);
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw fail(Errno.EINVAL);
        }
    }
}
