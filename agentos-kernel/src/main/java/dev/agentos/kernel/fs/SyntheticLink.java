package dev.agentos.kernel.fs;

import dev.agentos.kernel.vfs.FileType;
import java.util.function.Supplier;

/** A generated symbolic link: /dev/stdin, /proc/PID/cwd. */
final class SyntheticLink extends SyntheticNode {
    private final Supplier<String> target;

    SyntheticLink(int uid, long timeNanos, Supplier<String> target) {
        super(FileType.SYMLINK, 0777, uid, 0, timeNanos);
        this.target = target;
    }

    @Override public String readlink() { return target.get(); }
}
