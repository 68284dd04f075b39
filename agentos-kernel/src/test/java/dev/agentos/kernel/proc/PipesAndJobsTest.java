package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static dev.agentos.kernel.TestVm.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Processes working together: pipelines, SIGPIPE, waitpid, groups, stop/continue, orphans. */
class PipesAndJobsTest {
    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("yes", ctx -> {
                byte[] y = "y\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
                while (true) ctx.write(1, y, 0, y.length);
            })
            .add("head1", ctx -> {
                byte[] one = new byte[1];
                StringBuilder line = new StringBuilder();
                while (ctx.read(0, one, 0, 1) > 0 && one[0] != '\n') line.append((char) one[0]);
                out(ctx, line + "\n");
                return 0;
            })
            .add("cat", ctx -> { out(ctx, readAll(ctx, 0)); return 0; })
            .add("spin", ctx -> { while (true) ctx.checkSignals(); })
            .add("sleeper", ctx -> { ctx.sleep(java.time.Duration.ofHours(1)); return 0; })
            .add("pipeline", ctx -> {
                int[] p = ctx.pipe();
                int yes = ctx.spawn(SpawnRequest.of("yes", List.of()).withFdActions(List.of(new FdAction.Dup2(p[1], 1), new FdAction.Close(p[0]), new FdAction.Close(p[1]))));
                int head = ctx.spawn(SpawnRequest.of("head1", List.of()).withFdActions(List.of(new FdAction.Dup2(p[0], 0), new FdAction.Close(p[0]), new FdAction.Close(p[1]))));
                ctx.close(p[0]);
                ctx.close(p[1]);
                ExitStatus h = ctx.waitpid(head, WaitOptions.BLOCK).orElseThrow().status();
                ExitStatus y = ctx.waitpid(yes, WaitOptions.BLOCK).orElseThrow().status();
                out(ctx, "head " + h.shellStatus() + " yes " + y + "\n");
                return 0;
            })
            .add("waiter", ctx -> {
                try {
                    ctx.waitpid(-1, WaitOptions.BLOCK);
                    return 0;
                } catch (AgentOsException e) {
                    out(ctx, e.getMessage() + "\n");
                }
                int child = ctx.spawn(SpawnRequest.of("sleeper", List.of()));
                out(ctx, "nohang " + ctx.waitpid(child, WaitOptions.NO_HANG).isPresent() + "\n");
                ctx.kill(child, Signal.SIGKILL);
                out(ctx, "reaped " + ctx.waitpid(child, WaitOptions.BLOCK).orElseThrow() .status() + "\n");
                return 0;
            })
            .add("stopper", ctx -> {
                int child = ctx.spawn(SpawnRequest.of("spin", List.of()));
                ctx.kill(child, Signal.SIGSTOP);
                out(ctx, "1 " + ctx.waitpid(child, WaitOptions.UNTRACED).orElseThrow().status() + "\n");
                out(ctx, "state " + ctx.processes().stream().filter(p -> p.pid() == child).findFirst().orElseThrow().state() + "\n");
                ctx.kill(child, Signal.SIGCONT);
                out(ctx, "2 " + ctx.waitpid(child, new WaitOptions(false, false, true)).orElseThrow().status() + "\n");
                ctx.kill(child, Signal.SIGKILL);
                out(ctx, "3 " + ctx.waitpid(child, WaitOptions.BLOCK).orElseThrow().status() + "\n");
                return 0;
            })
            .add("group", ctx -> {
                int a = ctx.spawn(SpawnRequest.of("sleeper", List.of()).withGroup(SpawnRequest.ProcessGroup.NEW));
                int b = ctx.spawn(SpawnRequest.of("spin", List.of()).withGroup(new SpawnRequest.ProcessGroup.Join(a)));
                int c = ctx.spawn(SpawnRequest.of("sleeper", List.of()));
                ctx.kill(-a, Signal.SIGTERM);
                out(ctx, ctx.waitpid(a, WaitOptions.BLOCK).orElseThrow().status() + " " + ctx.waitpid(b, WaitOptions.BLOCK).orElseThrow().status() + "\n");
                out(ctx, "other alive " + ctx.waitpid(c, WaitOptions.NO_HANG).isEmpty() + "\n");
                ctx.kill(c, Signal.SIGKILL);
                ctx.waitpid(c, WaitOptions.BLOCK);
                return 0;
            })
            .add("orphaner", ctx -> {
                // the child must not hold our stdout open, or the reader would wait for it too
                int child = ctx.spawn(SpawnRequest.of("sleeper", List.of()).withFdActions(List.of(
                        new FdAction.Open(1, "/dev/null", dev.agentos.kernel.vfs.OpenFlags.O_WRONLY, 0),
                        new FdAction.Open(2, "/dev/null", dev.agentos.kernel.vfs.OpenFlags.O_WRONLY, 0))));
                out(ctx, child + "\n");
                return 0;
            })
            .build();

