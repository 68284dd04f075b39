package dev.agentos.kernel.vfs;

/**
 * A filesystem that can be mounted in a VM: in-memory, overlay, host directory, S3, the server's
 * durable store. It answers inode-level questions through {@link Vnode}s; the VFS above it owns
 * paths, symlinks, mounts and permissions.
 */
public interface FileSystemBackend {
    /** The root directory. */
    Vnode root();

    /** A short type name for mount listings: {@code memory}, {@code overlay}, {@code proc}, ... */
    String type();

    /** Space and inode usage, for df and ENOSPC. */
    FsUsage usage();

    /** Called once when the mount is removed or the VM closes. */
    default void close() {}

    /** Space and inode usage of a backend; {@code Long.MAX_VALUE} totals mean unlimited. */
    record FsUsage(long totalBytes, long usedBytes, long totalInodes, long usedInodes) {}
}
