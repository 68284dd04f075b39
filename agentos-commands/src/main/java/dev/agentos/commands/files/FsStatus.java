package dev.agentos.commands.files;

import dev.agentos.kernel.vfs.FileSystemBackend.FsUsage;
import java.util.Locale;

/**
 * What stat -f reports about the file system holding a file: Linux's statfs fields computed from the
 * VM mount's usage (4 KiB blocks; an unlimited mount reports zero blocks, as Linux's ramfs does) and
 * the type name and magic number GNU stat shows for the mount's type.
 */
record FsStatus(String file, FsUsage usage, String mountType) {
    static final String DEFAULT = "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n"
            + "Block size: %-10s Fundamental block size: %S\n"
            + "Blocks: Total: %-10b Free: %-10f Available: %a\n"
            + "Inodes: Total: %-10c Free: %d\n";
    static final String TERSE = "%n %i %l %t %s %S %b %f %a %c %d\n";
    private static final int BLOCK = 4096;

    String directive(char conv) {
        return switch (conv) {
            case 'n' -> file;
            case 'i' -> "0";
            case 'l' -> "255";
            case 't' -> Long.toHexString(magic());
            case 'T' -> typeName();
            case 's', 'S' -> Integer.toString(BLOCK);
            case 'b' -> Long.toString(blocks(usage.totalBytes()));
            case 'f', 'a' -> Long.toString(blocks(usage.totalBytes()) - Math.min(blocks(usage.totalBytes()), ceilBlocks(usage.usedBytes())));
            case 'c' -> Long.toString(limited(usage.totalInodes()));
            case 'd' -> Long.toString(limited(usage.totalInodes()) - Math.min(limited(usage.totalInodes()), usage.usedInodes()));
            default -> "?";
        };
    }

    private static long limited(long n) { return n == Long.MAX_VALUE ? 0 : n; }

    private static long blocks(long bytes) { return bytes == Long.MAX_VALUE ? 0 : bytes / BLOCK; }

    private static long ceilBlocks(long bytes) { return (bytes + BLOCK - 1) / BLOCK; }

    /** The statfs magic number Linux gives this kind of file system. */
    private long magic() {
        return switch (mountType.toLowerCase(Locale.ROOT)) {
            case "overlay", "overlayfs" -> 0x794c7630L;
            case "proc" -> 0x9fa0L;
            case "devpts" -> 0x1cd1L;
            case "sysfs" -> 0x62656572L;
            default -> 0x01021994L;   // tmpfs: the in-memory file systems, /dev included
        };
    }

    private String typeName() {
        return switch ((int) magic()) {
            case 0x794c7630 -> "overlayfs";
            case 0x9fa0 -> "proc";
            case 0x1cd1 -> "devpts";
            case 0x62656572 -> "sysfs";
            default -> "tmpfs";
        };
    }
}