    private final TestVm vm = new TestVm(PROGRAMS);

    @AfterEach void close() { vm.close(); }

    @Test void yesPipedIntoHeadEndsWithSigpipeOnceHeadExits() {
        TestVm.Run r = vm.run("pipeline");
        assertThat(r.stdout()).isEqualTo("y\nhead 0 yes Signaled[signal=SIGPIPE]\n");
    }

    @Test void waitpidReportsEchildNoHangAndTheReapedStatus() {
        TestVm.Run r = vm.run("waiter");
        assertThat(r.stdout()).isEqualTo("ECHILD: no child processes, wait\nnohang false\nreaped Signaled[signal=SIGKILL]\n");
    }

    @Test void stopAndContinueAreReportedToTheParent() {
        TestVm.Run r = vm.run("stopper");
        assertThat(r.stdout()).isEqualTo("1 Stopped[signal=SIGSTOP]\nstate STOPPED\n2 Continued[]\n3 Signaled[signal=SIGKILL]\n");
    }

    @Test void aSignalToAGroupReachesEveryMemberAndNoOneElse() {
        TestVm.Run r = vm.run("group");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("Signaled[signal=SIGTERM] Signaled[signal=SIGTERM]\nother alive true\n");
    }

    @Test void orphansAreAdoptedByInit() {
        TestVm.Run r = vm.run("orphaner");
        int child = Integer.parseInt(r.stdout().strip());
        ProcessInfo info = vm.kernel.processes().find(child).orElseThrow().info();
        assertThat(info.ppid()).isEqualTo(1);
        vm.kernel.processes().kill(child, Signal.SIGKILL);
    }

    @Test void aHundredProcessesChainedByPipesPassDataThrough() {
        int n = 100;
        List<Pipe> pipes = new ArrayList<>();
        for (int i = 0; i <= n; i++) pipes.add(vm.kernel.pipes().create());
        List<GuestProcess> procs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Integer, FileDescription> fds = new HashMap<>();
            fds.put(0, pipes.get(i).readEnd());
            fds.put(1, pipes.get(i + 1).writeEnd());
            procs.add(vm.kernel.processes().spawn(SpawnRequest.of("cat", List.of()).withEnv(Map.of("PATH", "/bin")).withCwd("/"),
                    Credentials.AGENTOS, fds));
        }
        // the host keeps the first write end and the last read end; every other end belongs to a cat
        TestVm.Collector result = TestVm.collect(pipes.get(n).readEnd());
        byte[] data = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        FileDescription first = pipes.get(0).writeEnd();
        int off = 0;
        while (off < data.length) off += first.write(data, off, data.length - off);
        first.close();
        assertThat(result.result().join()).hasSize(100_000);
        for (GuestProcess p : procs) assertThat(p.onExit().join().shellStatus()).isZero();
    }
}
