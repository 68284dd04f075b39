package dev.agentos.kernel.fs;

import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.FileType;
import java.util.Optional;
import java.util.function.IntFunction;

/** A character device in /dev: opening it opens the driver's description. */
final class DeviceNode extends SyntheticNode {
    private final IntFunction<FileDescription> opener;

    DeviceNode(int mode, int uid, long rdev, long timeNanos, IntFunction<FileDescription> opener) {
        super(FileType.CHAR_DEVICE, mode, uid, rdev, timeNanos);
        this.opener = opener;
    }

    @Override public Optional<FileDescription> openSpecial(int flags) {
        return Optional.of(opener.apply(flags));
    }

    /** Linux's makedev(major, minor). */
    static long dev(int major, int minor) {
        return ((long) major << 8) | minor;
    }
}
