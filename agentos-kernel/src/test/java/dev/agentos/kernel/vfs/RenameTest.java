package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.io.FileDescription;
import org.junit.jupiter.api.Test;

class RenameTest extends VfsFixture {
    @Test
    void renameMovesAFileAndReplacesAnExistingOne() {
        write(root, "/tmp/a", "A");
        write(root, "/tmp/b", "B");
        FileDescription oldB = vfs.open(root, "/tmp/b", OpenFlags.O_RDONLY, 0);
        vfs.rename(root, "/tmp/a", "/tmp/b");
        assertThat(read(root, "/tmp/b")).isEqualTo("A");
        assertErrno(() -> vfs.stat(root, "/tmp/a"), "ENOENT: no such file or directory, stat '/tmp/a'");
        assertThat(readAll(oldB)).isEqualTo("B"); // the replaced file lives on for its open description
    }

    @Test
    void renameOntoItselfDoesNothing() {
        write(root, "/tmp/a", "A");
        vfs.link(root, "/tmp/a", "/tmp/hard");
        vfs.rename(root, "/tmp/a", "/tmp/a");
        vfs.rename(root, "/tmp/a", "/tmp/hard"); // same inode: POSIX says do nothing
        assertThat(read(root, "/tmp/a")).isEqualTo("A");
        assertThat(read(root, "/tmp/hard")).isEqualTo("A");
    }

    @Test
    void renameNonDirectoryOverDirectoryFailsWithEISDIR() {
        write(root, "/tmp/f", "x");
        vfs.mkdir(root, "/tmp/d", 0755);
        assertErrno(() -> vfs.rename(root, "/tmp/f", "/tmp/d"), "EISDIR: illegal operation on a directory, rename '/tmp/f' -> '/tmp/d'");
    }

    @Test
    void renameDirectoryOverNonDirectoryFailsWithENOTDIR() {
        write(root, "/tmp/f", "x");
        vfs.mkdir(root, "/tmp/d", 0755);
        assertErrno(() -> vfs.rename(root, "/tmp/d", "/tmp/f"), "ENOTDIR: not a directory, rename '/tmp/d' -> '/tmp/f'");
    }

    @Test
    void renameDirectoryOverNonEmptyDirectoryFailsWithENOTEMPTY() {
        vfs.mkdir(root, "/tmp/a", 0755);
        vfs.mkdir(root, "/tmp/b", 0755);
        write(root, "/tmp/b/x", "x");
        assertErrno(() -> vfs.rename(root, "/tmp/a", "/tmp/b"), "ENOTEMPTY: directory not empty, rename '/tmp/a' -> '/tmp/b'");
    }

    @Test
    void renameDirectoryOverEmptyDirectoryReplacesIt() {
        vfs.mkdir(root, "/tmp/a", 0755);
        write(root, "/tmp/a/x", "x");
        vfs.mkdir(root, "/tmp/b", 0755);
        vfs.rename(root, "/tmp/a", "/tmp/b");
        assertThat(read(root, "/tmp/b/x")).isEqualTo("x");
        assertThat(vfs.stat(root, "/tmp").nlink()).isEqualTo(3);
    }

    @Test
    void renameDirectoryIntoItsOwnSubtreeFailsWithEINVAL() {
        vfs.mkdir(root, "/tmp/a", 0755);
        vfs.mkdir(root, "/tmp/a/b", 0755);
        assertErrno(() -> vfs.rename(root, "/tmp/a", "/tmp/a/b/c"), "EINVAL: invalid argument, rename '/tmp/a' -> '/tmp/a/b/c'");
        vfs.symlink(root, "/tmp/a/b", "/tmp/sneaky");
        assertErrno(() -> vfs.rename(root, "/tmp/a", "/tmp/sneaky/c"), "EINVAL: invalid argument, rename '/tmp/a' -> '/tmp/sneaky/c'");
    }

    @Test
    void renameOfRootOrAMountPointFailsWithEBUSY() {
        assertErrno(() -> vfs.rename(root, "/", "/x"), "EBUSY: device or resource busy, rename '/' -> '/x'");
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", MemoryFileSystem.unlimited(clock), false);
        assertErrno(() -> vfs.rename(root, "/mnt", "/mnt2"), "EBUSY: device or resource busy, rename '/mnt' -> '/mnt2'");
        vfs.mkdir(root, "/outer", 0755);
        vfs.mkdir(root, "/outer/m", 0755);
        vfs.mount("/outer/m", MemoryFileSystem.unlimited(clock), false);
        assertErrno(() -> vfs.rename(root, "/outer", "/outer2"), "EBUSY: device or resource busy, rename '/outer' -> '/outer2'");
    }

    @Test
    void renameAcrossMountsFailsWithEXDEV() {
        vfs.mkdir(root, "/mnt", 0755);
        vfs.mount("/mnt", MemoryFileSystem.unlimited(clock), false);
        write(root, "/tmp/f", "x");
        assertErrno(() -> vfs.rename(root, "/tmp/f", "/mnt/f"), "EXDEV: invalid cross-device link, rename '/tmp/f' -> '/mnt/f'");
    }

    @Test
    void renameOfAMissingSourceIsENOENT() {
        assertErrno(() -> vfs.rename(root, "/tmp/none", "/tmp/x"), "ENOENT: no such file or directory, rename '/tmp/none' -> '/tmp/x'");
    }

    @Test
    void renameInAStickyDirectoryNeedsOwnership() {
        write(root, "/tmp/rootfile", "r");
        assertErrno(() -> vfs.rename(agent, "/tmp/rootfile", "/tmp/mine"),
                "EPERM: operation not permitted, rename '/tmp/rootfile' -> '/tmp/mine'");
        write(agent, "/tmp/agentfile", "a");
        vfs.rename(agent, "/tmp/agentfile", "/tmp/renamed");
        assertThat(read(agent, "/tmp/renamed")).isEqualTo("a");
    }

    @Test
    void renameOfASymlinkMovesTheLinkNotTheTarget() {
        write(root, "/tmp/t", "x");
        vfs.symlink(root, "/tmp/t", "/tmp/l");
        vfs.rename(root, "/tmp/l", "/tmp/l2");
        assertThat(vfs.readlink(root, "/tmp/l2")).isEqualTo("/tmp/t");
        assertThat(read(root, "/tmp/t")).isEqualTo("x");
    }
}
