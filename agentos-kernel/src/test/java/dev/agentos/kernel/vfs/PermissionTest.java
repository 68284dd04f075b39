package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.OpenFlags.*;
import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.Credentials;
import org.junit.jupiter.api.Test;

class PermissionTest extends VfsFixture {
    private final Caller other = new Caller(3, new Credentials(1001, 1001, new int[] {1000}), "/", 022);

    @Test
    void ownerGroupAndOtherBitsDecideOpen() {
        write(agent, "/home/agentos/f", "x");
        vfs.chmod(agent, "/home/agentos/f", 0640);
        assertThat(read(agent, "/home/agentos/f")).isEqualTo("x");
        assertThat(read(other, "/home/agentos/f")).isEqualTo("x"); // via supplementary group 1000
        assertErrno(() -> vfs.open(other, "/home/agentos/f", O_WRONLY, 0), "EACCES: permission denied, open '/home/agentos/f'");
        Caller stranger = new Caller(4, new Credentials(2000, 2000, new int[0]), "/", 022);
        assertErrno(() -> vfs.open(stranger, "/home/agentos/f", O_RDONLY, 0), "EACCES: permission denied, open '/home/agentos/f'");
        assertThat(read(root, "/home/agentos/f")).isEqualTo("x");
    }

    @Test
    void rootBypassesEverythingButNeedsAnExecuteBitToExecute() {
        write(agent, "/home/agentos/f", "x");
        vfs.chmod(agent, "/home/agentos/f", 0);
        assertThat(vfs.access(root, "/home/agentos/f", 4 | 2)).isTrue();
        assertThat(vfs.access(root, "/home/agentos/f", 1)).isFalse();
        vfs.chmod(agent, "/home/agentos/f", 0010);
        assertThat(vfs.access(root, "/home/agentos/f", 1)).isTrue();
        assertThat(vfs.access(agent, "/home/agentos/f", 0)).isTrue();
        assertThat(vfs.access(agent, "/home/agentos/f", 4)).isFalse();
        assertErrno(() -> vfs.access(agent, "/home/agentos/none", 0), "ENOENT: no such file or directory, access '/home/agentos/none'");
    }

    @Test
    void searchPermissionIsNeededOnEveryDirectoryWalked() {
        vfs.mkdir(agent, "/home/agentos/private", 0700);
        write(agent, "/home/agentos/private/f", "x");
        vfs.chmod(agent, "/home/agentos/private/f", 0644);
        assertErrno(() -> vfs.stat(other, "/home/agentos/private/f"), "EACCES: permission denied, stat '/home/agentos/private/f'");
        assertThat(vfs.stat(root, "/home/agentos/private/f").size()).isEqualTo(1);
    }

    @Test
    void creatingNeedsWriteOnTheParent() {
        assertErrno(() -> vfs.open(agent, "/etc-file", O_CREAT | O_WRONLY, 0644), "EACCES: permission denied, open '/etc-file'");
        assertErrno(() -> vfs.mkdir(agent, "/home/x", 0755), "EACCES: permission denied, mkdir '/home/x'");
        assertErrno(() -> vfs.unlink(agent, "/tmp"), "EACCES: permission denied, unlink '/tmp'");
        vfs.mkdir(agent, "/home/agentos/ok", 0755);
    }

    @Test
    void stickyTmpLetsOnlyTheOwnerRemove() {
        write(agent, "/tmp/agents", "a");
        assertErrno(() -> vfs.unlink(other, "/tmp/agents"), "EPERM: operation not permitted, unlink '/tmp/agents'");
        vfs.mkdir(agent, "/tmp/agentdir", 0777);
        assertErrno(() -> vfs.rmdir(other, "/tmp/agentdir"), "EPERM: operation not permitted, rmdir '/tmp/agentdir'");
        vfs.unlink(agent, "/tmp/agents");
        vfs.rmdir(root, "/tmp/agentdir");
    }

    @Test
    void chmodAndExplicitUtimesNeedOwnership() {
        write(root, "/tmp/rootfile", "r");
        vfs.chmod(root, "/tmp/rootfile", 0666);
        assertErrno(() -> vfs.chmod(agent, "/tmp/rootfile", 0777), "EPERM: operation not permitted, chmod '/tmp/rootfile'");
        assertErrno(() -> vfs.utimes(agent, "/tmp/rootfile", 1, 2, true), "EPERM: operation not permitted, utime '/tmp/rootfile'");
        vfs.utimes(agent, "/tmp/rootfile", Long.MAX_VALUE, Long.MAX_VALUE, true); // "now" needs only write access
        vfs.chmod(root, "/tmp/rootfile", 0644);
        assertErrno(() -> vfs.utimes(agent, "/tmp/rootfile", Long.MAX_VALUE, Long.MAX_VALUE, true),
                "EACCES: permission denied, utime '/tmp/rootfile'");
    }

    @Test
    void chownIsForRootExceptAnOwnerMovingTheGroupToOneOfTheirs() {
        write(agent, "/tmp/f", "x");
        assertErrno(() -> vfs.chown(agent, "/tmp/f", 0, -1, true), "EPERM: operation not permitted, chown '/tmp/f'");
        assertErrno(() -> vfs.chown(agent, "/tmp/f", -1, 0, true), "EPERM: operation not permitted, chown '/tmp/f'");
        vfs.chown(other, "/tmp", -1, -1, true); // no change requested... but other does not own /tmp
        Caller agentInGroups = new Caller(2, new Credentials(1000, 1000, new int[] {50}), "/", 022);
        vfs.chown(agentInGroups, "/tmp/f", -1, 50, true);
        assertThat(vfs.stat(root, "/tmp/f").gid()).isEqualTo(50);
        vfs.chown(root, "/tmp/f", 7, 8, true);
        assertThat(vfs.stat(root, "/tmp/f").uid()).isEqualTo(7);
    }

    @Test
    void lchownChangesTheLinkNotTheTarget() {
        write(root, "/tmp/t", "x");
        vfs.symlink(root, "/tmp/t", "/tmp/l");
        vfs.chown(root, "/tmp/l", 5, 5, false);
        assertThat(vfs.lstat(root, "/tmp/l").uid()).isEqualTo(5);
        assertThat(vfs.stat(root, "/tmp/l").uid()).isZero();
    }

    @Test
    void setgidDirectoryPassesItsGroupOn() {
        vfs.mkdir(root, "/shared", 0777);
        vfs.chown(root, "/shared", 0, 77, true);
        vfs.chmod(root, "/shared", 02777);
        write(agent, "/shared/f", "x");
        vfs.mkdir(agent, "/shared/d", 0755);
        assertThat(vfs.stat(root, "/shared/f").gid()).isEqualTo(77);
        assertThat(vfs.stat(root, "/shared/d").gid()).isEqualTo(77);
        assertThat(vfs.stat(root, "/shared/d").mode() & 02000).isEqualTo(02000);
    }

    @Test
    void readdirNeedsReadPermission() {
        vfs.mkdir(agent, "/home/agentos/locked", 0311);
        assertErrno(() -> vfs.readdir(other, "/home/agentos/locked"), "EACCES: permission denied, scandir '/home/agentos/locked'");
    }
}
