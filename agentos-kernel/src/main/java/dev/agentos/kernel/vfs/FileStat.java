package dev.agentos.kernel.vfs;

/**
 * What stat(2) says of a file. {@code mode} holds only permission bits (07777); {@link #type} the kind.
 * Times are nanoseconds since the epoch.
 */
public record FileStat(long dev, long ino, FileType type, int mode, int nlink, int uid, int gid,
                       long rdev, long size, long atimeNanos, long mtimeNanos, long ctimeNanos, long birthtimeNanos) {
    public static final int BLOCK_SIZE = 4096;

    /** st_mode as Linux has it: type bits and permission bits. */
    public int fullMode() { return type.modeBits() | mode; }

    /** st_blocks in 512-byte units. */
    public long blocks() { return (size + 511) / 512; }

    public boolean isDirectory() { return type == FileType.DIRECTORY; }
    public boolean isRegular() { return type == FileType.REGULAR; }
    public boolean isSymlink() { return type == FileType.SYMLINK; }
}
