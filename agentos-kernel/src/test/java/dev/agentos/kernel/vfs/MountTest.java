package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTest extends VfsFixture {
    private final MemoryFileSystem data = new MemoryFileSystem(clock, 1 << 20, 100);

    @Test
    void aMountedFileSystemShowsAtItsMountPointWithItsOwnDevice() {
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", data, false);
        write(root, "/mnt/f", "on data");
        assertThat(data.root().lookup("f")).isPresent();
        assertThat(vfs.stat(root, "/mnt/f").dev()).isNotEqualTo(vfs.stat(root, "/tmp").dev());
        assertThat(vfs.stat(root, "/mnt").ino()).isEqualTo(data.root().stat().ino());
        assertThat(vfs.statfs(root, "/mnt/f").totalBytes()).isEqualTo(1 << 20);
        assertThat(vfs.mounts()).extracting(Vfs.MountInfo::path, Vfs.MountInfo::type, Vfs.MountInfo::readOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/", "memory", false),
                        org.assertj.core.groups.Tuple.tuple("/mnt", "memory", false));
    }

    @Test
    void dotDotAtAMountRootGoesToTheParentOfTheMountPoint() {
        vfs.mkdir(root, "/outer", 0755);
        vfs.mkdir(root, "/outer/mnt", 0755);
        write(root, "/outer/sibling", "s");
        vfs.mount("/outer/mnt", data, false);
        assertThat(read(root, "/outer/mnt/../sibling")).isEqualTo("s");
        assertThat(vfs.realpath(root, "/outer/mnt/..")).isEqualTo("/outer");
        assertThat(vfs.realpath(new Caller(1, root.credentials(), "/outer/mnt", 022), "../mnt/./..")).isEqualTo("/outer");
    }

    @Test
    void mountingTwiceOnOneDirectoryIsEBUSYAndOnAFileENOTDIR() {
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", data, false);
        assertErrno(() -> vfs.mount("/mnt", MemoryFileSystem.unlimited(clock), false), "EBUSY: device or resource busy, mount '/mnt'");
        write(root, "/tmp/f", "x");
        assertErrno(() -> vfs.mount("/tmp/f", MemoryFileSystem.unlimited(clock), false), "ENOTDIR: not a directory, mount '/tmp/f'");
        assertErrno(() -> vfs.mount("/none", MemoryFileSystem.unlimited(clock), false), "ENOENT: no such file or directory, mount '/none'");
    }

    @Test
    void unmountUncoversTheDirectory() {
        vfs.mkdir(root, "/mnt", 0755);
        write(root, "/mnt/under", "hidden");
        vfs.mount("/mnt", data, false);
        assertErrno(() -> vfs.stat(root, "/mnt/under"), "ENOENT: no such file or directory, stat '/mnt/under'");
        vfs.unmount("/mnt");
        assertThat(read(root, "/mnt/under")).isEqualTo("hidden");
        assertErrno(() -> vfs.unmount("/mnt"), "EINVAL: invalid argument, umount '/mnt'");
    }

    @Test
    void readOnlyMountRefusesEveryChangeWithEROFS() {
        vfs.mkdir(root, "/ro", 0755);
        data.root().create("f", FileType.REGULAR, 0666, 0, 0);
        data.root().create("d", FileType.DIRECTORY, 0777, 0, 0);
        vfs.mount("/ro", data, true);
        assertErrno(() -> vfs.open(root, "/ro/g", OpenFlags.O_CREAT | OpenFlags.O_WRONLY, 0644), "EROFS: read-only file system, open '/ro/g'");
        assertErrno(() -> vfs.open(root, "/ro/f", OpenFlags.O_WRONLY, 0), "EROFS: read-only file system, open '/ro/f'");
        assertErrno(() -> vfs.mkdir(root, "/ro/x", 0755), "EROFS: read-only file system, mkdir '/ro/x'");
        assertErrno(() -> vfs.unlink(root, "/ro/f"), "EROFS: read-only file system, unlink '/ro/f'");
        assertErrno(() -> vfs.rmdir(root, "/ro/d"), "EROFS: read-only file system, rmdir '/ro/d'");
        assertErrno(() -> vfs.rename(root, "/ro/f", "/ro/g"), "EROFS: read-only file system, rename '/ro/f' -> '/ro/g'");
        assertErrno(() -> vfs.chmod(root, "/ro/f", 0600), "EROFS: read-only file system, chmod '/ro/f'");
        assertErrno(() -> vfs.truncate(root, "/ro/f", 0), "EROFS: read-only file system, truncate '/ro/f'");
        assertErrno(() -> vfs.symlink(root, "x", "/ro/l"), "EROFS: read-only file system, symlink 'x' -> '/ro/l'");
        assertThat(vfs.access(root, "/ro/f", 2)).isFalse();
        assertThat(read(root, "/ro/f")).isEmpty();
        assertThat(vfs.mounts().get(1).readOnly()).isTrue();
    }

    @Test
    void symlinksCrossMounts() {
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", data, false);
        write(root, "/tmp/f", "x");
        vfs.symlink(root, "../tmp/f", "/mnt/l");
        assertThat(read(root, "/mnt/l")).isEqualTo("x");
    }
}
