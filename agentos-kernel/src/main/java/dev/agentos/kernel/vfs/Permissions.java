package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;

/** The classic owner/group/other rwx check, with root's overrides and the sticky-directory rule. */
final class Permissions {
    static final int R = 4, W = 2, X = 1;

    private Permissions() {}

    /** Whether {@code who} may do {@code want} (an R|W|X mask) to a file with these attributes. */
    static boolean allowed(Credentials who, FileStat file, int want) {
        if (who.isRoot()) {
            // Root reads and writes anything, but executes only what someone may execute.
            return (want & X) == 0 || file.isDirectory() || (file.mode() & 0111) != 0;
        }
        int bits;
        if (who.uid() == file.uid()) bits = file.mode() >> 6;
        else if (who.inGroup(file.gid())) bits = file.mode() >> 3;
        else bits = file.mode();
        return (bits & 7 & want) == want;
    }

    static void check(Credentials who, FileStat file, int want) {
        if (!allowed(who, file, want)) throw AgentOsException.errnoDetail(Errno.EACCES, "permission");
    }

    /** In a sticky directory only the file's owner, the directory's owner or root may remove or rename. */
    static void checkSticky(Credentials who, FileStat dir, FileStat file) {
        if ((dir.mode() & 01000) == 0 || who.isRoot()) return;
        if (who.uid() == file.uid() || who.uid() == dir.uid()) return;
        throw AgentOsException.errnoDetail(Errno.EPERM, "sticky directory");
    }

    static boolean isOwnerOrRoot(Credentials who, FileStat file) {
        return who.isRoot() || who.uid() == file.uid();
    }
}
