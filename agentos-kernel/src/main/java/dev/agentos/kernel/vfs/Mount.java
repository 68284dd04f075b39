package dev.agentos.kernel.vfs;

/**
 * One mounted backend: where it hangs (the parent mount and the inode number of the directory it
 * covers), its device number for stat, and whether it refuses changes.
 */
final class Mount {
    final int id;
    final FileSystemBackend backend;
    final Vnode root;
    final boolean readOnly;
    final String path;
    /** The mount this one is mounted on; null for the root mount. */
    final Mount parent;
    final long mountpointIno;

    Mount(int id, FileSystemBackend backend, boolean readOnly, String path, Mount parent, long mountpointIno) {
        this.id = id;
        this.backend = backend;
        this.root = backend.root();
        this.readOnly = readOnly;
        this.path = path;
        this.parent = parent;
        this.mountpointIno = mountpointIno;
    }

    /** st_dev: makedev(0, id), like the anonymous devices Linux gives tmpfs and overlay mounts. */
    long dev() { return id; }

    @Override public String toString() { return backend.type() + " on " + path; }
}
