package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mkdir, rmdir, rm, touch, ln, truncate against GNU coreutils (checked with ls/cat/stat afterwards). */
class FileOpsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("truncate")); }

    @AfterEach void close() { diff.close(); }

    @Test void mkdirMakesParentsWithModesAndReports() {
        diff.assertSame("mkdir", "a");
        diff.assertSame("mkdir", "a");
        diff.assertSame("mkdir", "-p", "a");
        diff.assertSame("mkdir", "-pv", "x/y/z");
        diff.assertSame("mkdir", "-v", "b", "c");
        diff.assertSame("mkdir", "-m", "700", "m7");
        diff.assertSame("mkdir", "-m", "u=rwx,g=rx", "ms");
        diff.assertSame("stat", "-c", "%n %a %F", "m7", "ms", "x/y");
        diff.assertSame("mkdir", "-m", "bogus", "q");
        diff.assertSame("mkdir", "nope/q");
        diff.assertSame("mkdir");
        diff.assertSame("mkdir", "--bogus");
    }

    @Test void rmdirRemovesEmptyDirectoriesAndParents() {
        diff.dir("a").dir("a/b").dir("a/b/c").dir("full").file("full/f", "x");
        diff.assertSame("rmdir", "full");
        diff.assertSame("rmdir", "missing");
        diff.assertSame("rmdir", "-pv", "a/b/c");
        diff.assertSame("ls", "-A");
        diff.assertSame("rmdir", "--ignore-fail-on-non-empty", "full");
        diff.assertSame("rmdir");
    }

    @Test void rmRemovesFilesTreesAndRefusesDots() {
        diff.file("f", "x").file("g", "").dir("d").file("d/x", "1").dir("d/e").dir("empty");
        diff.assertSame("rm", "missing");
        diff.assertSame("rm", "-f", "missing");
        diff.assertSame("rm", "d");
        diff.assertSame("rm", "-d", "d");
        diff.assertSame("rm", "-d", "-v", "empty");
        diff.assertSame("rm", "-v", "f");
        diff.assertSame("rm", "-r", ".");
        diff.assertSame("rm", "-rf", "d/..");
        diff.assertSame("rm", "-r", "/");
        diff.assertSame("rm", "-rv", "d");
        diff.assertSame("rm");
        diff.assertSame("rm", "-f");
        diff.assertSameWithStdin("n\n", "rm", "-i", "g");
        diff.assertSameWithStdin("y\n", "rm", "-i", "g");
        diff.assertSame("ls", "-A");
    }

    @Test void rmInteractiveAsksAboutDirectories() {
        diff.dir("d").file("d/x", "1").file("d/y", "");
        diff.assertSameWithStdin("y\ny\nn\ny\n", "rm", "-ri", "d");
        diff.assertSame("ls", "-R");
    }

    @Test void touchCreatesAndSetsTimes() {
        diff.file("ref", "r");
        diff.assertSame("touch", "new");
        diff.assertSame("touch", "-c", "absent");
        diff.assertSame("touch", "-d", "2020-02-03 04:05:06", "new");
        diff.assertSame("stat", "-c", "%n %X %Y", "new");
        diff.assertSame("touch", "-d", "@1000000000", "-m", "new");
        diff.assertSame("stat", "-c", "%n %X %Y", "new");
        diff.assertSame("touch", "-a", "-t", "202101020304.05", "new");
        diff.assertSame("stat", "-c", "%n %X %Y", "new");
        diff.assertSame("touch", "-t", "7001010000", "t2");
        diff.assertSame("stat", "-c", "%n %Y", "t2");
        diff.assertSame("touch", "-d", "2019-12-31T23:59:59Z", "ref");
        diff.assertSame("touch", "-r", "ref", "t3");
        diff.assertSame("stat", "-c", "%n %Y %y", "t3");
        diff.assertSame("touch", "-d", "2021-06-01", "d1");
        diff.assertSame("stat", "-c", "%y", "d1");
        diff.assertSame("touch", "-d", "not a date", "x");
        diff.assertSame("touch", "-t", "99", "x");
        diff.assertSame("touch", "-r", "missing", "x");
        diff.assertSame("touch", "no/such/file");
        diff.assertSame("touch");
    }

    @Test void lnMakesHardAndSymbolicLinks() {
        diff.file("a", "A").dir("d").dir("sub").file("b", "B");
        diff.assertSame("ln", "a", "h");
        diff.assertSame("stat", "-c", "%n %h", "a", "h");
        diff.assertSame("ln", "a", "h");
        diff.assertSame("ln", "-s", "a", "s");
        diff.assertSame("ln", "-s", "a", "s");
        diff.assertSame("ln", "-sfv", "b", "s");
        diff.assertSame("readlink", "s");
        diff.assertSame("ln", "-v", "a", "d");
        diff.assertSame("ln", "-sv", "a", "b", "d");
        diff.assertSame("ln", "-sr", "a", "sub/rel");
        diff.assertSame("readlink", "sub/rel");
        diff.assertSame("ln", "d", "dh");
        diff.assertSame("ln", "missing", "m");
        diff.assertSame("ln", "a", "b", "c");
        diff.assertSame("ln", "-T", "a", "d");
        diff.assertSame("ln", "-f", "a", "a");
        diff.assertSame("ln", "-s", "d", "ld");
        diff.assertSame("ln", "-snf", "sub", "ld");
        diff.assertSame("readlink", "ld");
        diff.assertSame("ln");
        diff.assertSame("ln", "-r", "a", "x");
    }

    @Test void truncateSetsAbsoluteAndRelativeSizes() {
        diff.file("f", "0123456789");
        String[][] steps = {{"-s", "4"}, {"-s", "+6"}, {"-s", "-3"}, {"-s", "<5"}, {"-s", ">8"}, {"-s", "%5"}, {"-s", "/3"}, {"-s", "1K"}, {"-s", "2KB"}};
        for (String[] s : steps) {
            diff.assertSame("truncate", s[0], s[1], "f");
            diff.assertSame("stat", "-c", "%s", "f");
        }
        diff.assertSame("truncate", "-s", "5", "new");
        diff.assertSame("truncate", "-c", "-s", "5", "absent");
        diff.assertSame("truncate", "-r", "f", "new");
        diff.assertSame("stat", "-c", "%n %s", "new", "f");
        diff.assertSame("truncate", "-s", "x", "f");
        diff.assertSame("truncate", "f");
        diff.assertSame("truncate", "-s", "1");
        diff.assertSame("truncate", "-s", "1", "no/such");
        diff.assertSame("truncate", "-s", "/0", "f");
    }
}
