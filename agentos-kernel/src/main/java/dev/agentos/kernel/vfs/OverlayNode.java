package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file of an {@link OverlayFileSystem}: its upper-layer vnode (once created or copied up) and the
 * lower-layer vnode it shadows. Nodes are made on lookup and not cached, so a VM that only reads
 * holds nothing; the inode number derives from the layers (lower's when there is one, so a copy-up
 * does not change it), which keeps it stable across lookups.
 */
final class OverlayNode implements Vnode, AtomicAppend {
    /** Marks an upper directory that hides the lower one of the same name (deleted and re-created). */
    static final String OPAQUE = ".wh..wh..opq";
    /** Scratch directory in the upper root where copies are built before they are renamed into place. */
    static final String WORK = ".wh..wh..work";

    private final OverlayFileSystem fs;
    private final OverlayNode parent;
    private final String name;
    private final Vnode lower;
    private final FileType type;
    private final long ino;
    private volatile Vnode upper;
    private volatile long seenCopyUps = -1;

    private OverlayNode(OverlayFileSystem fs, OverlayNode parent, String name, Vnode upper, Vnode lower,
                        FileType type, long ino) {
        this.fs = fs;
        this.parent = parent;
        this.name = name;
        this.upper = upper;
        this.lower = lower;
        this.type = type;
        this.ino = ino;
    }

    static OverlayNode root(OverlayFileSystem fs, Vnode upperRoot, Vnode lowerRoot) {
        return of(fs, null, "", upperRoot, lowerRoot);
    }

    /** A node over these layers; a lower file of another kind is unrelated and dropped. */
    private static OverlayNode of(OverlayFileSystem fs, OverlayNode parent, String name, Vnode up, Vnode lo) {
        FileStat us = up == null ? null : up.stat();
        FileStat ls = lo == null ? null : lo.stat();
        if (us != null && ls != null && us.type() != ls.type()) {
            lo = null;
            ls = null;
        }
        FileType type = us != null ? us.type() : ls.type();
        // Lower numbers even, upper-only odd: distinct files never share a number, and a copied-up
        // file keeps its lower number.
        long ino = ls != null ? ls.ino() << 1 : (us.ino() << 1) | 1;
        return new OverlayNode(fs, parent, name, up, lo, type, ino);
    }

    // ---- layers ----

    /** The upper vnode, noticing a copy-up another node object made since this one was looked up. */
    private Vnode upper() {
        Vnode u = upper;
        if (u != null || parent == null) return u;
        long generation = fs.copyUps.get();
        if (generation != seenCopyUps) {
            seenCopyUps = generation;
            Vnode parentUpper = parent.upper();
            if (parentUpper != null) {
                Vnode found = parentUpper.lookup(name).orElse(null);
                if (found != null && !isWhiteout(found) && found.stat().type() == type) {
                    upper = found;
                    return found;
                }
            }
        }
        return null;
    }

    private Vnode top() {
        Vnode u = upper();
        return u != null ? u : lower;
    }

    /** The upper vnode, copying this file (and its parents, shallow) up first if needed. */
    Vnode ensureUpper() {
        Vnode u = upper();
        if (u != null) return u;
        fs.structure.lock();
        try {
            u = upper();
            if (u != null) return u;
            Vnode parentUpper = parent.ensureUpper();
            Vnode existing = parentUpper.lookup(name).orElse(null);
            if (existing != null && !isWhiteout(existing) && existing.stat().type() == type) {
                upper = existing;
                return existing;
            }
            if (type == FileType.CHAR_DEVICE) throw fail(Errno.EOPNOTSUPP); // char devices in the upper are whiteouts
            Vnode work = workDir();
            String temp = tempName();
            // Built aside and renamed in, so a concurrent reader never sees a half-copied file.
            Vnode copy = CopyUp.copy(lower, work, temp);
            if (existing == null) {
                work.rename(temp, parentUpper, name);
            } else if (type == FileType.DIRECTORY) {
                work.rmdir(temp);
                throw fail(Errno.ENOENT);
            } else {
                // This node outlived its name (deleted, maybe replaced): like an unlinked open file,
                // it gets a private copy with no name.
                work.unlink(temp);
            }
            upper = copy;
            fs.copyUps.incrementAndGet();
            return copy;
        } finally {
            fs.structure.unlock();
        }
    }

    private Vnode workDir() {
        Vnode root = fs.upper.root();
        return root.lookup(WORK).orElseGet(() -> root.create(WORK, FileType.DIRECTORY, 0700, 0, 0));
    }

    private String tempName() { return "t" + fs.orphanNames.incrementAndGet(); }

    private static boolean isWhiteout(Vnode v) { return v.stat().type() == FileType.CHAR_DEVICE; }

    private static boolean isOpaque(Vnode upperDir) { return upperDir.lookup(OPAQUE).isPresent(); }

