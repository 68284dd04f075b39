package dev.agentos.kernel.vfs;

/** open(2) flags with Linux's values. */
public final class OpenFlags {
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
    public static final int O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000,
            O_APPEND = 02000, O_NONBLOCK = 04000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000,
            O_CLOEXEC = 02000000, O_PATH = 010000000;

    private OpenFlags() {}

    public static boolean readable(int flags) { return (flags & O_ACCMODE) != O_WRONLY; }
    public static boolean writable(int flags) { return (flags & O_ACCMODE) != O_RDONLY; }
}
