package dev.agentos.kernel.vfs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mounts of one VM. A mount is found by the directory it covers, named by (parent mount, inode
 * number): inode numbers are stable where vnode objects need not be (overlay nodes are made fresh on
 * every lookup). Lookups during path walks are lock-free; mount and unmount are rare.
 */
final class MountTable {
    private record Key(int parentMount, long ino) {}

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Key, Mount> byMountpoint = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Mount> inOrder = new CopyOnWriteArrayList<>();
    private final Mount root;

    MountTable(FileSystemBackend rootBackend) {
        this.root = new Mount(ids.incrementAndGet(), rootBackend, false, "/", null, 0);
        inOrder.add(root);
    }

    Mount root() { return root; }

    /** The mount covering inode {@code ino} of {@code parent}, or null. */
    Mount mountedOn(Mount parent, long ino) {
        return byMountpoint.get(new Key(parent.id, ino));
    }

    /** Adds a mount; false when that directory is already covered. */
    synchronized boolean add(Mount parent, long ino, FileSystemBackend backend, boolean readOnly, String path) {
        Key key = new Key(parent.id, ino);
        if (byMountpoint.containsKey(key)) return false;
        Mount m = new Mount(ids.incrementAndGet(), backend, readOnly, path, parent, ino);
        byMountpoint.put(key, m);
        inOrder.add(m);
        return true;
    }

    synchronized void remove(Mount m) {
        byMountpoint.remove(new Key(m.parent.id, m.mountpointIno));
        inOrder.remove(m);
    }

    boolean hasChildren(Mount m) {
        for (Mount x : inOrder) if (x.parent == m) return true;
        return false;
    }

    /** True when some mount hangs at or below the absolute path {@code dir} (but is not {@code dir}'s own mount). */
    boolean anyBelow(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (Mount x : inOrder) if (x.path.startsWith(prefix)) return true;
        return false;
    }

    List<Mount> all() { return List.copyOf(inOrder); }
}