    private static boolean reserved(String name) { return name.equals(OPAQUE) || name.equals(WORK); }

    /** Whether the lower directory shows through this one: it exists and this one is not opaque. */
    private boolean merging(Vnode u) { return lower != null && (u == null || !isOpaque(u)); }

    /** The lower file under {@code name} that this directory lets through (even if whited out above). */
    private Vnode lowerChild(String childName) {
        return merging(upper()) ? lower.lookup(childName).orElse(null) : null;
    }

    private static void whiteout(Vnode upperDir, String name) {
        upperDir.create(name, FileType.CHAR_DEVICE, 0, 0, 0);
    }

    /** Empties an upper directory of whiteouts and the opaque mark, so the layer below can rmdir it. */
    private static void purge(Vnode upperDir) {
        for (DirEntry e : upperDir.list()) upperDir.unlink(e.name());
    }

    // ---- attributes ----

    @Override public FileStat stat() { return Stats.withIno(top().stat(), ino); }

    @Override public void setMode(int mode) { ensureUpper().setMode(mode); }

    @Override public void setOwner(int uid, int gid) { ensureUpper().setOwner(uid, gid); }

    @Override public void setTimes(long atimeNanos, long mtimeNanos) { ensureUpper().setTimes(atimeNanos, mtimeNanos); }

    // ---- directories ----

    @Override public Optional<Vnode> lookup(String childName) {
        requireDirectory();
        if (reserved(childName)) return Optional.empty();
        Vnode u = upper();
        Vnode up = null;
        if (u != null) {
            up = u.lookup(childName).orElse(null);
            if (up != null && isWhiteout(up)) return Optional.empty();
        }
        Vnode lo = merging(u) ? lower.lookup(childName).orElse(null) : null;
        if (up == null && lo == null) return Optional.empty();
        return Optional.of(of(fs, this, childName, up, lo));
    }

    @Override public List<DirEntry> list() {
        requireDirectory();
        Vnode u = upper();
        Map<String, DirEntry> above = new LinkedHashMap<>();
        if (u != null) for (DirEntry e : u.list()) if (!reserved(e.name())) above.put(e.name(), e);
        List<DirEntry> out = new ArrayList<>();
        // Lower order first, so a copy-up does not move a name in the listing.
        if (merging(u)) {
            for (DirEntry below : lower.list()) {
                DirEntry a = above.remove(below.name());
                if (a == null) out.add(new DirEntry(below.name(), below.ino() << 1, below.type()));
                else if (a.type() == FileType.CHAR_DEVICE) continue; // whiteout
                else if (a.type() == below.type()) out.add(new DirEntry(a.name(), below.ino() << 1, a.type()));
                else out.add(new DirEntry(a.name(), (a.ino() << 1) | 1, a.type()));
            }
        }
        for (DirEntry a : above.values()) {
            if (a.type() != FileType.CHAR_DEVICE) out.add(new DirEntry(a.name(), (a.ino() << 1) | 1, a.type()));
        }
        return out;
    }

    @Override public Vnode create(String childName, FileType childType, int mode, int uid, int gid) {
        checkName(childName);
        if (childType == FileType.CHAR_DEVICE) throw fail(Errno.EPERM);
        return createWith(childName, dir -> {
            Vnode made = dir.create(childName, childType, mode, uid, gid);
            return made;
        });
    }

    @Override public Vnode symlink(String childName, String target, int uid, int gid) {
        checkName(childName);
        return createWith(childName, dir -> dir.symlink(childName, target, uid, gid));
    }

    @Override public void link(String childName, Vnode target) {
        checkName(childName);
        if (!(target instanceof OverlayNode t) || t.fs != fs) throw fail(Errno.EXDEV);
        if (t.type == FileType.DIRECTORY) throw fail(Errno.EPERM);
        createWith(childName, dir -> {
            dir.link(childName, t.ensureUpper());
            return dir.lookup(childName).orElseThrow();
        });
    }

    private interface UpperCreation { Vnode make(Vnode upperDir); }

    private Vnode createWith(String childName, UpperCreation creation) {
        requireDirectory();
        fs.structure.lock();
        try {
            if (lookup(childName).isPresent()) throw fail(Errno.EEXIST);
            Vnode dir = ensureUpper();
            Vnode hidden = lowerChild(childName); // present only if whited out, since lookup found nothing
            dir.lookup(childName).ifPresent(w -> dir.unlink(childName)); // the whiteout
            Vnode made = creation.make(dir);
            if (hidden != null && made.stat().type() == FileType.DIRECTORY) whiteout(made, OPAQUE);
            return of(fs, this, childName, made, hidden);
        } finally {
            fs.structure.unlock();
        }
    }

