package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.io.FileDescription;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathResolutionTest extends VfsFixture {
    @Test
    void relativePathsResolveAgainstTheCallersCwd() {
        write(agent, "notes.txt", "hi");
        assertThat(read(root, "/home/agentos/notes.txt")).isEqualTo("hi");
        assertThat(vfs.realpath(agent, "./notes.txt")).isEqualTo("/home/agentos/notes.txt");
        assertThat(vfs.realpath(agent, "../../tmp/../home")).isEqualTo("/home");
    }

    @Test
    void dotDotAtRootStaysAtRoot() {
        assertThat(vfs.realpath(root, "/../../..")).isEqualTo("/");
        assertThat(vfs.realpath(root, "/..//tmp/")).isEqualTo("/tmp");
    }

    @Test
    void absoluteAndRelativeSymlinksAreFollowed() {
        vfs.mkdir(root, "/a", 0755);
        vfs.mkdir(root, "/a/b", 0755);
        write(root, "/a/b/file", "data");
        vfs.symlink(root, "/a/b", "/abs");
        vfs.symlink(root, "b/file", "/a/rel");
        assertThat(read(root, "/abs/file")).isEqualTo("data");
        assertThat(read(root, "/a/rel")).isEqualTo("data");
        assertThat(vfs.readlink(root, "/a/rel")).isEqualTo("b/file");
        assertThat(vfs.lstat(root, "/a/rel").isSymlink()).isTrue();
        assertThat(vfs.stat(root, "/a/rel").isRegular()).isTrue();
        assertThat(vfs.realpath(root, "/abs/file")).isEqualTo("/a/b/file");
    }

    @Test
    void dotDotThroughASymlinkIsPhysical() {
        vfs.mkdir(root, "/x", 0755);
        vfs.mkdir(root, "/x/y", 0755);
        vfs.symlink(root, "/x/y", "/tmp/link");
        // /tmp/link/.. is the parent of the target (/x), not /tmp
        assertThat(vfs.realpath(root, "/tmp/link/..")).isEqualTo("/x");
        vfs.symlink(root, "../x/y", "/tmp/rel");
        assertThat(vfs.realpath(root, "/tmp/rel")).isEqualTo("/x/y");
    }

    @Test
    void symlinkLoopsFailWithELOOP() {
        vfs.symlink(root, "/loop2", "/loop1");
        vfs.symlink(root, "/loop1", "/loop2");
        assertErrno(() -> vfs.stat(root, "/loop1"), "ELOOP: too many symbolic links encountered, stat '/loop1'");
        vfs.symlink(root, "self", "/self");
        assertErrno(() -> vfs.open(root, "/self/x", OpenFlags.O_RDONLY, 0),
                "ELOOP: too many symbolic links encountered, open '/self/x'");
        assertThat(vfs.lstat(root, "/loop1").isSymlink()).isTrue();
    }

    @Test
    void fortyLinksAreFineAndFortyOneAreTooMany() {
        write(root, "/t0", "end");
        for (int i = 1; i <= 41; i++) vfs.symlink(root, "/t" + (i - 1), "/t" + i);
        assertThat(read(root, "/t40")).isEqualTo("end");
        assertErrno(() -> vfs.stat(root, "/t41"), "ELOOP: too many symbolic links encountered, stat '/t41'");
    }

    @Test
    void danglingSymlinkIsENOENTButLstatWorks() {
        vfs.symlink(root, "/nowhere", "/dangle");
        assertErrno(() -> vfs.stat(root, "/dangle"), "ENOENT: no such file or directory, stat '/dangle'");
        assertThat(vfs.lstat(root, "/dangle").size()).isEqualTo("/nowhere".length());
    }

    @Test
    void openWithCreateThroughADanglingSymlinkCreatesTheTarget() {
        vfs.symlink(root, "/tmp/real", "/tmp/alias");
        write(root, "/tmp/alias", "made");
        assertThat(read(root, "/tmp/real")).isEqualTo("made");
    }

    @Test
    void fileInTheMiddleIsENOTDIRAndTrailingSlashOnAFileIsENOTDIR() {
        write(root, "/f", "x");
        assertErrno(() -> vfs.stat(root, "/f/g"), "ENOTDIR: not a directory, stat '/f/g'");
        assertErrno(() -> vfs.stat(root, "/f/"), "ENOTDIR: not a directory, stat '/f/'");
        assertThat(vfs.stat(root, "/tmp/").isDirectory()).isTrue();
    }

    @Test
    void emptyPathIsENOENT() {
        assertErrno(() -> vfs.stat(root, ""), "ENOENT: no such file or directory, stat ''");
    }

    @Test
    void overlongNamesAndPathsFailWithENAMETOOLONG() {
        String name = "n".repeat(256);
        assertErrno(() -> vfs.mkdir(root, "/" + name, 0755), "ENAMETOOLONG: file name too long, mkdir '/" + name + "'");
        vfs.mkdir(root, "/" + "n".repeat(255), 0755);
        String path = "/a".repeat(2049);
        assertErrno(() -> vfs.stat(root, path), "ENAMETOOLONG: file name too long, stat '" + path + "'");
        // multi-byte: 128 two-byte characters are 256 bytes
        assertErrno(() -> vfs.mkdir(root, "/" + "é".repeat(128), 0755), "ENAMETOOLONG: file name too long, mkdir '/" + "é".repeat(128) + "'");
    }

    @Test
    void callerLinksResolvePerCaller() {
        MemoryFileSystem procFs = MemoryFileSystem.unlimited(clock);
        vfs.mkdir(root, "/proc", 0555);
        vfs.mount("/proc", new SingleLinkFs(procFs), true);
        assertThat(vfs.readlink(agent, "/proc/self")).isEqualTo("/home/agentos");
        assertThat(vfs.realpath(agent, "/proc/self")).isEqualTo("/home/agentos");
        assertThat(vfs.realpath(root, "/proc/self")).isEqualTo("/");
    }

    @Test
    void magicLinksOpenTheirTargetAndStatThroughIt() {
        write(root, "/tmp/real", "secret");
        FileDescription target = vfs.open(root, "/tmp/real", OpenFlags.O_RDONLY, 0);
        vfs.unlink(root, "/tmp/real"); // like /proc/PID/fd/N of a deleted file
        MemoryFileSystem fdFs = MemoryFileSystem.unlimited(clock);
        vfs.mkdir(root, "/fd", 0555);
        vfs.mount("/fd", new MagicFs(fdFs, target), true);
        assertThat(vfs.readlink(root, "/fd/3")).isEqualTo("/tmp/real (deleted)");
        assertThat(vfs.stat(root, "/fd/3").size()).isEqualTo(6);
        assertThat(vfs.lstat(root, "/fd/3").isSymlink()).isTrue();
        FileDescription again = vfs.open(root, "/fd/3", OpenFlags.O_RDONLY, 0);
        assertThat(readAll(again)).isEqualTo("secret");
        assertErrno(() -> vfs.open(root, "/fd/3", OpenFlags.O_RDONLY | OpenFlags.O_NOFOLLOW, 0),
                "ELOOP: too many symbolic links encountered, open '/fd/3'");
    }

    /** A backend whose root holds one {@link CallerLink} "self" pointing to the caller's cwd. */
    private static final class SingleLinkFs implements FileSystemBackend {
        private final MemoryFileSystem base;
        SingleLinkFs(MemoryFileSystem base) { this.base = base; }
        @Override public Vnode root() { return new DirWithOne(base.root(), "self", new SelfLink(base)); }
        @Override public String type() { return "proc"; }
        @Override public FsUsage usage() { return base.usage(); }
    }

    private static final class MagicFs implements FileSystemBackend {
        private final MemoryFileSystem base;
        private final FileDescription target;
        MagicFs(MemoryFileSystem base, FileDescription target) { this.base = base; this.target = target; }
        @Override public Vnode root() { return new DirWithOne(base.root(), "3", new FdLink(base, target)); }
        @Override public String type() { return "proc"; }
        @Override public FsUsage usage() { return base.usage(); }
    }

    /** Delegates to a memory directory but adds one synthetic child. */
    private record DirWithOne(Vnode dir, String name, Vnode child) implements Vnode {
        public FileStat stat() { return dir.stat(); }
        public void setMode(int mode) { dir.setMode(mode); }
        public void setOwner(int uid, int gid) { dir.setOwner(uid, gid); }
        public void setTimes(long a, long m) { dir.setTimes(a, m); }
        public Optional<Vnode> lookup(String n) { return n.equals(name) ? Optional.of(child) : dir.lookup(n); }
        public java.util.List<DirEntry> list() { return java.util.List.of(new DirEntry(name, child.stat().ino(), FileType.SYMLINK)); }
        public Vnode create(String n, FileType t, int m, int u, int g) { return dir.create(n, t, m, u, g); }
        public Vnode symlink(String n, String t, int u, int g) { return dir.symlink(n, t, u, g); }
        public void link(String n, Vnode t) { dir.link(n, t); }
        public void unlink(String n) { dir.unlink(n); }
        public void rmdir(String n) { dir.rmdir(n); }
        public void rename(String n, Vnode p, String nn) { dir.rename(n, p, nn); }
        public String readlink() { return dir.readlink(); }
        public int read(long p, byte[] b, int o, int l) { return dir.read(p, b, o, l); }
        public void write(long p, byte[] b, int o, int l) { dir.write(p, b, o, l); }
        public void truncate(long s) { dir.truncate(s); }
    }

    private abstract static class LinkBase implements Vnode {
        private final Vnode backing;
        LinkBase(MemoryFileSystem fs) {
            fs.root().symlink("x" + System.nanoTime(), "unused", 0, 0);
            this.backing = fs.root().list().stream().map(e -> fs.root().lookup(e.name()).orElseThrow()).reduce((a, b) -> b).orElseThrow();
        }
        public FileStat stat() { return backing.stat(); }
        public void setMode(int mode) { backing.setMode(mode); }
        public void setOwner(int uid, int gid) { backing.setOwner(uid, gid); }
        public void setTimes(long a, long m) { backing.setTimes(a, m); }
        public Optional<Vnode> lookup(String n) { return backing.lookup(n); }
        public java.util.List<DirEntry> list() { return backing.list(); }
        public Vnode create(String n, FileType t, int m, int u, int g) { return backing.create(n, t, m, u, g); }
        public Vnode symlink(String n, String t, int u, int g) { return backing.symlink(n, t, u, g); }
        public void link(String n, Vnode t) { backing.link(n, t); }
        public void unlink(String n) { backing.unlink(n); }
        public void rmdir(String n) { backing.rmdir(n); }
        public void rename(String n, Vnode p, String nn) { backing.rename(n, p, nn); }
        public int read(long p, byte[] b, int o, int l) { return backing.read(p, b, o, l); }
        public void write(long p, byte[] b, int o, int l) { backing.write(p, b, o, l); }
        public void truncate(long s) { backing.truncate(s); }
    }

    private static final class SelfLink extends LinkBase implements CallerLink {
        SelfLink(MemoryFileSystem fs) { super(fs); }
        public String readlink(Caller caller) { return caller.cwd(); }
        public String readlink() { return "/"; }
    }

    private static final class FdLink extends LinkBase implements MagicLink {
        private final FileDescription target;
        FdLink(MemoryFileSystem fs, FileDescription target) { super(fs); this.target = target; }
        public FileDescription openTarget(int flags) {
            target.retain();
            target.seek(0, 0);
            return target;
        }
        public FileStat targetStat() { return target.stat(); }
        public String readlink() { return target.describe() + " (deleted)"; }
    }
}
