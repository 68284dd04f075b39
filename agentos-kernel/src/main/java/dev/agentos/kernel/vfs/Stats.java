package dev.agentos.kernel.vfs;

/** Copies of a {@link FileStat} with one field replaced (the record has no withers). */
final class Stats {
    private Stats() {}

    static FileStat withDev(FileStat s, long dev) {
        return new FileStat(dev, s.ino(), s.type(), s.mode(), s.nlink(), s.uid(), s.gid(), s.rdev(), s.size(),
                s.atimeNanos(), s.mtimeNanos(), s.ctimeNanos(), s.birthtimeNanos());
    }

    static FileStat withIno(FileStat s, long ino) {
        return new FileStat(s.dev(), ino, s.type(), s.mode(), s.nlink(), s.uid(), s.gid(), s.rdev(), s.size(),
                s.atimeNanos(), s.mtimeNanos(), s.ctimeNanos(), s.birthtimeNanos());
    }
}
