package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each limit stops the one call that crosses it, with a message naming it; the VM stays up. */
class KernelLimitsTest {
    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("hello", ctx -> { out(ctx, "hello\n"); return 0; })
            .add("bomb", ctx -> {
                // each generation starts two more; at the limit spawn fails and the survivors exit
                int started = 0;
                for (int i = 0; i < 2; i++) {
                    try {
                        ctx.spawn(SpawnRequest.of("bomb", List.of()));
                        started++;
                    } catch (AgentOsException e) {
                        if (e.code().equals("EAGAIN")) TestVm.err(ctx, e.getMessage() + "\n");
                    }
                }
                for (int i = 0; i < started; i++) ctx.waitpid(-1, WaitOptions.BLOCK);
                return 0;
            })
            .add("fds", ctx -> {
                try {
                    while (true) ctx.open("/dev/null", OpenFlags.O_RDONLY, 0);
                } catch (AgentOsException e) {
                    out(ctx, e.getMessage() + "\n");
                    return 1;
                }
            })
            .add("pipes", ctx -> {
                try {
                    while (true) ctx.pipe();
                } catch (AgentOsException e) {
                    out(ctx, e.getMessage() + "\n");
                    return 1;
                }
            })
            .add("disk", ctx -> {
                int fd = ctx.open("/tmp/big", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
                byte[] mb = new byte[1 << 20];
                long written = 0;
                try {
                    while (true) { ctx.write(fd, mb, 0, mb.length); written += mb.length; }
                } catch (AgentOsException e) {
                    out(ctx, e.code() + " after " + (written >> 20) + " MiB\n");
                    return 1;
                }
            })
            .build();

    @Test void aForkBombHitsTheProcessLimitAndTheVmStaysUp() {
        try (TestVm vm = new TestVm(PROGRAMS, Limits.DEFAULT.withMaxProcesses(40))) {
            TestVm.Run r = vm.run("bomb");
            assertThat(r.stderr()).contains("EAGAIN: resource temporarily unavailable, spawn (limit of 40 processes reached)");
            assertThat(r.code()).isZero();
            assertThat(vm.kernel.processes().liveCount()).isZero();
            assertThat(vm.run("hello").stdout()).isEqualTo("hello\n");
        }
    }

    @Test void openingTooManyFilesFailsWithEmfile() {
        try (TestVm vm = new TestVm(PROGRAMS, Limits.DEFAULT.withMaxOpenFiles(16))) {
            assertThat(vm.run("fds").stdout()).isEqualTo("EMFILE: too many open files, open (limit of 16 open files per process reached)\n");
        }
    }

    @Test void tooManyPipesFailWithEnfile() {
        try (TestVm vm = new TestVm(PROGRAMS, Limits.DEFAULT.withMaxPipes(10))) {
            // the test harness itself holds 3 pipes for the program's stdio
            assertThat(vm.run("pipes").stdout()).isEqualTo("ENFILE: too many open files in system, pipe (limit of 10 pipes reached)\n");
        }
    }

    @Test void fillingTheDiskFailsWithEnospcAndOtherFilesStillWork() {
        try (TestVm vm = new TestVm(PROGRAMS, Limits.DEFAULT.withFsMaxBytes(8L << 20))) {
            TestVm.Run r = vm.run("disk");
            assertThat(r.stdout()).startsWith("ENOSPC after ");
            assertThat(vm.run("hello").stdout()).isEqualTo("hello\n");
        }
    }

    @Test void oversizedArgvFailsWithE2big() {
        try (TestVm vm = new TestVm(PROGRAMS, Limits.DEFAULT.withMaxArgvEnvBytes(1024))) {
            assertThatThrownBy(() -> vm.start("hello", "x".repeat(2000)))
                    .isInstanceOf(AgentOsException.class)
                    .hasMessageStartingWith("E2BIG: argument list too long, spawn (argv and environment are ");
        }
    }
}
