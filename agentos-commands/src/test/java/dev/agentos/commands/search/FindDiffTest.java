package dev.agentos.commands.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * find against the host's GNU find. The VM lists directories in insertion order and ext4 in hash
 * order, so multi-entry listings are compared with their lines sorted ({@link #assertSameSorted});
 * single-entry chains compare exactly.
 */
class FindDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("find"));
        diff.dir("tree").dir("tree/sub").dir("tree/sub/deep").dir("tree/empty");
        diff.file("tree/a.txt", "hello\n").file("tree/B.TXT", "").file("tree/sub/c.log", "x".repeat(1500));
        diff.file("tree/sub/deep/d.txt", "deep\n").symlink("a.txt", "tree/link");
        diff.dir("chain").dir("chain/one").dir("chain/one/two").file("chain/one/two/leaf", "leaf\n");
    }

    @AfterEach void close() { diff.close(); }

    private void assertSameSorted(String... argv) {
        CommandDiff.Outcome vm = diff.vm("", List.of(argv));
        CommandDiff.Outcome host = diff.host("", List.of(argv));
        assertThat(sorted(vm)).as("VM vs host (sorted) for %s", String.join(" ", argv)).isEqualTo(sorted(host));
    }

    private static CommandDiff.Outcome sorted(CommandDiff.Outcome o) {
        String[] lines = o.stdout().split("\n", -1);
        Arrays.sort(lines);
        String[] err = o.stderr().split("\n", -1);
        Arrays.sort(err);
        return new CommandDiff.Outcome(o.exitCode(), String.join("\n", lines), String.join("\n", err));
    }

    @Test void walksInPreOrderAndDepthOrder() {
        diff.assertSame("find", "chain");
        diff.assertSame("find", "chain", "-depth");
        diff.assertSame("find", "chain/");
        diff.assertSame("find", "chain", "-print0");
        assertSameSorted("find", "tree");
        assertSameSorted("find", "tree", "chain");
    }

    @Test void nameAndPathTests() {
        assertSameSorted("find", "tree", "-name", "*.txt");
        assertSameSorted("find", "tree", "-iname", "*.txt");
        assertSameSorted("find", "tree", "-name", "[ab]*");
        assertSameSorted("find", "tree", "-name", "?.*");
        assertSameSorted("find", "tree", "-path", "tree/sub/*");
        assertSameSorted("find", "tree", "-ipath", "*SUB*");
        assertSameSorted("find", "tree", "-wholename", "*deep*");
        assertSameSorted("find", "tree", "-name", "\\*");
        assertSameSorted("find", "tree", "-regex", ".*/[a-d]\\.[a-z]+");
    }

    @Test void typeSizeAndEmpty() {
        assertSameSorted("find", "tree", "-type", "d");
        assertSameSorted("find", "tree", "-type", "f");
        assertSameSorted("find", "tree", "-type", "l");
        assertSameSorted("find", "tree", "-type", "f,l");
        assertSameSorted("find", "tree", "-empty");
        assertSameSorted("find", "tree", "-size", "0");
        assertSameSorted("find", "tree", "-type", "f", "-size", "+1");
        assertSameSorted("find", "tree", "-type", "f", "-size", "-2");
        assertSameSorted("find", "tree", "-size", "1500c");
        assertSameSorted("find", "tree", "-type", "f", "-size", "-1k");
        assertSameSorted("find", "tree", "-type", "f", "-size", "2k");
        diff.assertSame("find", "tree", "-type", "q");
        diff.assertSame("find", "tree", "-size", "5x");
    }

    @Test void depthLimits() {
        diff.assertSame("find", "chain", "-maxdepth", "1");
        diff.assertSame("find", "chain", "-mindepth", "2");
        diff.assertSame("find", "chain", "-mindepth", "1", "-maxdepth", "2");
        diff.assertSame("find", "chain", "-maxdepth", "0");
        assertSameSorted("find", "tree", "-maxdepth", "1", "-type", "f");
        diff.assertSame("find", "chain", "-name", "x", "-maxdepth", "1");
        diff.assertSame("find", "chain", "-maxdepth", "-1");
    }

    @Test void operatorsAndPrune() {
        assertSameSorted("find", "tree", "-name", "*.txt", "-o", "-name", "*.log");
        assertSameSorted("find", "tree", "!", "-name", "*.txt");
        assertSameSorted("find", "tree", "-not", "-type", "d");
        assertSameSorted("find", "tree", "(", "-name", "a*", "-o", "-name", "c*", ")", "-a", "-type", "f");
        assertSameSorted("find", "tree", "-name", "sub", "-prune", "-o", "-print");
        assertSameSorted("find", "tree", "-path", "tree/sub", "-prune", "-o", "-type", "f", "-print");
        assertSameSorted("find", "tree", "-type", "d", "-print", ",", "-name", "a*", "-print");
        assertSameSorted("find", "tree", "-false", "-o", "-true", "-name", "d.txt");
        diff.assertSame("find", "chain", "-name", "two", "-quit");
        diff.assertSame("find", "chain", "-print", "-name", "one", "-quit");
        diff.assertSame("find", "chain", "(");
        diff.assertSame("find", "chain", ")");
        diff.assertSame("find", "chain", "-o");
        diff.assertSame("find", "chain", "-name", "x", "-o");
        diff.assertSame("find", "chain", "!");
        diff.assertSame("find", "chain", "(", ")");
    }

    @Test void permissionsAndOwners() {
        assertSameSorted("find", "tree", "-perm", "644");
        assertSameSorted("find", "tree", "-perm", "-644");
        assertSameSorted("find", "tree", "-perm", "/111");
        assertSameSorted("find", "tree", "-perm", "-u+x");
        assertSameSorted("find", "tree", "-perm", "/o=w");
        assertSameSorted("find", "tree", "-perm", "u=rw,go=r");
        diff.assertSame("find", "tree", "-perm", "999");
        diff.assertSame("find", "chain", "-user", "no_such_user_x");
        diff.assertSame("find", "chain", "-group", "no_such_group_x");
    }

    @Test void timesAndNewer() {
        assertSameSorted("find", "tree", "-mtime", "0");
        assertSameSorted("find", "tree", "-mtime", "-1");
        assertSameSorted("find", "tree", "-mtime", "+1");
        assertSameSorted("find", "tree", "-mmin", "-5");
        assertSameSorted("find", "tree", "-mmin", "+5");
        assertSameSorted("find", "tree", "-atime", "0", "-type", "f");
        assertSameSorted("find", "tree", "-cmin", "-10", "-type", "d");
        diff.assertSame("find", "chain", "-newer", "missing");
        diff.assertSame("find", "chain", "-mtime", "x");
    }

    @Test void printfDirectives() {
        diff.assertSame("find", "chain", "-printf", "%p|%f|%d|%h|%P|%H|%y|%m|%M\\n");
        diff.assertSame("find", "chain", "-type", "f", "-printf", "%s %5s|%-5s|%%|\\t%f\\0");
        diff.assertSame("find", "tree/link", "-printf", "%l %y %Y\\n");
        diff.assertSame("find", ".", "-maxdepth", "0", "-printf", "[%h][%f][%P]\\n");
        diff.assertSame("find", "chain", "-maxdepth", "0", "-printf", "%TY %Tm\\n");
        diff.assertSame("find", "chain/one/two/leaf", "-printf", "%f\\c ignored");
        diff.assertSame("find", "chain", "-printf", "no newline");
    }

    @Test void execRunsCommands() {
        diff.assertSame("find", "chain", "-exec", "echo", "found", "{}", ";");
        diff.assertSame("find", "chain", "-exec", "echo", "[{}]", ";");
        diff.assertSame("find", "chain", "-exec", "echo", "{}", "+");
        diff.assertSame("find", "chain", "-type", "f", "-exec", "cat", "{}", ";");
        diff.assertSame("find", "chain", "-exec", "false", ";", "-o", "-print");
        diff.assertSame("find", "chain", "-exec", "true", ";");
        diff.assertSame("find", "chain", "-exec", "false", "{}", "+");
        diff.assertSame("find", "chain", "-execdir", "echo", "{}", ";");
        diff.assertSame("find", "chain", "-execdir", "echo", "{}", "+");
        diff.assertSame("find", "chain", "-exec", "echo");
        diff.assertSame("find", "chain", "-maxdepth", "0", "-exec", "no-such-command-x", ";");
    }

    @Test void deleteRemovesFilesDepthFirst() {
        diff.dir("del").dir("del/x").file("del/x/f", "1\n");
        diff.assertSame("find", "del", "-name", "f", "-delete");
        diff.assertSame("find", "del");
        diff.assertSame("find", "del", "-delete");
        diff.assertSame("find", ".", "-name", "del");
        diff.dir("full").file("full/keep", "k");
        diff.assertSame("find", "full", "-type", "d", "-delete");
    }

    @Test void errorsAndSymlinks() {
        diff.assertSame("find", "missing");
        diff.assertSame("find", "chain", "missing", "-maxdepth", "0");
        diff.assertSame("find", "chain", "-foo");
        diff.assertSame("find", "chain", "-name");
        diff.assertSame("find", "chain", "extra");
        diff.assertSame("find", "tree/link");
        diff.assertSame("find", "-L", "tree/link", "-type", "f");
        diff.assertSame("find", "-H", "tree/link", "-printf", "%y\\n");
        diff.assertSame("find", "tree/link", "-xtype", "f");
        diff.assertSame("find", "tree/a.txt/");
    }
}
