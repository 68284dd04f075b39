package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.Permissions.R;
import static dev.agentos.kernel.vfs.Permissions.W;
import static dev.agentos.kernel.vfs.Permissions.X;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The file system of one VM: a mount table over {@link FileSystemBackend}s and the file system calls
 * with POSIX semantics (path resolution, symlinks, permissions, rename rules). Errors read like
 * Linux's as Node prints them: {@code ENOENT: no such file or directory, open '/x'}.
 */
public final class Vfs {
    /** One row of the mount table, as {@code mount} and {@code df} show it. */
    public record MountInfo(String path, String type, boolean readOnly, FileSystemBackend.FsUsage usage) {}

    private static final int F_OK = 0;

    private final InstantSource clock;
    private final MountTable mounts;
    private final PathResolver resolver;
    private volatile FifoOpener fifoOpener = (fifo, flags, path) -> {
        throw AgentOsException.errnoDetail(Errno.ENXIO, "no FIFO support");
    };

    public Vfs(FileSystemBackend root, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock);
        this.mounts = new MountTable(Objects.requireNonNull(root));
        this.resolver = new PathResolver(mounts);
    }

    // ---- mounts ----

    /** Mounts {@code backend} on the existing directory {@code path}; EBUSY if something is mounted there. */
    public void mount(String path, FileSystemBackend backend, boolean readOnly) {
        sys("mount", path, () -> {
            Location at = existing(resolver.resolve(rootCaller(), path, true));
            if (!at.isDirectory()) throw fail(Errno.ENOTDIR);
            if (at.mountRoot()) throw fail(Errno.EBUSY);
            if (!mounts.add(at.mount(), at.stat().ino(), backend, readOnly, at.path())) throw fail(Errno.EBUSY);
            return null;
        });
    }

    /** Removes the mount at {@code path}: EINVAL if none is there, EBUSY if others hang below it. */
    public void unmount(String path) {
        sys("umount", path, () -> {
            Location at = existing(resolver.resolve(rootCaller(), path, true));
            Mount m = at.mount();
            if (!at.mountRoot() || m.parent == null) throw fail(Errno.EINVAL);
            if (mounts.hasChildren(m)) throw fail(Errno.EBUSY);
            mounts.remove(m);
            m.backend.close();
            return null;
        });
    }

    public List<MountInfo> mounts() {
        List<MountInfo> out = new ArrayList<>();
        for (Mount m : mounts.all()) out.add(new MountInfo(m.path, m.backend.type(), m.readOnly, m.backend.usage()));
        return out;
    }

    /** Sets who opens FIFOs (the pipe implementation); until then opening one fails with ENXIO. */
    public void setFifoOpener(FifoOpener opener) { this.fifoOpener = Objects.requireNonNull(opener); }

    // ---- open ----

    public FileDescription open(Caller c, String path, int flags, int mode) {
        return sys("open", path, () -> {
            boolean create = (flags & OpenFlags.O_CREAT) != 0;
            boolean exclusive = create && (flags & OpenFlags.O_EXCL) != 0;
            boolean noFollow = (flags & OpenFlags.O_NOFOLLOW) != 0;
            Resolution r = resolver.resolve(c, path, !exclusive && !noFollow);
            if (!r.exists()) {
                if (!create) throw fail(Errno.ENOENT);
                if (r.trailingSlash()) throw fail(Errno.EISDIR);
                Location dir = r.parent();
                checkWritable(dir.mount());
                Permissions.check(c.credentials(), dir.stat(), W | X);
                Vnode made = dir.vnode().create(r.name(), FileType.REGULAR, mode & ~c.umask() & 07777,
                        c.credentials().uid(), newGid(c, dir));
                // The creator gets the access it asked for even if the new mode denies it (open(2)).
                return new OpenVnode(made, dir.mount().dev(), childPath(dir, r.name()), false, dir.stat().ino(), flags)
                        .tellBackendOnClose(c.pid() > 0);
            }
            if (exclusive) throw fail(Errno.EEXIST);
            Location t = r.target();
            if (t.isSymlink()) {
                if (t.vnode() instanceof MagicLink magic && !noFollow) return magic.openTarget(flags);
                throw fail(Errno.ELOOP); // O_NOFOLLOW on a symlink
            }
            FileType type = t.stat().type();
            if ((flags & OpenFlags.O_DIRECTORY) != 0 && type != FileType.DIRECTORY) throw fail(Errno.ENOTDIR);
            boolean writing = OpenFlags.writable(flags) || (flags & OpenFlags.O_TRUNC) != 0;
            if (type == FileType.DIRECTORY && (writing || create)) throw fail(Errno.EISDIR);
            if (writing && type == FileType.REGULAR) checkWritable(t.mount());
            int want = (OpenFlags.readable(flags) ? R : 0) | (writing ? W : 0);
            Permissions.check(c.credentials(), t.stat(), want);
            String canonical = t.path();
            switch (type) {
                case FIFO -> { return fifoOpener.open(t.vnode(), flags, canonical); }
                case SOCKET -> throw fail(Errno.ENXIO);
                default -> { }
            }
            var special = t.vnode().openSpecial(flags);
            if (special.isPresent()) return special.get();
            if (type == FileType.CHAR_DEVICE) throw fail(Errno.ENXIO);
            if ((flags & OpenFlags.O_TRUNC) != 0 && type == FileType.REGULAR) t.vnode().truncate(0);
            return new OpenVnode(t.vnode(), t.mount().dev(), canonical, type == FileType.DIRECTORY,
                    t.up().stat().ino(), flags)
                    .tellBackendOnClose(c.pid() > 0);
        });
    }

    // ---- reading metadata ----

    public FileStat stat(Caller c, String path) {
        return sys("stat", path, () -> statOf(existing(resolver.resolve(c, path, true))));
    }

    public FileStat lstat(Caller c, String path) {
        return sys("lstat", path, () -> existing(resolver.resolve(c, path, false)).statWithDev());
    }

    public List<DirEntry> readdir(Caller c, String path) {
        return sys("scandir", path, () -> {
            Location t = existing(resolver.resolve(c, path, true));
            if (!t.isDirectory()) throw fail(Errno.ENOTDIR);
            Permissions.check(c.credentials(), t.stat(), R);
            return t.vnode().list();
        });
    }

    public String readlink(Caller c, String path) {
        return sys("readlink", path, () -> {
            Location t = existing(resolver.resolve(c, path, false));
            if (t.vnode() instanceof CallerLink link) return link.readlink(c);
            if (!t.isSymlink()) throw fail(Errno.EINVAL);
            return t.vnode().readlink();
        });
    }

    /** access(2): false when permission is denied (EACCES, EROFS); other failures throw. */
    public boolean access(Caller c, String path, int mode) {
        try {
            return sys("access", path, () -> {
                Location t = existing(resolver.resolve(c, path, true));
                if (mode == F_OK) return true;
                if ((mode & W) != 0 && t.mount().readOnly && t.stat().type() == FileType.REGULAR) return false;
                return Permissions.allowed(c.credentials(), statOf(t), mode & 7);
            });
        } catch (AgentOsException e) {
            if (e.is(Errno.EACCES)) return false;
            throw e;
        }
    }

    public String realpath(Caller c, String path) {
        return sys("realpath", path, () -> existing(resolver.resolve(c, path, true)).path());
    }

    public FileSystemBackend.FsUsage statfs(Caller c, String path) {
        return sys("statfs", path, () -> existing(resolver.resolve(c, path, true)).mount().backend.usage());
    }

    // ---- creating ----

    public void mkdir(Caller c, String path, int mode) {
        sys("mkdir", path, () -> {
            Resolution r = resolver.resolve(c, path, false);
            if (r.exists() || r.special()) throw fail(Errno.EEXIST);
            Location dir = r.parent();
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            int m = mode & ~c.umask() & 07777;
            if ((dir.stat().mode() & 02000) != 0) m |= 02000; // setgid directories pass the bit on
            dir.vnode().create(r.name(), FileType.DIRECTORY, m, c.credentials().uid(), newGid(c, dir));
            return null;
        });
    }

    /** Creates a FIFO, socket or empty regular file node. */
    public void mknod(Caller c, String path, FileType type, int mode) {
        sys("mknod", path, () -> {
            if (type != FileType.FIFO && type != FileType.SOCKET && type != FileType.REGULAR) throw fail(Errno.EINVAL);
            Resolution r = resolver.resolve(c, path, false);
            if (r.exists() || r.special()) throw fail(Errno.EEXIST);
            if (r.trailingSlash()) throw fail(Errno.ENOENT);
            Location dir = r.parent();
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            dir.vnode().create(r.name(), type, mode & ~c.umask() & 07777, c.credentials().uid(), newGid(c, dir));
            return null;
        });
    }

    public void symlink(Caller c, String target, String linkPath) {
        sys2("symlink", target, linkPath, () -> {
            if (target.isEmpty()) throw fail(Errno.ENOENT);
            Resolution r = resolver.resolve(c, linkPath, false);
            if (r.exists() || r.special()) throw fail(Errno.EEXIST);
            if (r.trailingSlash()) throw fail(Errno.ENOENT);
            Location dir = r.parent();
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            dir.vnode().symlink(r.name(), target, c.credentials().uid(), newGid(c, dir));
            return null;
        });
    }

    public void link(Caller c, String existingPath, String newPath) {
        sys2("link", existingPath, newPath, () -> {
            Location from = existing(resolver.resolve(c, existingPath, false));
            if (from.isDirectory()) throw fail(Errno.EPERM);
            Resolution r = resolver.resolve(c, newPath, false);
            if (r.exists() || r.special()) throw fail(Errno.EEXIST);
            if (r.trailingSlash()) throw fail(Errno.ENOENT);
            Location dir = r.parent();
            if (dir.mount() != from.mount()) throw fail(Errno.EXDEV);
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            dir.vnode().link(r.name(), from.vnode());
            return null;
        });
    }

    // ---- removing and renaming ----

    public void unlink(Caller c, String path) {
        sys("unlink", path, () -> {
            Resolution r = resolver.resolve(c, path, false);
            if (r.special()) throw fail(r.exists() ? Errno.EISDIR : Errno.ENOENT);
            Location t = existing(r);
            Location dir = r.parent();
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            Permissions.checkSticky(c.credentials(), dir.stat(), t.stat());
            if (t.isDirectory()) throw fail(Errno.EISDIR);
            dir.vnode().unlink(r.name());
            return null;
        });
    }

    public void rmdir(Caller c, String path) {
        sys("rmdir", path, () -> {
            Resolution r = resolver.resolve(c, path, false);
            switch (r.name()) {
                case "." -> throw fail(Errno.EINVAL);
                case ".." -> throw fail(Errno.ENOTEMPTY);
                case "/" -> throw fail(Errno.EBUSY);
                default -> { }
            }
            Location t = existing(r);
            Location dir = r.parent();
            checkWritable(dir.mount());
            Permissions.check(c.credentials(), dir.stat(), W | X);
            Permissions.checkSticky(c.credentials(), dir.stat(), t.stat());
            if (!t.isDirectory()) throw fail(Errno.ENOTDIR);
            if (t.mountRoot()) throw fail(Errno.EBUSY);
            dir.vnode().rmdir(r.name());
            return null;
        });
    }

    public void rename(Caller c, String from, String to) {
        sys2("rename", from, to, () -> {
            Resolution src = resolver.resolve(c, from, false);
            Resolution dst = resolver.resolve(c, to, false);
            if (src.special() || dst.special()) throw fail(Errno.EBUSY);
            Location moving = existing(src);
            if (moving.mountRoot() || (dst.exists() && dst.target().mountRoot())) throw fail(Errno.EBUSY);
            if (src.parent().mount() != dst.parent().mount()) throw fail(Errno.EXDEV);
            checkWritable(src.parent().mount());
            Credentials who = c.credentials();
            Permissions.check(who, src.parent().stat(), W | X);
            Permissions.check(who, dst.parent().stat(), W | X);
            Permissions.checkSticky(who, src.parent().stat(), moving.stat());
            if (dst.exists()) Permissions.checkSticky(who, dst.parent().stat(), dst.target().stat());
            if (dst.exists() && dst.target().sameFile(moving)) return null; // same file: rename(2) does nothing
            boolean movingDir = moving.isDirectory();
            if (!movingDir && (src.trailingSlash() || dst.trailingSlash())) throw fail(Errno.ENOTDIR);
            if (movingDir) {
                if (dst.parent().isWithin(moving)) throw fail(Errno.EINVAL); // into its own subtree
                if (mounts.anyBelow(moving.path())) throw fail(Errno.EBUSY);
                // Moving a directory rewrites its "..": Linux wants write permission on it too.
                if (!src.parent().sameFile(dst.parent())) Permissions.check(who, moving.stat(), W);
            }
            if (dst.exists()) {
                Location replaced = dst.target();
                if (replaced.isDirectory() && !movingDir) throw fail(Errno.EISDIR);
                if (!replaced.isDirectory() && movingDir) throw fail(Errno.ENOTDIR);
                if (replaced.isDirectory() && !replaced.vnode().list().isEmpty()) throw fail(Errno.ENOTEMPTY);
            }
            src.parent().vnode().rename(src.name(), dst.parent().vnode(), dst.name());
            return null;
        });
    }

    // ---- changing attributes ----

    public void chmod(Caller c, String path, int mode) {
        sys("chmod", path, () -> {
            Location t = existing(resolver.resolve(c, path, true));
            checkWritable(t.mount());
            Credentials who = c.credentials();
            if (!Permissions.isOwnerOrRoot(who, t.stat())) throw fail(Errno.EPERM);
            int m = mode & 07777;
            // Linux silently drops setgid when a non-root owner is not in the file's group.
            if (!who.isRoot() && !who.inGroup(t.stat().gid()) && !t.isDirectory()) m &= ~02000;
            t.vnode().setMode(m);
            return null;
        });
    }

    public void chown(Caller c, String path, int uid, int gid, boolean followLinks) {
        sys("chown", path, () -> {
            Location t = existing(resolver.resolve(c, path, followLinks));
            checkWritable(t.mount());
            Credentials who = c.credentials();
            FileStat st = t.stat();
            if (!who.isRoot()) {
                // Only root gives files away; an owner may only move the group to one of their own.
                // (Linux's chown_ok/chgrp_ok: -1 asks for no change and needs nothing.)
                boolean owner = who.uid() == st.uid();
                boolean uidOk = uid == -1 || (owner && uid == st.uid());
                boolean gidOk = gid == -1 || (owner && (gid == st.gid() || who.inGroup(gid)));
                if (!uidOk || !gidOk) throw fail(Errno.EPERM);
            }
            t.vnode().setOwner(uid, gid);
            return null;
        });
    }

    /** utimes: {@link Long#MIN_VALUE} leaves a time unchanged, {@link Long#MAX_VALUE} means now. */
    public void utimes(Caller c, String path, long atimeNanos, long mtimeNanos, boolean followLinks) {
        sys("utime", path, () -> {
            Location t = existing(resolver.resolve(c, path, followLinks));
            checkWritable(t.mount());
            Credentials who = c.credentials();
            boolean explicit = isExplicit(atimeNanos) || isExplicit(mtimeNanos);
            if (!Permissions.isOwnerOrRoot(who, t.stat())) {
                // Setting to "now" needs only write permission; arbitrary times need ownership.
                if (explicit) throw fail(Errno.EPERM);
                Permissions.check(who, t.stat(), W);
            }
            long now = nowNanos();
            t.vnode().setTimes(atimeNanos == Long.MAX_VALUE ? now : atimeNanos,
                    mtimeNanos == Long.MAX_VALUE ? now : mtimeNanos);
            return null;
        });
    }

    public void truncate(Caller c, String path, long size) {
        sys("truncate", path, () -> {
            if (size < 0) throw fail(Errno.EINVAL);
            Location t = existing(resolver.resolve(c, path, true));
            if (t.isDirectory()) throw fail(Errno.EISDIR);
            if (t.stat().type() != FileType.REGULAR) throw fail(Errno.EINVAL);
            checkWritable(t.mount());
            Permissions.check(c.credentials(), t.stat(), W);
            t.vnode().truncate(size);
            return null;
        });
    }

    // ---- helpers ----

    private static boolean isExplicit(long t) { return t != Long.MIN_VALUE && t != Long.MAX_VALUE; }

    private long nowNanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static FileStat statOf(Location t) {
        if (t.vnode() instanceof MagicLink magic) return magic.targetStat();
        return t.statWithDev();
    }

    /** New files take the caller's group, or the directory's when it is setgid (BSD semantics). */
    private static int newGid(Caller c, Location dir) {
        return (dir.stat().mode() & 02000) != 0 ? dir.stat().gid() : c.credentials().gid();
    }

    private static String childPath(Location dir, String name) {
        String p = dir.path();
        return p.equals("/") ? "/" + name : p + "/" + name;
    }

    private static Location existing(Resolution r) {
        if (!r.exists()) throw fail(Errno.ENOENT);
        return r.target();
    }

    private static void checkWritable(Mount m) {
        if (m.readOnly) throw fail(Errno.EROFS);
    }

    private static Caller rootCaller() { return new Caller(0, Credentials.ROOT, "/", 022); }

    private static AgentOsException fail(Errno errno) { return AgentOsException.errnoDetail(errno, "vfs"); }

    /** Runs a system call, giving any errno failure the syscall and the path as the caller wrote it. */
    private static <T> T sys(String syscall, String path, Supplier<T> body) {
        try {
            return body.get();
        } catch (AgentOsException e) {
            if (e.errno().isEmpty()) throw e;
            throw AgentOsException.errno(e.errno().get(), syscall, path);
        }
    }

    private static <T> T sys2(String syscall, String path, String dest, Supplier<T> body) {
        try {
            return body.get();
        } catch (AgentOsException e) {
            if (e.errno().isEmpty()) throw e;
            throw AgentOsException.errno(e.errno().get(), syscall, path, dest);
        }
    }
}
