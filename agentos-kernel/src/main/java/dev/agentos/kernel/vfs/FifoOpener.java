package dev.agentos.kernel.vfs;

import dev.agentos.kernel.io.FileDescription;

/** Opens named pipes: the VFS hands it a FIFO vnode and the open flags (the io package implements it). */
@FunctionalInterface
public interface FifoOpener {
    /** Opens {@code fifo}; blocks per POSIX until the other side opens unless O_NONBLOCK. */
    FileDescription open(Vnode fifo, int flags, String path);
}
