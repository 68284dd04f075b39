package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mktemp, chown and pwd: random names and the VM's users are checked by shape or on the VM alone. */
class MiscCommandsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("mktemp")); }

    @AfterEach void close() { diff.close(); }

    private static String randomBlanked(String s) {
        return s.replaceAll("[A-Za-z0-9]{3,}(\\.txt)?\\n", "R$1\n");
    }

    @Test void mktempMakesUniqueFilesAndDirectories() {
        diff.dir("d");
        Structural.assertSimilar(diff, MiscCommandsDiffTest::randomBlanked, "mktemp", "fooXXXXXX");
        Structural.assertSimilar(diff, MiscCommandsDiffTest::randomBlanked, "mktemp", "-d", "dirXXX");
        Structural.assertSimilar(diff, MiscCommandsDiffTest::randomBlanked, "mktemp", "-p", "d", "inXXXX");
        Structural.assertSimilar(diff, MiscCommandsDiffTest::randomBlanked, "mktemp", "--suffix=.txt", "sXXXX");
        diff.assertSame("mktemp", "abXX");
        diff.assertSame("mktemp", "a", "b");
        diff.assertSame("mktemp", "nodir/XXXXXX");
        diff.assertSame("mktemp", "-q", "nodir/XXXXXX");
        diff.assertSame("mktemp", "-t", "a/bXXXX");
        diff.assertSame("mktemp", "-p", "d", "/abs/XXXX");
        String made = diff.vm("", List.of("mktemp", "-d")).stdout().trim();
        assertThat(made).matches("/tmp/tmp\\.[A-Za-z0-9]{10}");
        assertThat(diff.vm("", List.of("stat", "-c", "%a %F", made)).stdout()).isEqualTo("700 directory\n");
        String file = diff.vm("", List.of("mktemp", "-t", "xXXXXX")).stdout().trim();
        assertThat(diff.vm("", List.of("stat", "-c", "%a %s", file)).stdout()).isEqualTo("600 0\n");
    }

    @Test void chownChangesOwnersTheVmAllows() {
        diff.file("f", "x").dir("d").file("d/g", "y");
        // the VM runs as agentos (uid 1000), the host as root: compare the errors, check the rest on the VM
        diff.assertSame("chown", "nosuchuser", "f");
        diff.assertSame("chown", "0:nosuchgroup", "f");
        diff.assertSame("chown", "0", "missing");
        diff.assertSame("chown", "0");
        diff.assertSame("chown");
        assertThat(diff.vm("", List.of("chown", "-v", "agentos:agentos", "f")).stdout())
                .isEqualTo("ownership of 'f' retained as agentos:agentos\n");
        assertThat(diff.vm("", List.of("chown", "-Rv", "1000", "d")).stdout())
                .isEqualTo("ownership of 'd' retained as agentos\nownership of 'd/g' retained as agentos\n");
        CommandDiff.Outcome denied = diff.vm("", List.of("chown", "root", "f"));
        assertThat(denied.stderr()).isEqualTo("chown: changing ownership of 'f': Operation not permitted\n");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(diff.vm("", List.of("chown", "-f", "root", "f")).stderr()).isEmpty();
        assertThat(diff.vm("", List.of("chown", ":agentos", "f")).exitCode()).isZero();
    }

    @Test void pwdPrintsTheWorkingDirectory() {
        assertThat(diff.vm("", List.of("pwd")).stdout()).isEqualTo("/tmp/t\n");
        assertThat(diff.vm("", List.of("pwd", "-P")).stdout()).isEqualTo("/tmp/t\n");
        assertThat(diff.vm("", List.of("pwd", "-L")).stdout()).isEqualTo("/tmp/t\n");
        diff.assertSame("pwd", "--bogus");
        CommandDiff.Outcome extra = diff.vm("", List.of("pwd", "x"));
        assertThat(extra.stderr()).isEqualTo("pwd: ignoring non-option arguments\n");
        assertThat(extra.stdout()).isEqualTo("/tmp/t\n");
    }
}
