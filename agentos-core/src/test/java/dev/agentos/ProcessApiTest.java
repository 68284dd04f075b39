package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.proc.ProcessInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessApiTest {
    private final AgentOs vm = AgentOs.create();

    @AfterEach void close() { vm.close(); }

    @Test void execArgvRunsAProgramAndCapturesItsOutput() {
        ExecResult r = vm.execArgv("echo", List.of("hello", "world"));
        assertThat(r).isEqualTo(new ExecResult(0, "hello world\n", ""));
    }

    @Test void execArgvReportsFailureOnStderrWithGnuWording() {
        ExecResult r = vm.execArgv("cat", List.of("/nope"));
        assertThat(r).isEqualTo(new ExecResult(1, "", "cat: /nope: No such file or directory\n"));
    }

    @Test void execRunsACommandLineThroughTheShell() {
        assertThat(vm.exec("echo hello | cat; echo err >&2; exit 3")).isEqualTo(new ExecResult(3, "hello\n", "err\n"));
        assertThat(vm.exec("nosuch").stderr()).isEqualTo("/bin/sh: line 1: nosuch: command not found\n");
        assertThat(vm.exec("cd /tmp && pwd", ExecOptions.builder().env(Map.of("X", "1")).build()).stdout()).isEqualTo("/tmp\n");
    }

    @Test void aBackgroundChildDoesNotHoldExecOpen() {
        ExecResult r = vm.exec("sleep 30 & echo started");
        assertThat(r).isEqualTo(new ExecResult(0, "started\n", ""));
    }

    @Test void execPassesStdinEnvAndCwd() {
        ExecResult r = vm.execArgv("cat", List.of(), ExecOptions.builder().stdin("from stdin\n").build());
        assertThat(r.stdout()).isEqualTo("from stdin\n");
        vm.writeFile("/tmp/f", "in tmp\n");
        assertThat(vm.execArgv("cat", List.of("f"), ExecOptions.builder().cwd("/tmp").build()).stdout()).isEqualTo("in tmp\n");
    }

    @Test void aTimeoutKillsTheCommandWith137AndSaysWhy() {
        ExecResult r = vm.execArgv("sleep", List.of("30"), ExecOptions.builder().timeout(Duration.ofMillis(50)).build());
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.stderr()).isEqualTo("agentos: sleep: killed after the 50ms time limit\n");
    }

    @Test void theVmWideWallTimeLimitKillsAnExecThatRunsTooLong() {
        try (AgentOs limited = AgentOs.create(AgentOsOptions.builder()
                .limits(Limits.DEFAULT.withMaxExecWallTime(Duration.ofMillis(50))).build())) {
            ExecResult r = limited.execArgv("sleep", List.of("30"));
            assertThat(r.exitCode()).isEqualTo(137);
            assertThat(r.stderr()).isEqualTo("agentos: sleep: killed after the 50ms time limit\n");
            assertThat(limited.execArgv("echo", List.of("still up")).stdout()).isEqualTo("still up\n");
        }
    }

    @Test void outputBeyondTheLimitIsTruncatedWithANote() {
        try (AgentOs small = AgentOs.create(AgentOsOptions.builder().limits(Limits.DEFAULT.withMaxOutputBytes(10)).build())) {
            ExecResult r = small.execArgv("echo", List.of("0123456789abcdef"));
            assertThat(r.stdout()).isEqualTo("0123456789");
            assertThat(r.stderr()).isEqualTo("agentos: output truncated at 10 bytes per stream (limit maxOutputBytes)\n");
        }
    }

    @Test void spawnStreamsOutputThroughCallbacksAndEventsThenExits() throws Exception {
        List<AgentOsEvent> events = new CopyOnWriteArrayList<>();
        StringBuilder out = new StringBuilder();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        vm.onEvent(events::add);
        int pid = vm.spawn("cat", List.of(), SpawnOptions.builder()
                .onStdout(b -> { synchronized (out) { out.append(new String(b, StandardCharsets.UTF_8)); } })
                .onExit(exit::complete).build());
        vm.writeProcessStdin(pid, "line 1\n");
        vm.writeProcessStdin(pid, "line 2\n");
        vm.closeProcessStdin(pid);
        assertThat(vm.waitProcess(pid)).isZero();
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).isEqualTo("line 1\nline 2\n");
        List<AgentOsEvent> mine = events.stream().filter(e -> switch (e) {
            case AgentOsEvent.ProcessOutput o -> o.pid() == pid;
            case AgentOsEvent.ProcessExit x -> x.pid() == pid;
            default -> false;
        }).toList();
        assertThat(mine.getLast()).isEqualTo(new AgentOsEvent.ProcessExit(pid, 0));
        assertThat(mine.subList(0, mine.size() - 1)).allMatch(e -> e instanceof AgentOsEvent.ProcessOutput);
        List<Long> seqs = mine.stream().filter(e -> e instanceof AgentOsEvent.ProcessOutput)
                .map(e -> ((AgentOsEvent.ProcessOutput) e).seq()).toList();
        assertThat(seqs).isSorted().startsWith(1L).doesNotHaveDuplicates();
    }

    @Test void stopProcessSendsSigtermAndKillProcessSigkill() {
        int a = vm.spawn("sleep", List.of("30"));
        int b = vm.spawn("sleep", List.of("30"));
        vm.stopProcess(a);
        vm.killProcess(b);
        assertThat(vm.waitProcess(a)).isEqualTo(143);
        assertThat(vm.waitProcess(b)).isEqualTo(137);
    }

    @Test void processesAreListedWhileRunningAndRememberedAfter() {
        int pid = vm.spawn("sleep", List.of("30"), SpawnOptions.builder().env(Map.of("X", "1")).build());
        assertThat(vm.listProcesses()).extracting(ProcessInfo::pid).contains(1, pid);
        assertThat(vm.getProcess(pid).orElseThrow().argv()).containsExactly("sleep", "30");
        assertThat(vm.processTree()).singleElement().satisfies(root -> {
            assertThat(root.process().pid()).isEqualTo(1);
            assertThat(root.children()).extracting(c -> c.process().pid()).contains(pid);
        });
        vm.killProcess(pid);
        vm.waitProcess(pid);
        assertThat(vm.getProcess(pid).orElseThrow().exitStatus()).isPresent();
        assertThat(vm.listProcesses()).extracting(ProcessInfo::pid).doesNotContain(pid);
    }

    @Test void writingToAFinishedProcessFailsWithEsrch() {
        int pid = vm.spawn("true", List.of());
        vm.waitProcess(pid);
        assertThatThrownBy(() -> vm.writeProcessStdin(pid, "x"))
                .isInstanceOf(AgentOsException.class).hasMessageStartingWith("ESRCH: no such process");
    }

    @Test void spawningAMissingProgramFailsWithEnoent() {
        assertThatThrownBy(() -> vm.spawn("nosuch", List.of()))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("ENOENT: no such file or directory, spawn 'nosuch'")
                .extracting(e -> ((AgentOsException) e).code()).isEqualTo("ENOENT");
    }
}
