package dev.agentos.kernel.vfs;

import dev.agentos.kernel.io.FileDescription;

/**
 * A symlink-looking vnode that, when followed, leads straight to an open file rather than to a path:
 * {@code /proc/PID/fd/N}. Opening it opens the same file (a pipe end stays that pipe, an unlinked file
 * stays readable); {@link Vnode#readlink()} gives the text {@code ls -l} shows.
 */
public interface MagicLink extends Vnode {
    /** Opens the file the link leads to with {@code flags}. */
    FileDescription openTarget(int flags);

    /** stat(2) through the link: the target's attributes. */
    FileStat targetStat();
}
