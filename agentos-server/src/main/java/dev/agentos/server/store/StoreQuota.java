package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileSystemBackend;

/**
 * The byte and inode budget of one actor's store (the VM's fsMaxBytes and fsMaxInodes), counted from
 * what the database holds when it opens. A change that does not fit fails whole with ENOSPC.
 * Mutated under the store's write lock; read by {@code usage()} from anywhere.
 */
final class StoreQuota {
    private final long maxBytes;
    private final long maxInodes;
    private volatile long usedBytes;
    private volatile long usedInodes;

    StoreQuota(long maxBytes, long maxInodes, long usedBytes, long usedInodes) {
        this.maxBytes = maxBytes;
        this.maxInodes = maxInodes;
        this.usedBytes = usedBytes;
        this.usedInodes = usedInodes;
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
