package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static dev.agentos.kernel.TestVm.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.limit.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessLifecycleTest {
    static final CountDownLatch NEVER = new CountDownLatch(1);

    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("hello", ctx -> { out(ctx, "hello " + String.join(" ", ctx.argv().subList(1, ctx.argv().size())) + "\n"); return 0; })
            .add("exit", ctx -> Integer.parseInt(ctx.argv().get(1)))
            .add("cat", ctx -> { out(ctx, readAll(ctx, 0)); return 0; })
            .add("block", ctx -> { readAll(ctx, 0); return 0; })
            .add("spin", ctx -> { while (true) ctx.checkSignals(); })
            .add("crash", ctx -> { throw new IllegalStateException("boom"); })
            .add("trap", ctx -> {
                ctx.signalDisposition(Signal.SIGTERM, SignalDisposition.CATCH);
                out(ctx, "ready\n");
                try {
                    readAll(ctx, 0);
                    return 0;
                } catch (AgentOsException e) {
                    out(ctx, e.code() + " " + ctx.takePendingSignals() + "\n");
                    return 3;
                }
            })
            .add("ignore", ctx -> {
                ctx.signalDisposition(Signal.SIGTERM, SignalDisposition.IGNORE);
                out(ctx, "ready\n");
                readAll(ctx, 0);
                return 0;
            })
            .add("exiter", ctx -> { helper(ctx); return 9; })
            .add("catchkill", ctx -> {
                try {
                    ctx.signalDisposition(Signal.SIGKILL, SignalDisposition.CATCH);
                    return 0;
                } catch (AgentOsException e) {
                    out(ctx, e.getMessage() + "\n");
                    return 1;
                }
            })
            .build();

    private static void helper(ProcessContext ctx) {
        ctx.exit(42);
    }

    private final TestVm vm = new TestVm(PROGRAMS);

    @AfterEach void close() { vm.close(); }

    @Test void hostSpawnRunsProgramAndReportsExitCode() {
        TestVm.Run r = vm.run("hello", "a", "b");
        assertThat(r.stdout()).isEqualTo("hello a b\n");
        assertThat(r.status()).isEqualTo(new ExitStatus.Exited(0));
        assertThat(vm.run("exit", "7").code()).isEqualTo(7);
        assertThat(vm.run("exit", "300").code()).isEqualTo(300 & 0xff);
    }

    @Test void exitFromDeepInsideAProgramUnwindsWithItsStatus() {
        assertThat(vm.run("exiter").code()).isEqualTo(42);
    }

    @Test void anUncaughtExceptionEndsTheProcessWithStatusOneAndAMessage() {
        TestVm.Run r = vm.run("crash");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("crash: internal error: java.lang.IllegalStateException: boom");
    }

    @Test void stdinReachesTheProgramAndEofArrivesAfterTheLastWriterCloses() {
        TestVm.Started s = vm.start("cat");
        s.write("one\n");
        s.write("two\n");
        s.stdin().close();
        assertThat(s.await().stdout()).isEqualTo("one\ntwo\n");
    }

    @Test void sigkillEndsABlockedProcessAtOnce() {
        TestVm.Started s = vm.start("block");
        vm.kernel.processes().kill(s.process().pid(), Signal.SIGKILL);
        TestVm.Run r = s.await();
        assertThat(r.status()).isEqualTo(new ExitStatus.Signaled(Signal.SIGKILL));
        assertThat(r.code()).isEqualTo(137);
    }

    @Test void sigkillEndsASpinningProcess() {
        TestVm.Started s = vm.start("spin");
        s.process().signal(Signal.SIGKILL);
        assertThat(s.await().code()).isEqualTo(137);
    }

    @Test void sigtermByDefaultTerminatesWith143() {
        TestVm.Started s = vm.start("block");
        s.process().signal(Signal.SIGTERM);
        assertThat(s.await().code()).isEqualTo(143);
    }

    @Test void aCaughtSignalInterruptsABlockingReadWithEintrAndIsPending() throws Exception {
        TestVm.Started s = vm.start("trap");
        awaitOutput(s, "ready\n");
        s.process().signal(Signal.SIGTERM);
        TestVm.Run r = s.await();
        assertThat(r.stdout()).isEqualTo("ready\nEINTR [SIGTERM]\n");
        assertThat(r.code()).isEqualTo(3);
    }

    @Test void anIgnoredSignalChangesNothingButSigkillStillWins() throws Exception {
        TestVm.Started s = vm.start("ignore");
        awaitOutput(s, "ready\n");
        s.process().signal(Signal.SIGTERM);
        assertThat(s.process().isAlive()).isTrue();
        s.process().signal(Signal.SIGKILL);
        assertThat(s.await().code()).isEqualTo(137);
    }

    @Test void sigkillCannotBeCaught() {
        TestVm.Run r = vm.run("catchkill");
        assertThat(r.stdout()).isEqualTo("EINVAL: invalid argument, sigaction SIGKILL\n");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test void signallingANonexistentProcessFailsWithEsrch() {
        assertThatThrownBy(() -> vm.kernel.processes().kill(999_999, Signal.SIGKILL))
                .isInstanceOf(AgentOsException.class).hasMessage("ESRCH: no such process, kill 999999");
    }

    @Test void aMissingProgramFailsWithEnoentNamingIt() {
        assertThatThrownBy(() -> vm.start("nosuch"))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("ENOENT: no such file or directory, spawn 'nosuch'");
    }

    @Test void exitedProcessesLeaveTheTableAndTheirPidsAreNotReusedAtOnce() {
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestVm.Started s = vm.start("exit", "0");
            s.stdin().close();
            s.await();
            pids.add(s.process().pid());
        }
        assertThat(pids).doesNotHaveDuplicates();
        assertThat(vm.kernel.processes().list()).extracting(ProcessInfo::pid).containsExactly(1);
    }

    static void awaitOutput(TestVm.Started s, String text) {
        s.awaitStdout(text);
    }
}