    @Override public void unlink(String childName) {
        requireDirectory();
        fs.structure.lock();
        try {
            OverlayNode child = (OverlayNode) lookup(childName).orElseThrow(() -> fail(Errno.ENOENT));
            if (child.type == FileType.DIRECTORY) throw fail(Errno.EISDIR);
            Vnode dir = ensureUpper();
            if (lowerChild(childName) != null) {
                // Whiteout built aside and renamed over the name: readers see the file or nothing.
                Vnode work = workDir();
                String temp = tempName();
                whiteout(work, temp);
                work.rename(temp, dir, childName);
            } else {
                dir.unlink(childName);
            }
        } finally {
            fs.structure.unlock();
        }
    }

    @Override public void rmdir(String childName) {
        requireDirectory();
        fs.structure.lock();
        try {
            OverlayNode child = (OverlayNode) lookup(childName).orElseThrow(() -> fail(Errno.ENOENT));
            if (child.type != FileType.DIRECTORY) throw fail(Errno.ENOTDIR);
            if (!child.list().isEmpty()) throw fail(Errno.ENOTEMPTY);
            Vnode dir = ensureUpper();
            boolean below = lowerChild(childName) != null;
            Vnode childUpper = child.upper();
            if (childUpper != null) {
                purge(childUpper);
                dir.rmdir(childName);
            }
            if (below) whiteout(dir, childName);
        } finally {
            fs.structure.unlock();
        }
    }

    @Override public void rename(String childName, Vnode newParent, String newName) {
        requireDirectory();
        checkName(newName);
        if (!(newParent instanceof OverlayNode dest) || dest.fs != fs) throw fail(Errno.EXDEV);
        fs.structure.lock();
        try {
            OverlayNode moving = (OverlayNode) lookup(childName).orElseThrow(() -> fail(Errno.ENOENT));
            OverlayNode replaced = (OverlayNode) dest.lookup(newName).orElse(null);
            if (replaced != null) {
                if (replaced.ino == moving.ino) return;
                boolean movingDir = moving.type == FileType.DIRECTORY;
                boolean replacedDir = replaced.type == FileType.DIRECTORY;
                if (replacedDir && !movingDir) throw fail(Errno.EISDIR);
                if (!replacedDir && movingDir) throw fail(Errno.ENOTDIR);
                if (replacedDir && !replaced.list().isEmpty()) throw fail(Errno.ENOTEMPTY);
            }
            if (moving.type == FileType.DIRECTORY) {
                // A directory keeps its merged contents by taking them all along, then hides whatever
                // lower directory has its new name.
                copyUpTree(moving);
                Vnode movedUpper = moving.ensureUpper();
                if (!isOpaque(movedUpper)) whiteout(movedUpper, OPAQUE);
            } else {
                moving.ensureUpper();
            }
            Vnode from = ensureUpper();
            Vnode to = dest.ensureUpper();
            Vnode atDest = to.lookup(newName).orElse(null);
            if (atDest != null && isWhiteout(atDest)) to.unlink(newName);
            else if (atDest != null && replaced != null && replaced.type == FileType.DIRECTORY) purge(atDest);
            boolean below = lowerChild(childName) != null;
            from.rename(childName, to, newName);
            if (below) whiteout(from, childName);
        } finally {
            fs.structure.unlock();
        }
    }

    private static void copyUpTree(OverlayNode dir) {
        dir.ensureUpper();
        for (DirEntry e : dir.list()) {
            OverlayNode child = (OverlayNode) dir.lookup(e.name()).orElseThrow();
            if (child.type == FileType.DIRECTORY) copyUpTree(child);
            else child.ensureUpper();
        }
    }

    // ---- symlinks and data ----

    @Override public String readlink() { return top().readlink(); }

    @Override public int read(long position, byte[] buf, int off, int len) { return top().read(position, buf, off, len); }

    @Override public void write(long position, byte[] buf, int off, int len) { ensureUpper().write(position, buf, off, len); }

    @Override public long append(byte[] buf, int off, int len) { return Appender.append(ensureUpper(), buf, off, len); }

    @Override public void truncate(long size) { ensureUpper().truncate(size); }

    @Override public Optional<FileDescription> openSpecial(int flags) { return top().openSpecial(flags); }

    @Override public void sync() {
        Vnode u = upper();
        if (u != null) u.sync();
    }

    @Override public void writerClosed() {
        Vnode u = upper();
        if (u != null) u.writerClosed();
    }

    private void requireDirectory() {
        if (type != FileType.DIRECTORY) throw fail(Errno.ENOTDIR);
    }

    private static void checkName(String name) {
        if (reserved(name)) throw fail(Errno.EINVAL); // the layer's own bookkeeping names
    }

    private static AgentOsException fail(Errno errno) {
        return AgentOsException.errnoDetail(errno, "overlay file system");
    }

    @Override public String toString() { return "overlay:" + name + "#" + ino; }
}
