package dev.agentos.commands.diff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** diff on directories: "Only in", common subdirectories, -r, -N, -q, and the per-file diff lines. */
class DiffDirectoriesDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("diff")); }

    @AfterEach void close() { diff.close(); }

    @BeforeEach void trees() {
        diff.dir("a").dir("b").dir("a/sub").dir("b/sub").dir("a/onlydir").dir("b/x");
        diff.file("a/same", "s\n").file("b/same", "s\n");
        diff.file("a/changed", "1\n2\n3\n").file("b/changed", "1\ntwo\n3\n");
        diff.file("a/gone", "g\n").file("b/added", "n\n");
        diff.file("a/sub/deep", "d\n").file("b/sub/deep", "D\n");
        diff.file("a/sub/left", "l\n").file("a/onlydir/f", "o\n");
        diff.file("a/x", "file\n").file("b/x/inner", "i\n");
        diff.assertSame("touch", "-d", "2024-01-01", "a/same", "b/same", "a/changed", "b/changed", "a/gone", "b/added",
                "a/sub/deep", "b/sub/deep", "a/sub/left", "a/onlydir/f", "a/x", "b/x/inner");
    }

    @Test void topLevelOnly() {
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "b", "a");
        diff.assertSame("diff", "-q", "a", "b");
        diff.assertSame("diff", "-s", "a", "b");
    }

    @Test void recursive() {
        diff.assertSame("diff", "-r", "a", "b");
        diff.assertSame("diff", "-ru", "a", "b");
        diff.assertSame("diff", "-r", "-c", "a", "b");
        diff.assertSame("diff", "-rq", "a", "b");
        diff.assertSame("diff", "-r", "-U", "1", "a/", "b");
        diff.assertSame("diff", "-u", "-r", "a/sub", "b/sub");
        diff.assertSame("diff", "-r", "--unified=1", "--ignore-case", "a", "b");
    }

    @Test void recursiveNewFile() {
        diff.assertSame("diff", "-rN", "a", "b");
        diff.assertSame("diff", "-ruN", "a", "b");
        diff.assertSame("diff", "-Nq", "a", "b");
    }

    @Test void identicalTrees() {
        diff.assertSame("diff", "-r", "a", "a");
        diff.assertSame("diff", "-rs", "a/sub", "a/sub");
    }
}
