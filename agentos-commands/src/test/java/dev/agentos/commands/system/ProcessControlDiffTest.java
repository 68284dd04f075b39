package dev.agentos.commands.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.SpawnRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** timeout, nohup, kill, sleep, true and false: exit statuses and messages against the host's tools. */
class ProcessControlDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("timeout") && CommandDiff.hostHas("kill")); }

    @AfterEach void close() { diff.close(); }

    @Test void timeoutPassesThroughTheCommandsStatus() {
        diff.assertSame("timeout", "5", "true");
        diff.assertSame("timeout", "5", "false");
        diff.assertSame("timeout", "5s", "env", "-i", "A=1");
        diff.assertSame("timeout", "0", "true");
        diff.assertSame("timeout", "1m", "sleep", "0.01");
        diff.assertSame("timeout", "--preserve-status", "5", "false");
    }

    @Test void timeoutKillsSlowCommandsWith124() {
        diff.assertSame("timeout", "0.1", "sleep", "10");
        diff.assertSame("timeout", "--preserve-status", "0.1", "sleep", "10");
        diff.assertSame("timeout", "-s", "KILL", "0.1", "sleep", "10");
        diff.assertSame("timeout", "-s", "INT", "0.1", "sleep", "10");
        diff.assertSame("timeout", "--signal=9", "--preserve-status", "0.1", "sleep", "10");
        diff.assertSame("timeout", "-k", "0.1", "0.1", "sleep", "10");
        diff.assertSame("timeout", "--foreground", "0.1", "sleep", "10");
    }

    @Test void timeoutUsageErrorsAre125AndExecFailures126Or127() {
        diff.dir("d");
        diff.assertSame("timeout");
        diff.assertSame("timeout", "1");
        diff.assertSame("timeout", "x", "true");
        diff.assertSame("timeout", "-s", "FOO", "1", "true");
        diff.assertSame("timeout", "-k", "x", "1", "true");
        diff.assertSame("timeout", "1", "./nonexistent");
        diff.assertSame("timeout", "1", "./d");
        diff.assertSame("timeout", "-x", "1", "true");
    }

    @Test void nohupRunsTheCommandAndKeepsRedirectedOutput() {
        diff.assertSame("nohup", "env", "-i", "A=1");
        diff.assertSame("nohup", "false");
        diff.assertSame("nohup");
        diff.assertSame("nohup", "./nonexistent");
        diff.assertSame("nohup", "-x");
    }

    @Test void killListsSignalsLikeProcps() {
        diff.assertSame("/bin/kill", "-l");
        diff.assertSame("/bin/kill", "-L");
        diff.assertSame("/bin/kill", "--table");
        diff.assertSame("/bin/kill", "-l", "9");
        diff.assertSame("/bin/kill", "-l", "KILL");
        diff.assertSame("/bin/kill", "-l", "sigterm");
        diff.assertSame("/bin/kill", "-l", "x");
        diff.assertSame("/bin/kill", "-l", "9", "15");
        diff.assertSame("/bin/kill", "-l", "-9");
    }

    @Test void killReportsMissingProcessesAndBadArguments() {
        diff.assertSame("/bin/kill", "99999");
        diff.assertSame("/bin/kill", "99999", "88888");
        diff.assertSame("/bin/kill", "-9", "99999");
        diff.assertSame("/bin/kill", "-s", "TERM", "99999");
        diff.assertSame("/bin/kill", "-SIGHUP", "99999");
        diff.assertSame("/bin/kill", "--", "-99999");
        diff.assertSame("/bin/kill", "1x");
        diff.assertSame("/bin/kill");
        diff.assertSame("/bin/kill", "-9");
        diff.assertSame("/bin/kill", "-FOO", "1");
        diff.assertSame("/bin/kill", "-s");
    }

    @Test void sleepTrueAndFalse() {
        diff.assertSame("sleep", "0.01");
        diff.assertSame("sleep", ".01s", "0m");
        diff.assertSame("sleep", "1x");
        diff.assertSame("sleep");
        diff.assertSame("true", "--version", "x");
        diff.assertSame("false", "x");
    }

    @Test void killSignalsAProcessInTheVm() {
        var sleeper = diff.kernel().processes().spawn(SpawnRequest.of("sleep", List.of("30")), Credentials.AGENTOS, Map.of());
        var out = diff.vm("", List.of("kill", "-s", "USR1", Integer.toString(sleeper.pid())));
        assertThat(out.exitCode()).isZero();
        assertThat(sleeper.onExit().join()).isEqualTo(new ExitStatus.Signaled(Signal.SIGUSR1));
        var again = diff.vm("", List.of("kill", "-0", Integer.toString(sleeper.pid())));
        assertThat(again.stderr()).isEqualTo("kill: (" + sleeper.pid() + "): No such process\n");
    }

    @Test void killSendsToAProcessGroupWithANegativePid() {
        var sleeper = diff.kernel().processes().spawn(SpawnRequest.of("sleep", List.of("30"))
                .withGroup(SpawnRequest.ProcessGroup.NEW), Credentials.AGENTOS, Map.of());
        var out = diff.vm("", List.of("kill", "-TERM", "--", "-" + sleeper.pid()));
        assertThat(out.exitCode()).isZero();
        assertThat(sleeper.onExit().join()).isEqualTo(new ExitStatus.Signaled(Signal.SIGTERM));
    }

    @Test void timeoutForwardsTheChildsSignalDeath() {
        var sleeper = diff.kernel().processes().spawn(SpawnRequest.of("timeout", List.of("30", "sleep", "30")),
                Credentials.AGENTOS, Map.of());
        var child = waitForChild(sleeper.pid());
        diff.kernel().processes().list().stream().filter(p -> p.pid() == child).findFirst().orElseThrow();
        diff.vm("", List.of("kill", "-HUP", Integer.toString(sleeper.pid())));
        assertThat(sleeper.onExit().join().shellStatus()).isEqualTo(129);
    }

    private int waitForChild(int parent) {
        for (int i = 0; i < 200; i++) {
            var c = diff.kernel().processes().list().stream().filter(p -> p.ppid() == parent).findFirst();
            if (c.isPresent()) return c.get().pid();
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no child of " + parent);
    }
}
