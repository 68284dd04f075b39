package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** basename, dirname, readlink, realpath and pwd against GNU coreutils. */
class PathCommandsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("realpath")); }

    @AfterEach void close() { diff.close(); }

    @Test void basenameStripsDirectoriesAndSuffixes() {
        diff.assertSame("basename", "/usr/lib/libc.so", ".so");
        diff.assertSame("basename", "a/b/");
        diff.assertSame("basename", "/");
        diff.assertSame("basename", "x.c", "x.c");
        diff.assertSame("basename", "-a", "a/b", "c/d");
        diff.assertSame("basename", "-s", ".txt", "a.txt", "b/c.txt");
        diff.assertSame("basename", "a", "b", "c");
        diff.assertSame("basename");
        diff.assertSame("basename", "-q", "a");
    }

    @Test void dirnameStripsLastComponent() {
        diff.assertSame("dirname", "/usr/lib/x", "a", "a/", "/", "//x", "a//b//");
        diff.assertSame("dirname");
        diff.assertSame("dirname", "-z", "a/b");
    }

    @Test void readlinkReadsAndCanonicalizes() {
        diff.dir("d").file("d/f", "x").symlink("d/f", "l").symlink("l", "ll").symlink("nowhere/x", "dangling");
        diff.assertSame("readlink", "l");
        diff.assertSame("readlink", "ll", "l");
        diff.assertSame("readlink", "d/f");
        diff.assertSame("readlink", "-n", "l");
        diff.assertSame("readlink", "-n", "l", "ll");
        diff.assertSame("readlink", "-v", "d/f");
        diff.assertSame("readlink");
    }

    @Test void realpathResolvesAndRelativizes() {
        diff.dir("d").dir("d/e").file("d/f", "x").symlink("d/e", "l");
        assertRelative("realpath", "--relative-to=.", "l", "d/f", "missing");
        assertRelative("realpath", "--relative-to=d/e", "d/f");
        assertRelative("realpath", "-s", "--relative-to=.", "l/../f");
        assertRelative("realpath", "--relative-to=.", "-m", "x/y/../z");
        diff.assertSame("realpath", "-e", "missing");
        diff.assertSame("realpath", "missing/x");
        diff.assertSame("realpath", "-q", "missing/x");
        diff.assertSame("realpath");
    }

    private void assertRelative(String... argv) { diff.assertSame(argv); }
}
