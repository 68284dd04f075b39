package dev.agentos.kernel.fs;

import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.CallerLink;
import dev.agentos.kernel.vfs.FileType;
import java.util.function.Function;

/** A link whose target depends on the calling process: /proc/self, /dev/tty. */
final class CallerDependentLink extends SyntheticNode implements CallerLink {
    private final Function<Caller, String> target;

    CallerDependentLink(long timeNanos, Function<Caller, String> target) {
        super(FileType.SYMLINK, 0777, 0, 0, timeNanos);
        this.target = target;
    }

    @Override public String readlink(Caller caller) { return target.apply(caller); }

    /** Without a caller (a listing's size column), the host's view. */
    @Override public String readlink() { return target.apply(Caller.host(dev.agentos.kernel.Credentials.ROOT, "/")); }
}
