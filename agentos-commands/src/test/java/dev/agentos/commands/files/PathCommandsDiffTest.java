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

    /** Absolute results name the host's temp directory: map it to the VM's /tmp/t. */
    private String vmPaths(String s) {
        try {
            String real = diff.hostDir().toRealPath().toString();
            return s.replace(real, CommandDiff.VM_DIR).replace(diff.hostDir().toString(), CommandDiff.VM_DIR);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test void readlinkCanonicalizesWithExistenceRules() {
        diff.dir("d").file("d/f", "x").symlink("d/f", "l").symlink("l", "ll").symlink("nowhere/x", "dangling")
                .symlink("loop2", "loop1").symlink("loop1", "loop2");
        String[][] cases = {
            {"readlink", "-f", "ll"}, {"readlink", "-f", "d/../l"}, {"readlink", "-f", "missing"},
            {"readlink", "-f", "missing/x"}, {"readlink", "-e", "ll"}, {"readlink", "-e", "missing"},
            {"readlink", "-m", "missing/x/../y"}, {"readlink", "-f", "dangling"}, {"readlink", "-m", "dangling"},
            {"readlink", "-e", "dangling"}, {"readlink", "-f", "loop1"}, {"readlink", "-ev", "loop1"},
            {"readlink", "-fn", "l"}, {"readlink", "-f", "d/f/x"}, {"readlink", "-m", "d/f/x"}, {"readlink", "-f", "."},
            {"readlink", "-ev", "missing"}, {"readlink", "-f", "/"}, {"readlink", "-f", "//d"},
        };
        for (String[] c : cases) Structural.assertSimilar(diff, this::vmPaths, c);
    }

    @Test void realpathCanonicalizesAbsolutely() {
        diff.dir("d").dir("d/e").file("d/f", "x").symlink("d/e", "l").symlink("gone", "dangling");
        String[][] cases = {
            {"realpath", "l", "d/f", "."}, {"realpath", "missing"}, {"realpath", "-e", "l/..", "missing"},
            {"realpath", "-m", "a/b/../c"}, {"realpath", "-s", "l/../f"}, {"realpath", "-L", "l/.."}, {"realpath", "-P", "l/.."},
            {"realpath", "dangling"}, {"realpath", "-e", "dangling"}, {"realpath", "-z", "d"},
            {"realpath", "--relative-base=d", "d/f", "l", "/"}, {"realpath", "--relative-to=d", "--relative-base=.", "d/f", "/etc"},
            {"realpath", "d/f/x"}, {"realpath", "-m", "d/f/x"},
        };
        for (String[] c : cases) Structural.assertSimilar(diff, this::vmPaths, c);
    }

    @Test void pwdMatchesTheHostInItsDirectory() {
        Structural.assertSimilar(diff, this::vmPaths, "pwd");
        Structural.assertSimilar(diff, this::vmPaths, "pwd", "-P");
        Structural.assertSimilar(diff, this::vmPaths, "pwd", "extra");
    }
}
