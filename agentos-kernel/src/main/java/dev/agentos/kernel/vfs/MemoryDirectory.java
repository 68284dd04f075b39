package dev.agentos.kernel.vfs;

import dev.agentos.kernel.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A directory of a {@link MemoryFileSystem}: names to inodes in insertion order, so readdir is stable.
 * nlink is 2 plus one per subdirectory (each subdirectory's ".." links back here).
 */
final class MemoryDirectory extends MemoryNode {
    private final LinkedHashMap<String, MemoryNode> entries = new LinkedHashMap<>();

    MemoryDirectory(MemoryFileSystem fs, int mode, int uid, int gid) {
        super(fs, FileType.DIRECTORY, mode, uid, gid);
        nlink = 2;
    }

    @Override long sizeLocked() { return FileStat.BLOCK_SIZE; }

    boolean isEmptyLocked() { return entries.isEmpty(); }

    @Override public Optional<Vnode> lookup(String name) {
        return fs.read(() -> Optional.ofNullable(entries.get(name)));
    }

    @Override public List<DirEntry> list() {
        return fs.read(() -> {
            List<DirEntry> out = new ArrayList<>(entries.size());
            for (Map.Entry<String, MemoryNode> e : entries.entrySet()) {
                out.add(new DirEntry(e.getKey(), e.getValue().ino, e.getValue().type));
            }
            return out;
        });
    }

    @Override public Vnode create(String name, FileType type, int mode, int uid, int gid) {
        checkName(name);
        return fs.mutate(() -> {
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            fs.quota.reserveInode();
            MemoryNode node = switch (type) {
                case REGULAR -> new MemoryFile(fs, mode, uid, gid);
                case DIRECTORY -> new MemoryDirectory(fs, mode, uid, gid);
                case FIFO, SOCKET, CHAR_DEVICE -> new MemorySpecialNode(fs, type, mode, uid, gid);
                case SYMLINK -> throw fail(Errno.EINVAL); // symlinks need a target: symlink()
            };
            if (node instanceof MemoryFile || node instanceof MemorySpecialNode) node.nlink = 1;
            if (type == FileType.DIRECTORY) nlink++;
            add(name, node);
            return node;
        });
    }

    @Override public Vnode symlink(String name, String target, int uid, int gid) {
        checkName(name);
        return fs.mutate(() -> {
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            fs.quota.reserveInode();
            MemorySymlink link = new MemorySymlink(fs, target, uid, gid);
            link.nlink = 1;
            add(name, link);
            return link;
        });
    }

    @Override public void link(String name, Vnode target) {
        checkName(name);
        if (!(target instanceof MemoryNode node) || node.fs != fs) throw fail(Errno.EXDEV);
        if (node.type == FileType.DIRECTORY) throw fail(Errno.EPERM);
        fs.mutate(() -> {
            if (entries.containsKey(name)) throw fail(Errno.EEXIST);
            if (node.nlink == 0) throw fail(Errno.ENOENT); // linkat of an unlinked file: Linux says ENOENT
            node.nlink++;
            node.ctime = fs.now();
            add(name, node);
        });
    }

    @Override public void unlink(String name) {
        fs.mutate(() -> {
            MemoryNode node = entries.get(name);
            if (node == null) throw fail(Errno.ENOENT);
            if (node.type == FileType.DIRECTORY) throw fail(Errno.EISDIR);
            entries.remove(name);
            long now = fs.now();
            node.dropLinkLocked(now);
            mtime = ctime = now;
        });
    }

    @Override public void rmdir(String name) {
        fs.mutate(() -> {
            MemoryNode node = entries.get(name);
            if (node == null) throw fail(Errno.ENOENT);
            if (!(node instanceof MemoryDirectory dir)) throw fail(Errno.ENOTDIR);
            if (!dir.isEmptyLocked()) throw fail(Errno.ENOTEMPTY);
            entries.remove(name);
            removeDirectoryLocked(dir);
        });
    }

    @Override public void rename(String name, Vnode newParent, String newName) {
        checkName(newName);
        if (!(newParent instanceof MemoryDirectory dest) || dest.fs != fs) throw fail(Errno.EXDEV);
        fs.mutate(() -> {
            MemoryNode moving = entries.get(name);
            if (moving == null) throw fail(Errno.ENOENT);
            MemoryNode replaced = dest.entries.get(newName);
            if (replaced == moving) return; // two links to one inode: rename(2) does nothing
            if (replaced != null) {
                if (replaced instanceof MemoryDirectory rd) {
                    if (!(moving instanceof MemoryDirectory)) throw fail(Errno.EISDIR);
                    if (!rd.isEmptyLocked()) throw fail(Errno.ENOTEMPTY);
                } else if (moving instanceof MemoryDirectory) {
                    throw fail(Errno.ENOTDIR);
                }
            }
            long now = fs.now();
            entries.remove(name);
            if (replaced != null) {
                // The put below swaps the entry in one step under the write lock: readers see the
                // old file or the new one, never neither.
                if (replaced instanceof MemoryDirectory rd) dest.removeDirectoryLocked(rd);
                else replaced.dropLinkLocked(now);
            }
            dest.entries.put(newName, moving);
            if (moving.type == FileType.DIRECTORY && dest != this) {
                nlink--;
                dest.nlink++;
            }
            moving.ctime = now;
            mtime = ctime = now;
            dest.mtime = dest.ctime = now;
        });
    }

    /** Bookkeeping for a subdirectory whose entry is gone (rmdir, or replaced by rename). */
    private void removeDirectoryLocked(MemoryDirectory dir) {
        long now = fs.now();
        dir.nlink = 0;
        dir.ctime = now;
        dir.lastLinkGone();
        nlink--;
        mtime = ctime = now;
    }

    private void add(String name, MemoryNode node) {
        entries.put(name, node);
        mtime = ctime = node.ctime;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw fail(Errno.EINVAL);
        }
    }
}
