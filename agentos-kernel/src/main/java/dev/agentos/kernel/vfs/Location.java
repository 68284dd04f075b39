package dev.agentos.kernel.vfs;

/**
 * A resolved directory entry: the vnode, the mount it belongs to, the name it was reached by and
 * the location it was reached from. The chain of parents is the canonical path, which is how ".."
 * works (backends never resolve "..") and how ".." leaves a mounted file system.
 *
 * @param stat a snapshot taken when the walk reached it: good for one system call's checks
 * @param mountRoot true for the root of a mount (and of the VM)
 */
record Location(Location parent, Mount mount, Vnode vnode, String name, FileStat stat, boolean mountRoot) {
    /** ".." from here: the parent, or the root itself at the root. */
    Location up() { return parent == null ? this : parent; }

    boolean isDirectory() { return stat.type() == FileType.DIRECTORY; }

    boolean isSymlink() {
        return vnode instanceof CallerLink || vnode instanceof MagicLink || stat.type() == FileType.SYMLINK;
    }

    /** Same file: same mount and inode (vnode objects may differ, overlay makes them per lookup). */
    boolean sameFile(Location other) {
        return mount == other.mount && stat.ino() == other.stat.ino();
    }

    /** True when {@code ancestor} is this location or one it was reached through. */
    boolean isWithin(Location ancestor) {
        for (Location l = this; l != null; l = l.parent) if (l.sameFile(ancestor)) return true;
        return false;
    }

    /** The absolute canonical path. */
    String path() {
        if (parent == null) return "/";
        StringBuilder sb = new StringBuilder();
        prepend(sb, this);
        return sb.toString();
    }

    private static void prepend(StringBuilder sb, Location l) {
        if (l.parent == null) return;
        prepend(sb, l.parent);
        sb.append('/').append(l.name);
    }

    FileStat statWithDev() { return Stats.withDev(stat, mount.dev()); }
}
