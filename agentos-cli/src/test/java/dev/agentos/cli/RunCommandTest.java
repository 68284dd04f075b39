package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    @Test
    void argvAfterDoubleDashRunsWithoutAShell() {
        CliRun r = CliRun.of("run", "--", "echo", "hello", "world");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("hello world\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void argvFormDeliversAllOutputAndTheExitCodeEveryTime() {
        for (int i = 0; i < 50; i++) {
            CliRun r = CliRun.of("run", "--", "echo", "round", Integer.toString(i));
            assertThat(r.stdout()).as(r.stderr()).isEqualTo("round " + i + "\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void argvFlagRunsASingleWordAsAProgram() {
        CliRun r = CliRun.of("run", "--argv", "echo");
        assertThat(r.stdout()).isEqualTo("\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void argumentsThatLookLikeOptionsBelongToTheProgram() {
        CliRun r = CliRun.of("run", "echo", "-n", "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("--version");
    }

    @Test
    void missingProgramExits127WithTheKernelMessage() {
        CliRun r = CliRun.of("run", "--", "no-such-program", "x");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderr()).startsWith("agentos: ENOENT").contains("no-such-program");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void shellFormRunsThroughBinSh() {
        CliRun r = CliRun.of("run", "echo hello");
        if (CliRun.vmHas("/bin/sh")) {
            assertThat(r.stdout()).isEqualTo("hello\n");
            assertThat(r.exitCode()).isZero();
        } else {
            // Until the shell lands: the kernel's own error, worded like Linux, and the shell's 127.
            assertThat(r.exitCode()).isEqualTo(127);
            assertThat(r.stderr()).startsWith("agentos: ENOENT").contains("/bin/sh");
        }
    }

    @Test
    void exitCodeOfTheCommandIsTheExitCodeOfTheCli() {
        assumeTrue(CliRun.vmHas("/bin/false"), "false is not installed yet");
        assertThat(CliRun.of("run", "--argv", "false").exitCode()).isEqualTo(1);
    }

    @Test
    void envOptionSetsVariables() {
        assumeTrue(CliRun.vmHas("/bin/printenv"), "printenv is not installed yet");
        CliRun r = CliRun.of("run", "-e", "GREETING=hi there", "--env", "OTHER=x", "--", "printenv", "GREETING");
        assertThat(r.stdout()).isEqualTo("hi there\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void cwdOptionSetsTheWorkingDirectory() {
        assumeTrue(CliRun.vmHas("/bin/pwd"), "pwd is not installed yet");
        CliRun r = CliRun.of("run", "-C", "/tmp", "--argv", "pwd");
        assertThat(r.stdout()).isEqualTo("/tmp\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void interactiveForwardsStdin() {
        assumeTrue(CliRun.vmHas("/bin/cat"), "cat is not installed yet");
        CliRun r = CliRun.withStdin("piped in\n", "run", "-i", "--argv", "cat");
        assertThat(r.stdout()).isEqualTo("piped in\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void withoutInteractiveTheCommandReadsEndOfFile() {
        assumeTrue(CliRun.vmHas("/bin/cat"), "cat is not installed yet");
        CliRun r = CliRun.withStdin("ignored\n", "run", "--argv", "cat");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void timeoutKillsTheCommand() {
        assumeTrue(CliRun.vmHas("/bin/sleep"), "sleep is not installed yet");
        long start = System.nanoTime();
        CliRun r = CliRun.of("run", "--timeout", "0.3", "--", "sleep", "30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.stderr()).contains("timeout");
    }

    @Test
    void nonPositiveTimeoutIsAUsageError() {
        CliRun r = CliRun.of("run", "--timeout", "-1", "--", "echo", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("--timeout");
    }

    @Test
    void runWithoutACommandIsAUsageError() {
        CliRun r = CliRun.of("run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("COMMAND");
    }
}
