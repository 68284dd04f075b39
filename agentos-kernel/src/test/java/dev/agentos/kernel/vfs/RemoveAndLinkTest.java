package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoveAndLinkTest extends VfsFixture {
    @Test
    void unlinkOfADirectoryFailsWithEISDIR() {
        vfs.mkdir(root, "/tmp/d", 0755);
        assertErrno(() -> vfs.unlink(root, "/tmp/d"), "EISDIR: illegal operation on a directory, unlink '/tmp/d'");
        assertErrno(() -> vfs.unlink(root, "/tmp/none"), "ENOENT: no such file or directory, unlink '/tmp/none'");
    }

    @Test
    void unlinkOfASymlinkRemovesTheLinkOnly() {
        write(root, "/tmp/t", "x");
        vfs.symlink(root, "/tmp/t", "/tmp/l");
        vfs.unlink(root, "/tmp/l");
        assertThat(read(root, "/tmp/t")).isEqualTo("x");
    }

    @Test
    void rmdirErrors() {
        write(root, "/tmp/f", "x");
        assertErrno(() -> vfs.rmdir(root, "/tmp/f"), "ENOTDIR: not a directory, rmdir '/tmp/f'");
        assertErrno(() -> vfs.rmdir(root, "/tmp/."), "EINVAL: invalid argument, rmdir '/tmp/.'");
        assertErrno(() -> vfs.rmdir(root, "/home"), "ENOTEMPTY: directory not empty, rmdir '/home'");
        assertErrno(() -> vfs.rmdir(root, "/"), "EBUSY: device or resource busy, rmdir '/'");
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", MemoryFileSystem.unlimited(clock), false);
        assertErrno(() -> vfs.rmdir(root, "/mnt"), "EBUSY: device or resource busy, rmdir '/mnt'");
        vfs.mkdir(root, "/tmp/empty", 0755);
        vfs.rmdir(root, "/tmp/empty");
        assertErrno(() -> vfs.stat(root, "/tmp/empty"), "ENOENT: no such file or directory, stat '/tmp/empty'");
    }

    @Test
    void mkdirOfAnExistingNameFailsWithEEXIST() {
        assertErrno(() -> vfs.mkdir(root, "/tmp", 0755), "EEXIST: file already exists, mkdir '/tmp'");
        assertErrno(() -> vfs.mkdir(root, "/", 0755), "EEXIST: file already exists, mkdir '/'");
        vfs.symlink(root, "/nowhere", "/tmp/l");
        assertErrno(() -> vfs.mkdir(root, "/tmp/l", 0755), "EEXIST: file already exists, mkdir '/tmp/l'");
    }

    @Test
    void linkToADirectoryFailsWithEPERM() {
        assertErrno(() -> vfs.link(root, "/tmp", "/tmp2"), "EPERM: operation not permitted, link '/tmp' -> '/tmp2'");
    }

    @Test
    void linkAcrossMountsFailsWithEXDEV() {
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", MemoryFileSystem.unlimited(clock), false);
        write(root, "/tmp/f", "x");
        assertErrno(() -> vfs.link(root, "/tmp/f", "/mnt/f"), "EXDEV: invalid cross-device link, link '/tmp/f' -> '/mnt/f'");
    }

    @Test
    void linkOntoAnExistingNameFailsWithEEXIST() {
        write(root, "/tmp/a", "a");
        write(root, "/tmp/b", "b");
        assertErrno(() -> vfs.link(root, "/tmp/a", "/tmp/b"), "EEXIST: file already exists, link '/tmp/a' -> '/tmp/b'");
    }

    @Test
    void hardLinkedDataIsSharedAndSurvivesUnlinkOfTheFirstName() {
        write(root, "/tmp/a", "shared");
        vfs.link(root, "/tmp/a", "/tmp/b");
        write(root, "/tmp/b", "changed");
        assertThat(read(root, "/tmp/a")).isEqualTo("changed");
        vfs.unlink(root, "/tmp/a");
        assertThat(vfs.stat(root, "/tmp/b").nlink()).isEqualTo(1);
        assertThat(read(root, "/tmp/b")).isEqualTo("changed");
    }

    @Test
    void readlinkOfANonSymlinkIsEINVAL() {
        assertErrno(() -> vfs.readlink(root, "/tmp"), "EINVAL: invalid argument, readlink '/tmp'");
    }

    @Test
    void symlinkOverAnExistingNameIsEEXIST() {
        assertErrno(() -> vfs.symlink(root, "/x", "/tmp"), "EEXIST: file already exists, symlink '/x' -> '/tmp'");
    }

    @Test
    void mknodMakesFifosAndSocketsAndRejectsOtherTypes() {
        vfs.mknod(root, "/tmp/s", FileType.SOCKET, 0755);
        assertThat(vfs.stat(root, "/tmp/s").type()).isEqualTo(FileType.SOCKET);
        assertThat(vfs.stat(root, "/tmp/s").mode()).isEqualTo(0755);
        assertErrno(() -> vfs.mknod(root, "/tmp/c", FileType.CHAR_DEVICE, 0644), "EINVAL: invalid argument, mknod '/tmp/c'");
        assertErrno(() -> vfs.open(root, "/tmp/s", OpenFlags.O_RDONLY, 0), "ENXIO: no such device or address, open '/tmp/s'");
    }

    @Test
    void readdirOfAFileIsENOTDIRAndOfMissingIsENOENT() {
        write(root, "/tmp/f", "x");
        assertErrno(() -> vfs.readdir(root, "/tmp/f"), "ENOTDIR: not a directory, scandir '/tmp/f'");
        assertErrno(() -> vfs.readdir(root, "/nope"), "ENOENT: no such file or directory, scandir '/nope'");
    }
}
