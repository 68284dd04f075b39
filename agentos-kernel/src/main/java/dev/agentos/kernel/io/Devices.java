package dev.agentos.kernel.io;

/** The memory character devices of /dev: null, zero, full, random and urandom, one description per open. */
public final class Devices {
    private Devices() {}

    /** /dev/null (1,3): reads hit end of file, writes succeed and vanish. */
    public static FileDescription nullDevice(int flags) { return new NullDevice(flags); }

    /** /dev/zero (1,5): reads return zeros, writes vanish. */
    public static FileDescription zero(int flags) { return ZeroDevice.zero(flags); }

    /** /dev/full (1,7): reads return zeros, writes fail with ENOSPC. */
    public static FileDescription full(int flags) { return ZeroDevice.full(flags); }

    /** /dev/random (1,8): cryptographically strong bytes; never blocks (Linux 5.6+). */
    public static FileDescription random(int flags) { return RandomDevice.random(flags); }

    /** /dev/urandom (1,9): the same generator as /dev/random. */
    public static FileDescription urandom(int flags) { return RandomDevice.urandom(flags); }

    /** st_rdev of a device as glibc's makedev(3) encodes it, so major/minor decode the same way. */
    public static long makedev(int major, int minor) {
        return ((long) (major & 0xfffff000) << 32) | ((major & 0xfffL) << 8)
                | ((long) (minor & 0xffffff00) << 12) | (minor & 0xffL);
    }
}
