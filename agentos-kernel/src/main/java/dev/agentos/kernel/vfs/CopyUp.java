package dev.agentos.kernel.vfs;

/**
 * Copies one lower-layer file into an upper directory: data, mode, owner and times. Directories are
 * copied shallow (their entries stay below until touched). All-zero blocks are skipped so sparse
 * files stay sparse in the upper layer.
 */
final class CopyUp {
    private static final int BLOCK = ChunkedData.CHUNK;

    private CopyUp() {}

    static Vnode copy(Vnode source, Vnode upperDir, String name) {
        FileStat s = source.stat();
        Vnode copy = switch (s.type()) {
            case SYMLINK -> upperDir.symlink(name, source.readlink(), s.uid(), s.gid());
            default -> upperDir.create(name, s.type(), s.mode(), s.uid(), s.gid());
        };
        try {
            if (s.type() == FileType.REGULAR) copyData(source, copy, s.size());
            if (s.type() != FileType.SYMLINK) copy.setMode(s.mode());
            copy.setTimes(s.atimeNanos(), s.mtimeNanos());
            return copy;
        } catch (RuntimeException e) {
            // ENOSPC halfway: take the partial copy away so the upper layer holds nothing half-done.
            try {
                if (s.type() == FileType.DIRECTORY) upperDir.rmdir(name);
                else upperDir.unlink(name);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void copyData(Vnode from, Vnode to, long size) {
        byte[] buf = new byte[BLOCK];
        long pos = 0;
        while (pos < size) {
            int n = from.read(pos, buf, 0, (int) Math.min(BLOCK, size - pos));
            if (n <= 0) break;
            if (!allZero(buf, n)) to.write(pos, buf, 0, n);
            pos += n;
        }
        if (size > 0) to.truncate(size); // trailing holes
    }

    private static boolean allZero(byte[] buf, int n) {
        for (int i = 0; i < n; i++) if (buf[i] != 0) return false;
        return true;
    }
}
