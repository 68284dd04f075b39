package dev.agentos.kernel.net;

import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;

/**
 * The identity fstat(2) and /proc/PID/fd show for a socket. Sockets live on no mounted filesystem,
 * so like Linux's sockfs they get an inode number from a per-VM counter on a device of their own.
 */
record SocketInode(long ino, long createdNanos) {
    /** Linux's anonymous sockfs device (0:8). */
    static final long SOCKFS_DEV = 8;

    FileStat stat() {
        // Owner 0: sockets are not yet attributed to the creating process's credentials.
        return new FileStat(SOCKFS_DEV, ino, FileType.SOCKET, 0777, 1, 0, 0, 0, 0,
                createdNanos, createdNanos, createdNanos, createdNanos);
    }

    String describe() {
        return "socket:[" + ino + "]";
    }
}
