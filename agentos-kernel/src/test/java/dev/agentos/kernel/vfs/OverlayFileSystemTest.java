package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.io.FileDescription;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlayFileSystemTest {
    private final TestClock clock = new TestClock();
    private final Caller root = new Caller(1, Credentials.ROOT, "/", 022);
    private MemoryFileSystem base;
    private MemoryFileSystem upper;
    private Vfs vm;

    @BeforeEach
    void buildBaseImage() {
        base = MemoryFileSystem.unlimited(clock);
        Vfs builder = new Vfs(base, clock);
        builder.mkdir(root, "/etc", 0755);
        write(builder, "/etc/hostname", "base");
        write(builder, "/etc/passwd", "root:x:0:0");
        builder.mkdir(root, "/usr", 0755);
        builder.mkdir(root, "/usr/lib", 0755);
        write(builder, "/usr/lib/a.so", "A");
        write(builder, "/usr/lib/b.so", "B");
        builder.symlink(root, "hostname", "/etc/alias");
        builder.chmod(root, "/etc/passwd", 0600);
        base.freeze();
        upper = MemoryFileSystem.unlimited(clock);
        vm = new Vfs(new OverlayFileSystem(upper, base), clock);
    }

    private static void write(Vfs vfs, String path, String text) {
        FileDescription fd = vfs.open(new Caller(1, Credentials.ROOT, "/", 022), path,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        fd.write(b, 0, b.length);
        fd.close();
    }

    private static String read(Vfs vfs, String path) {
        return VfsFixture.readAll(vfs.open(new Caller(1, Credentials.ROOT, "/", 022), path, OpenFlags.O_RDONLY, 0));
    }

    @Test
    void readingCostsNothingInTheUpperLayer() {
        assertThat(read(vm, "/etc/hostname")).isEqualTo("base");
        assertThat(read(vm, "/etc/alias")).isEqualTo("base");
        vm.readdir(root, "/usr/lib");
        vm.stat(root, "/usr/lib/a.so");
        assertThat(upper.usage().usedInodes()).isEqualTo(1);
        assertThat(upper.usage().usedBytes()).isZero();
    }

    @Test
    void writingCopiesUpKeepingModeOwnerAndInode() {
        FileStat before = vm.stat(root, "/etc/passwd");
        FileDescription fd = vm.open(root, "/etc/passwd", OpenFlags.O_WRONLY | OpenFlags.O_APPEND, 0);
        fd.write("\nagentos".getBytes(StandardCharsets.UTF_8), 0, 8);
        FileStat after = vm.stat(root, "/etc/passwd");
        assertThat(read(vm, "/etc/passwd")).isEqualTo("root:x:0:0\nagentos");
        assertThat(after.ino()).isEqualTo(before.ino());
        assertThat(after.mode()).isEqualTo(0600);
        assertThat(new Vfs(base, clock).stat(root, "/etc/passwd").size()).isEqualTo(10); // lower untouched
        assertThat(vm.readdir(root, "/etc")).extracting(DirEntry::name).containsExactly("hostname", "passwd", "alias");
    }

    @Test
    void inodeNumbersAreStableAndDistinct() {
        long a = vm.stat(root, "/usr/lib/a.so").ino();
        assertThat(vm.stat(root, "/usr/lib/a.so").ino()).isEqualTo(a);
        assertThat(vm.stat(root, "/usr/lib/b.so").ino()).isNotEqualTo(a);
        write(vm, "/usr/lib/c.so", "C");
        long c = vm.stat(root, "/usr/lib/c.so").ino();
        assertThat(c).isNotIn(a, vm.stat(root, "/usr/lib/b.so").ino());
        assertThat(vm.readdir(root, "/usr/lib")).extracting(DirEntry::ino)
                .containsExactly(a, vm.stat(root, "/usr/lib/b.so").ino(), c);
    }

    @Test
    void deletingALowerFileLeavesAWhiteoutAndRecreatingWorks() {
        vm.unlink(root, "/usr/lib/a.so");
        assertErrno(() -> vm.stat(root, "/usr/lib/a.so"), "ENOENT: no such file or directory, stat '/usr/lib/a.so'");
        assertThat(vm.readdir(root, "/usr/lib")).extracting(DirEntry::name).containsExactly("b.so");
        write(vm, "/usr/lib/a.so", "new A");
        assertThat(read(vm, "/usr/lib/a.so")).isEqualTo("new A");
        assertThat(vm.readdir(root, "/usr/lib")).extracting(DirEntry::name).containsExactlyInAnyOrder("a.so", "b.so");
        assertThat(read(new Vfs(base, clock), "/usr/lib/a.so")).isEqualTo("A");
    }

    @Test
    void rmdirOfAMergedDirectoryChecksBothLayersAndRecreatedDirectoryIsOpaque() {
        write(vm, "/usr/lib/new.so", "N");
        assertErrno(() -> vm.rmdir(root, "/usr/lib"), "ENOTEMPTY: directory not empty, rmdir '/usr/lib'");
        vm.unlink(root, "/usr/lib/new.so");
        assertErrno(() -> vm.rmdir(root, "/usr/lib"), "ENOTEMPTY: directory not empty, rmdir '/usr/lib'");
        vm.unlink(root, "/usr/lib/a.so");
        vm.unlink(root, "/usr/lib/b.so");
        assertThat(vm.readdir(root, "/usr/lib")).isEmpty();
        vm.rmdir(root, "/usr/lib");
        assertThat(vm.readdir(root, "/usr")).isEmpty();
        vm.mkdir(root, "/usr/lib", 0755);
        assertThat(vm.readdir(root, "/usr/lib")).isEmpty(); // the old lower contents stay hidden
        assertErrno(() -> vm.stat(root, "/usr/lib/a.so"), "ENOENT: no such file or directory, stat '/usr/lib/a.so'");
    }

    @Test
    void renamingALowerDirectoryTakesItsContentsAlong() {
        write(vm, "/usr/lib/extra", "E");
        vm.rename(root, "/usr/lib", "/lib64");
        assertThat(vm.readdir(root, "/lib64")).extracting(DirEntry::name).containsExactlyInAnyOrder("a.so", "b.so", "extra");
        assertThat(read(vm, "/lib64/a.so")).isEqualTo("A");
        assertErrno(() -> vm.stat(root, "/usr/lib"), "ENOENT: no such file or directory, stat '/usr/lib'");
        assertThat(vm.readdir(root, "/usr")).isEmpty();
        // Moving back over nothing: the lower /usr/lib must not merge into the moved directory.
        vm.unlink(root, "/lib64/a.so");
        vm.rename(root, "/lib64", "/usr/lib");
        assertThat(vm.readdir(root, "/usr/lib")).extracting(DirEntry::name).containsExactlyInAnyOrder("b.so", "extra");
    }

    @Test
    void renamingALowerFileOverAnother() {
        vm.rename(root, "/usr/lib/a.so", "/usr/lib/b.so");
        assertThat(read(vm, "/usr/lib/b.so")).isEqualTo("A");
        assertThat(vm.readdir(root, "/usr/lib")).extracting(DirEntry::name).containsExactly("b.so");
    }

    @Test
    void twoOverlaysOverOneFrozenLowerDoNotSeeEachOthersWrites() {
        Vfs other = new Vfs(new OverlayFileSystem(MemoryFileSystem.unlimited(clock), base), clock);
        write(vm, "/etc/hostname", "vm1");
        vm.unlink(root, "/usr/lib/b.so");
        assertThat(read(other, "/etc/hostname")).isEqualTo("base");
        assertThat(other.readdir(root, "/usr/lib")).extracting(DirEntry::name).containsExactly("a.so", "b.so");
        assertThat(read(vm, "/etc/hostname")).isEqualTo("vm1");
    }

    @Test
    void chmodAndChownCopyUpMetadata() {
        vm.chmod(root, "/usr/lib/a.so", 0700);
        vm.chown(root, "/usr/lib/a.so", 1000, 1000, true);
        FileStat st = vm.stat(root, "/usr/lib/a.so");
        assertThat(st.mode()).isEqualTo(0700);
        assertThat(st.uid()).isEqualTo(1000);
        assertThat(read(vm, "/usr/lib/a.so")).isEqualTo("A");
        assertThat(new Vfs(base, clock).stat(root, "/usr/lib/a.so").mode()).isEqualTo(0644);
    }

    @Test
    void aReaderOpenedBeforeACopyUpSeesTheWrite() {
        FileDescription reader = vm.open(root, "/etc/hostname", OpenFlags.O_RDONLY, 0);
        write(vm, "/etc/hostname", "changed");
        assertThat(VfsFixture.readAll(reader)).isEqualTo("changed");
    }

    @Test
    void hardLinkToALowerFileWorks() {
        vm.link(root, "/etc/hostname", "/etc/hostname2");
        write(vm, "/etc/hostname2", "both");
        assertThat(read(vm, "/etc/hostname")).isEqualTo("both");
    }

    @Test
    void upperQuotaFailsCopyUpCleanly() {
        MemoryFileSystem tiny = new MemoryFileSystem(clock, 1 << 20, 3); // root, work dir, one more
        Vfs small = new Vfs(new OverlayFileSystem(tiny, base), clock);
        assertErrno(() -> small.open(root, "/usr/lib/a.so", OpenFlags.O_WRONLY, 0).write(new byte[1], 0, 1),
                "ENOSPC: no space left on device, write");
        assertThat(read(small, "/usr/lib/a.so")).isEqualTo("A");
        assertThat(tiny.usage().usedInodes()).isLessThanOrEqualTo(3);
    }

    @Test
    void typeAndUsageComeFromTheUpperLayer() {
        OverlayFileSystem fs = new OverlayFileSystem(upper, base);
        assertThat(fs.type()).isEqualTo("overlay");
        assertThat(fs.usage()).isEqualTo(upper.usage());
    }
}
