package dev.agentos.kernel.io;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.util.Arrays;

/** /dev/zero and /dev/full: both read as endless zeros; writes vanish, or fail with ENOSPC on full. */
final class ZeroDevice extends CharDevice {
    private final boolean full;

    private ZeroDevice(int flags, String path, int minor, long ino, boolean full) {
        super(flags, path, 1, minor, ino);
        this.full = full;
    }

    static ZeroDevice zero(int flags) { return new ZeroDevice(flags, "/dev/zero", 5, 7, false); }

    static ZeroDevice full(int flags) { return new ZeroDevice(flags, "/dev/full", 7, 8, true); }

    @Override int readDevice(byte[] buf, int off, int len) {
        Arrays.fill(buf, off, off + len, (byte) 0);
        return len;
    }

    @Override int writeDevice(byte[] buf, int off, int len) {
        if (full && len > 0) {
            throw AgentOsException.errnoDetail(Errno.ENOSPC, "write");
        }
        return len;
    }
}
