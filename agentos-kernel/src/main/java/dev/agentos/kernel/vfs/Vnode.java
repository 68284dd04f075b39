package dev.agentos.kernel.vfs;

import dev.agentos.kernel.io.FileDescription;
import java.util.List;
import java.util.Optional;

/**
 * One file of a {@link FileSystemBackend}: the backend-side inode. The VFS above does path walking,
 * symlink following, mount crossing and permission checks; a backend only stores and answers.
 * Operations a file's type does not support throw the errno Linux would (ENOTDIR, EISDIR, EINVAL).
 * Errors are {@link dev.agentos.AgentOsException}s; the VFS rewrites their syscall and path.
 */
public interface Vnode {
    /** The attributes now (a snapshot). {@code dev} is filled in by the VFS from the mount. */
    FileStat stat();

    /** chmod: permission bits only (07777). */
    void setMode(int mode);

    /** chown: -1 leaves a value unchanged. */
    void setOwner(int uid, int gid);

    /** utimes: {@link Long#MIN_VALUE} leaves a time unchanged. */
    void setTimes(long atimeNanos, long mtimeNanos);

    // ---- directories ----

    /** The child called {@code name}, or empty. Never resolves "." or ".." (the VFS does). */
    Optional<Vnode> lookup(String name);

    /** The names in this directory, without "." and "..". */
    List<DirEntry> list();

    /** Creates a regular file, directory, FIFO or socket node; EEXIST when the name is taken. */
    Vnode create(String name, FileType type, int mode, int uid, int gid);

    /** Creates a symbolic link. */
    Vnode symlink(String name, String target, int uid, int gid);

    /** Adds a hard link to {@code target} (same backend, not a directory). */
    void link(String name, Vnode target);

    /** Removes a non-directory entry (EISDIR for a directory). */
    void unlink(String name);

    /** Removes an empty directory entry (ENOTEMPTY, ENOTDIR). */
    void rmdir(String name);

    /**
     * Moves {@code name} to {@code newName} in {@code newParent} (same backend), atomically replacing a
     * compatible target as rename(2) does. The VFS has already checked the rename rules.
     */
    void rename(String name, Vnode newParent, String newName);

    // ---- symbolic links ----

    /** The link's target text (EINVAL when not a symlink). */
    String readlink();

    // ---- regular files ----

    /** Reads up to {@code len} bytes at {@code position}; -1 at or past the end. */
    int read(long position, byte[] buf, int off, int len);

    /** Writes {@code len} bytes at {@code position}, growing the file (holes read as zeros). */
    void write(long position, byte[] buf, int off, int len);

    /** Sets the size, cutting or zero-extending. */
    void truncate(long size);

    /**
     * Opens a special file (device) into its own description; empty for ordinary files, which the VFS
     * opens itself.
     */
    default Optional<FileDescription> openSpecial(int flags) { return Optional.empty(); }

    /** Makes written data durable, where the backend stores somewhere durable. */
    default void sync() {}

    /**
     * The last descriptor of an open file description that could write this file was closed. Backends
     * that promise durability at close (the server's store) make the file's changes durable here.
     */
    default void writerClosed() {}
}
