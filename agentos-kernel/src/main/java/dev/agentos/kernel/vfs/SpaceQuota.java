package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;

/**
 * The byte and inode budget of one in-memory file system. Reservations happen before a change is
 * made, so a change that does not fit fails whole with ENOSPC and leaves the files as they were.
 * Mutated under the file system's write lock; read by {@code usage()} from anywhere.
 */
final class SpaceQuota {
    private final long maxBytes;
    private final long maxInodes;
    private volatile long usedBytes;
    private volatile long usedInodes;

    SpaceQuota(long maxBytes, long maxInodes) {
        if (maxBytes < 0 || maxInodes < 0) throw new IllegalArgumentException("negative quota");
        this.maxBytes = maxBytes;
        this.maxInodes = maxInodes;
    }

    void reserveBytes(long bytes) {
        if (bytes <= 0) return;
        if (bytes > maxBytes - usedBytes) {
            throw AgentOsException.errnoDetail(Errno.ENOSPC, "file system byte quota of " + maxBytes + " exceeded");
        }
        usedBytes += bytes;
    }

    void releaseBytes(long bytes) { usedBytes -= bytes; }

    void reserveInode() {
        if (usedInodes >= maxInodes) {
            throw AgentOsException.errnoDetail(Errno.ENOSPC, "file system inode quota of " + maxInodes + " exceeded");
        }
        usedInodes++;
    }

    void releaseInode() { usedInodes--; }

    FileSystemBackend.FsUsage usage() {
        return new FileSystemBackend.FsUsage(maxBytes, usedBytes, maxInodes, usedInodes);
    }
}
