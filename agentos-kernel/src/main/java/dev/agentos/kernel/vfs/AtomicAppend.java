package dev.agentos.kernel.vfs;

/**
 * A vnode that can append atomically: finding the end and writing there is one step, so two
 * O_APPEND descriptions never overwrite each other (POSIX requires it of write(2) with O_APPEND).
 */
interface AtomicAppend {
    /** Writes at the current end of file; returns the position written at. */
    long append(byte[] buf, int off, int len);
}
