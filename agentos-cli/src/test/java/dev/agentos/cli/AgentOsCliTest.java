package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import org.junit.jupiter.api.Test;

class AgentOsCliTest {

    @Test
    void versionNamesTheProjectAndTheJvm() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("agentos ").contains("Java " + Runtime.version().feature());
        assertThat(r.stdout()).doesNotContain("${");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Usage: agentos").contains("run");
    }

    @Test
    void noArgumentsPrintsUsage() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Usage: agentos");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun r = CliRun.of("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("frobnicate");
    }

    @Test
    void errorsMapToShellExitCodes() {
        assertThat(AgentOsCli.exitCodeFor(new AgentOsException("process", "EACCES", "EACCES: permission denied, spawn '/x'"))).isEqualTo(126);
        assertThat(AgentOsCli.exitCodeFor(new AgentOsException("process", "ENOENT", "ENOENT: no such file or directory, spawn 'x'"))).isEqualTo(127);
        assertThat(AgentOsCli.exitCodeFor(new AgentOsException("process", "EAGAIN", "EAGAIN: resource temporarily unavailable, spawn"))).isEqualTo(1);
    }
}
