package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Options not exercised elsewhere: rm -I, mv -i, install -t/-T, du over hard links, ls -n/-i. */
class MoreOptionsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("install"));
        diff.file("a", "A").file("b", "B").file("c", "C").file("e", "E").dir("d").file("d/x", "x".repeat(3000));
    }

    @AfterEach void close() { diff.close(); }

    @Test void rmPromptsOnceForManyOrRecursive() {
        diff.assertSameWithStdin("n\n", "rm", "-I", "a", "b", "c", "e");
        diff.assertSame("ls");
        diff.assertSameWithStdin("", "rm", "-I", "a", "b");
        diff.assertSameWithStdin("n\n", "rm", "-rI", "d");
        diff.assertSameWithStdin("y\n", "rm", "-rI", "d");
        diff.assertSameWithStdin("y\n", "rm", "-Iv", "c", "e", "x", "y");
        diff.assertSame("ls");
        diff.assertSameWithStdin("y\n", "rm", "--interactive=once", "-r", "d");
        diff.assertSameWithStdin("", "rm", "--interactive=never", "missing");
    }

    @Test void mvInteractiveYesReplaces() {
        diff.assertSameWithStdin("y\n", "mv", "-i", "a", "b");
        diff.assertSame("cat", "b");
        diff.assertSameWithStdin("n\n", "mv", "-iv", "c", "b");
        diff.assertSame("mv", "-n", "-i", "c", "b");
        diff.assertSame("mv", "-i", "-f", "c", "b");
        diff.assertSame("cat", "b");
        diff.assertSame("mv", "-vt", "d", "b", "e");
        diff.assertSame("ls", "d");
        diff.assertSame("mv", "-t", "nodir", "d/b");
    }

    @Test void installTargetDirectoryAndNoTarget() {
        diff.assertSame("install", "-t", "d", "a", "b");
        diff.assertSame("stat", "-c", "%n %a", "d/a", "d/b");
        diff.assertSame("install", "-T", "a", "d");
        diff.assertSame("install", "-T", "a", "newfile");
        diff.assertSame("install", "-D", "-t", "deep/dir", "c");
        diff.assertSame("ls", "-R", "deep");
        diff.assertSame("install", "-m", "600", "-v", "a", "b", "d");
        diff.assertSame("stat", "-c", "%n %a", "d/a", "d/b");
        diff.assertSame("install", "-d", "-m", "700", "priv");
        diff.assertSame("stat", "-c", "%a", "priv");
        diff.assertSame("install", "-d");
        diff.assertSame("install", "a", "a");
    }

    @Test void duCountsHardLinksOnce() {
        diff.assertSame("ln", "d/x", "d/hard");
        diff.assertSame("du", "-b", "-a", "d");
        diff.assertSame("du", "-b", "d", "d/hard");
        diff.assertSame("du", "-b", "-c", "d/x", "d/hard");
        diff.assertSame("du", "-b", "-s", "-c", "a", "b");
        diff.assertSame("du", "--apparent-size", "-k", "-s", "d");
    }

    @Test void cpLinksInsteadOfCopyingAndUpdatesOnlyNewer() {
        diff.assertSame("cp", "-s", "a", "sym");
        diff.assertSame("stat", "-c", "%n %F", "sym");
        diff.assertSame("readlink", "sym");
        diff.assertSame("cp", "-l", "a", "hard");
        diff.assertSame("stat", "-c", "%n %h", "a", "hard");
        diff.assertSame("cp", "-s", "a", "sym");
        diff.assertSame("cp", "-sf", "b", "sym");
        diff.assertSame("readlink", "sym");
        diff.assertSame("touch", "-d", "2000-01-01", "b");
        diff.assertSame("cp", "-u", "b", "c");
        diff.assertSame("cat", "c");
        diff.assertSame("touch", "-d", "2030-01-01", "b");
        diff.assertSame("cp", "-uv", "b", "c");
        diff.assertSame("cat", "c");
    }

    @Test void lsNumericIdsAndInodesHaveGnuShape() {
        diff.assertSame("touch", "-d", "2020-01-01", "a", "b");
        // uid/gid (1000 vs 0) and inode numbers are the host's: blank them
        Structural.assertSimilar(diff, s -> s.replaceAll("(?m)^(\\S+ \\d+) \\d+ +\\d+ ", "$1 U G "), "ls", "-n", "a", "b");
        Structural.assertSimilar(diff, s -> s.replaceAll("(?m)^ *\\d+ ", "I "), "ls", "-i", "a", "b");
        Structural.assertSimilar(diff, s -> s.replaceAll("(?m)^ *\\d+ ", "I "), "ls", "-1i", "d");
    }
}
