package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static dev.agentos.kernel.TestVm.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How files become programs (images, #! scripts, PATH), and what /proc and /dev show a process. */
class ExecAndProcFsTest {
    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("args", ctx -> { out(ctx, String.join("|", ctx.argv()) + "\n"); return 0; })
            .add("cat", ctx -> {
                for (String f : ctx.argv().subList(1, ctx.argv().size())) {
                    int fd = ctx.open(f, OpenFlags.O_RDONLY, 0);
                    out(ctx, readAll(ctx, fd));
                    ctx.close(fd);
                }
                return 0;
            })
            .add("devfd", ctx -> {
                int[] p = ctx.pipe();
                byte[] b = "through /dev/fd".getBytes(StandardCharsets.UTF_8);
                ctx.write(p[1], b, 0, b.length);
                ctx.close(p[1]);
                int fd = ctx.open("/dev/fd/" + p[0], OpenFlags.O_RDONLY, 0);
                out(ctx, readAll(ctx, fd) + "\n");
                out(ctx, ctx.readlink("/proc/self/fd/" + p[0]).startsWith("pipe:[") + "\n");
                return 0;
            })
            .add("unlinked", ctx -> {
                int fd = ctx.open("/tmp/gone", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
                byte[] b = "still here".getBytes(StandardCharsets.UTF_8);
                ctx.write(fd, b, 0, b.length);
                ctx.unlink("/tmp/gone");
                ctx.seek(fd, 0, 0);
                out(ctx, readAll(ctx, fd) + " " + ctx.access("/tmp/gone", 0) + "\n");
                return 0;
            })
            .build();

    private final TestVm vm = new TestVm(PROGRAMS);
    private final Caller root = Caller.host(Credentials.ROOT, "/");

    @AfterEach void close() { vm.close(); }

    private void write(String path, String text, int mode) {
        var f = vm.kernel.vfs().open(root, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        f.write(b, 0, b.length);
        f.close();
        vm.kernel.vfs().chmod(root, path, mode);
    }

    @Test void programsAreInstalledAsFilesInBin() {
        assertThat(vm.kernel.vfs().stat(root, "/bin/args").mode()).isEqualTo(0755);
        assertThat(vm.run("/bin/args", "x").stdout()).isEqualTo("/bin/args|x\n");
        assertThat(vm.run("args", "x").stdout()).isEqualTo("args|x\n");
    }

    @Test void aCopiedProgramImageRunsTheSameProgram() {
        write("/tmp/mine", new String(ProgramImage.contentFor("args"), StandardCharsets.UTF_8), 0755);
        assertThat(vm.run("/tmp/mine", "y").stdout()).isEqualTo("/tmp/mine|y\n");
    }

    @Test void aShebangScriptRunsItsInterpreterWithTheScriptPath() {
        write("/tmp/script", "#!/bin/args -flag\nbody\n", 0755);
        assertThat(vm.run("/tmp/script", "a1").stdout()).isEqualTo("/bin/args|-flag|/tmp/script|a1\n");
    }

    @Test void aNonExecutableFileFailsWithEaccesAndGarbageWithEnoexec() {
        write("/tmp/plain", "just text\n", 0644);
        assertThatThrownBy(() -> vm.start("/tmp/plain")).isInstanceOf(AgentOsException.class)
                .hasMessage("EACCES: permission denied, spawn '/tmp/plain'");
        write("/tmp/garbage", "just text\n", 0755);
        assertThatThrownBy(() -> vm.start("/tmp/garbage")).isInstanceOf(AgentOsException.class)
                .hasMessage("ENOEXEC: exec format error, spawn '/tmp/garbage'");
    }

    @Test void procSelfShowsTheCallersOwnProcess() {
        TestVm.Run r = vm.run("cat", "/proc/self/cmdline", "/proc/self/comm");
        assertThat(r.stdout()).isEqualTo("cat\0/proc/self/cmdline\0/proc/self/comm\0cat\n");
    }

    @Test void procListsProcessesAndSystemFiles() {
        TestVm.Run r = vm.run("cat", "/proc/1/cmdline", "/etc/hostname");
        assertThat(r.stdout()).isEqualTo("/sbin/init\0agentos\n");
        assertThat(vm.kernel.vfs().readdir(root, "/proc")).extracting(e -> e.name()).contains("self", "uptime", "1");
    }

    @Test void devFdReopensAPipeAndProcFdNamesIt() {
        assertThat(vm.run("devfd").stdout()).isEqualTo("through /dev/fd\ntrue\n");
    }

    @Test void anUnlinkedFileStaysReadableThroughAnOpenFd() {
        assertThat(vm.run("unlinked").stdout()).isEqualTo("still here false\n");
    }

    @Test void devNullSwallowsAndDevZeroFills() {
        TestVm.Run r = vm.run("cat", "/dev/null");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.code()).isZero();
    }

    @Test void etcHasTheUsersAndHostnameOfTheVm() {
        assertThat(vm.run("cat", "/etc/passwd").stdout()).contains("agentos:x:1000:1000:agentOS:/home/agentos:/bin/bash");
        assertThat(vm.kernel.vfs().stat(root, "/home/agentos").uid()).isEqualTo(1000);
        assertThat(vm.kernel.vfs().stat(root, "/tmp").mode()).isEqualTo(01777);
    }
}
