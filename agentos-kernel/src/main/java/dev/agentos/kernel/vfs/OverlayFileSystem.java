package dev.agentos.kernel.vfs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A copy-on-write file system: a writable upper layer over a read-only lower one (Linux overlayfs).
 * Reads go to the upper file when there is one, else to the lower; the first change to a lower file
 * copies it up. Deletions of lower names leave whiteouts in the upper layer (a character device, as
 * overlayfs does) and a re-created directory is marked opaque, so the lower layer is never touched:
 * thousands of VMs share one frozen base image and a VM that writes nothing costs nothing.
 */
public final class OverlayFileSystem implements FileSystemBackend {
    final FileSystemBackend upper;
    final FileSystemBackend lower;
    /** Serialises changes to the layer structure (copy-up, whiteouts); data reads and writes skip it. */
    final ReentrantLock structure = new ReentrantLock();
    /** Bumped at each copy-up so nodes looked up earlier notice that their file now has an upper copy. */
    final AtomicLong copyUps = new AtomicLong();
    final AtomicLong orphanNames = new AtomicLong();
    private final OverlayNode root;

    public OverlayFileSystem(FileSystemBackend upper, FileSystemBackend lower) {
        this.upper = upper;
        this.lower = lower;
        this.root = OverlayNode.root(this, upper.root(), lower.root());
    }

    @Override public Vnode root() { return root; }

    @Override public String type() { return "overlay"; }

    @Override public FsUsage usage() { return upper.usage(); }

    @Override public void close() { upper.close(); }
}
