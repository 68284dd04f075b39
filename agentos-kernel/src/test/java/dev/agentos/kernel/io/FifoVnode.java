package dev.agentos.kernel.io;

import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vnode;
import java.util.List;
import java.util.Optional;

/** A FIFO node as a backend would hand it to {@link Fifos}: only stat() matters. */
final class FifoVnode implements Vnode {
    private final long ino;

    FifoVnode(long ino) { this.ino = ino; }

    @Override public FileStat stat() {
        return new FileStat(0, ino, FileType.FIFO, 0644, 1, 1000, 1000, 0, 0, 0, 0, 0, 0);
    }

    @Override public void setMode(int mode) { throw new UnsupportedOperationException(); }
    @Override public void setOwner(int uid, int gid) { throw new UnsupportedOperationException(); }
    @Override public void setTimes(long atimeNanos, long mtimeNanos) { throw new UnsupportedOperationException(); }
    @Override public Optional<Vnode> lookup(String name) { throw new UnsupportedOperationException(); }
    @Override public List<DirEntry> list() { throw new UnsupportedOperationException(); }
    @Override public Vnode create(String name, FileType type, int mode, int uid, int gid) { throw new UnsupportedOperationException(); }
    @Override public Vnode symlink(String name, String target, int uid, int gid) { throw new UnsupportedOperationException(); }
    @Override public void link(String name, Vnode target) { throw new UnsupportedOperationException(); }
    @Override public void unlink(String name) { throw new UnsupportedOperationException(); }
    @Override public void rmdir(String name) { throw new UnsupportedOperationException(); }
    @Override public void rename(String name, Vnode newParent, String newName) { throw new UnsupportedOperationException(); }
    @Override public String readlink() { throw new UnsupportedOperationException(); }
    @Override public int read(long position, byte[] buf, int off, int len) { throw new UnsupportedOperationException(); }
    @Override public void write(long position, byte[] buf, int off, int len) { throw new UnsupportedOperationException(); }
    @Override public void truncate(long size) { throw new UnsupportedOperationException(); }
}
