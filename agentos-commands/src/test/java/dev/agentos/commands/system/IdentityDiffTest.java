package dev.agentos.commands.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * id, whoami, groups, uname and hostname. Queries about root (uid 0 on every Debian host) and the
 * host-independent fields are diffed; the VM's own identity is the agentos user, so it is checked exactly.
 */
class IdentityDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("id") && CommandDiff.hostHas("uname")); }

    @AfterEach void close() { diff.close(); }

    @Test void idOfRootMatchesTheHost() {
        diff.assertSame("id", "root");
        diff.assertSame("id", "-u", "root");
        diff.assertSame("id", "-g", "root");
        diff.assertSame("id", "-G", "root");
        diff.assertSame("id", "-un", "root");
        diff.assertSame("id", "-gn", "root");
        diff.assertSame("id", "-Gn", "root");
        diff.assertSame("id", "-ur", "root");
        diff.assertSame("id", "0");
        diff.assertSame("id", "-zu", "root");
    }

    @Test void idUsageErrorsMatchTheHost() {
        diff.assertSame("id", "-n");
        diff.assertSame("id", "-r");
        diff.assertSame("id", "-u", "-g");
        diff.assertSame("id", "-uG");
        diff.assertSame("id", "no-such-user-xyz");
        diff.assertSame("id", "-x");
        diff.assertSame("id", "-z");
        diff.assertSame("groups", "no-such-user-xyz");
        diff.assertSame("groups", "root");
        diff.assertSame("whoami", "extra");
        diff.assertSame("whoami", "-x");
    }

    @Test void theVmUserIsAgentos() {
        assertThat(diff.vm("", List.of("id")).stdout()).isEqualTo("uid=1000(agentos) gid=1000(agentos) groups=1000(agentos)\n");
        assertThat(diff.vm("", List.of("id", "-un")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("id", "-G")).stdout()).isEqualTo("1000\n");
        assertThat(diff.vm("", List.of("whoami")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("groups")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("groups", "agentos", "root")).stdout()).isEqualTo("agentos : agentos\nroot : root\n");
    }

    @Test void unameHostIndependentFieldsMatch() {
        diff.assertSame("uname");
        diff.assertSame("uname", "-s");
        diff.assertSame("uname", "-m");
        diff.assertSame("uname", "-o");
        diff.assertSame("uname", "-smo");
        diff.assertSame("uname", "--kernel-name", "--machine");
        diff.assertSame("uname", "x");
        diff.assertSame("uname", "-x");
        // -p and -i are "unknown" on Debian's coreutils
        diff.assertSame("uname", "-p");
        diff.assertSame("uname", "-i");
    }

    @Test void unameReadsTheVmsHostnameAndKernelVersion() {
        assertThat(diff.vm("", List.of("uname", "-n")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("uname", "-r")).stdout()).isEqualTo("6.1.0-agentos\n");
        assertThat(diff.vm("", List.of("uname", "-a")).stdout())
                .matches("Linux agentos 6\\.1\\.0-agentos #1 .* x86_64 GNU/Linux\n");
        // structure of the host's -a: the same fields in the same order
        assertThat(diff.host("", List.of("uname", "-a")).stdout()).matches("Linux \\S+ \\S+ #.* x86_64 GNU/Linux\n");
    }

    @Test void hostnameReadsEtcHostname() {
        assertThat(diff.vm("", List.of("hostname")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("hostname", "-s")).stdout()).isEqualTo("agentos\n");
        assertThat(diff.vm("", List.of("hostname", "-i")).stdout()).isEqualTo("127.0.1.1\n");
        var bad = diff.vm("", List.of("hostname", "-x"));
        assertThat(bad.exitCode()).isEqualTo(255);
        assertThat(bad.stderr()).startsWith("hostname: invalid option -- 'x'\n");
        assertThat(diff.vm("", List.of("hostname", "new")).exitCode()).isEqualTo(1);
    }
}
