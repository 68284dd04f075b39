package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.TestVm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runnable-time accounting (times(2), ProcessInfo.cpuTimeNanos) and niceness. */
class ProcessTimesTest {
    private static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(60);

    private final TestVm vm = new TestVm(TestVm.programs()
            .add("spin", ctx -> {
                long end = System.nanoTime() + SPIN_NANOS;
                while (System.nanoTime() < end) ctx.checkSignals();
                return 0;
            })
            .add("reader", ctx -> {
                byte[] b = new byte[1];
                ctx.read(0, b, 0, 1);
                return 0;
            })
            .add("timer", ctx -> {
                long before = ctx.times().childrenCpuNanos();
                int pid = ctx.spawn(SpawnRequest.of("spin", List.of()));
                ctx.waitpid(pid, WaitOptions.BLOCK);
                out(ctx, (ctx.times().childrenCpuNanos() - before) + " " + ctx.times().cpuNanos() + "\n");
                return 0;
            })
            .add("nicer", ctx -> {
                ctx.setNice(ctx.nice() + 5);
                int pid = ctx.spawn(SpawnRequest.of("shownice", List.of()));
                ctx.waitpid(pid, WaitOptions.BLOCK);
                try {
                    ctx.setNice(0);
                } catch (AgentOsException e) {
                    out(ctx, e.errno().map(Errno::name).orElse("?") + "\n");
                }
                return 0;
            })
            .add("shownice", ctx -> {
                out(ctx, ctx.nice() + " " + ctx.processes().stream().filter(p -> p.pid() == ctx.pid()).findFirst().orElseThrow().nice() + "\n");
                return 0;
            })
            .build());

    @AfterEach void close() { vm.close(); }

    @Test void aBusyChildsRunnableTimeReachesItsParentAtReaping() {
        TestVm.Run r = vm.run("timer");
        String[] f = r.stdout().trim().split(" ");
        assertThat(Long.parseLong(f[0])).isGreaterThanOrEqualTo(SPIN_NANOS * 9 / 10);
        assertThat(Long.parseLong(f[1])).isPositive();
    }

    @Test void aProcessBlockedOnAPipeSleepsAndAccruesNoTime() {
        TestVm.Started s = vm.start("reader");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (s.process().info().state() != ProcessState.SLEEPING) {
            assertThat(System.nanoTime()).as("reader never blocked").isLessThan(deadline);
            Thread.onSpinWait();
        }
        long before = s.process().info().cpuTimeNanos();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        while (System.nanoTime() < until) Thread.onSpinWait(); // wall time passes while it stays blocked
        assertThat(s.process().info().cpuTimeNanos() - before).isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
        s.write("x");
        assertThat(s.await().code()).isZero();
    }

    @Test void nicenessIsInheritedAndOnlyRaisedWithoutRoot() {
        TestVm.Run r = vm.run("nicer");
        assertThat(r.stdout()).isEqualTo("5 5\nEACCES\n");
    }
}
