package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Less common paths through the file commands: errors on odd operands, option interplay. */
class EdgeCasesDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("install"));
        diff.file("f", "data\n").dir("d").file("d/g", "g\n").dir("empty").symlink("f", "lf").symlink("d", "ld")
                .symlink("nowhere", "dangling");
    }

    @AfterEach void close() { diff.close(); }

    @Test void mkdirOverFilesAndThroughFiles() {
        diff.assertSame("mkdir", "f");
        diff.assertSame("mkdir", "-p", "f");
        diff.assertSame("mkdir", "-p", "f/x");
        diff.assertSame("mkdir", "f/x");
        diff.assertSame("mkdir", "-p", "d/./new/../other");
        diff.assertSame("ls", "d");
        diff.assertSame("mkdir", "-pv", "ld/sub");
        diff.assertSame("mkdir", "dangling");
        diff.assertSame("mkdir", "-m", "a=rwx,o-w", "-v", "m");
        diff.assertSame("stat", "-c", "%a", "m");
        diff.assertSame("mkdir", "--mode=1777", "sticky");
        diff.assertSame("stat", "-c", "%a %A", "sticky");
    }

    @Test void rmThroughSymlinksAndTrailingSlashes() {
        diff.assertSame("rm", "ld");
        diff.assertSame("ls", "d");
        diff.assertSame("rm", "-r", "empty/");
        diff.assertSame("rm", "dangling", "lf");
        diff.assertSame("rm", "-d", "d");
        diff.assertSame("rm", "-rf", "d", "missing");
        diff.assertSame("ls");
        diff.assertSame("rm", "-r", "");
        diff.assertSame("rm", "./.");
        diff.assertSame("rm", "-r", "d/..");
    }

    @Test void cpOntoSymlinksDirectoriesAndIntoThemselves() {
        diff.assertSame("cp", "f", "lf");
        diff.assertSame("cp", "f", "dangling");
        diff.assertSame("cp", "f", "ld");
        diff.assertSame("ls", "d");
        diff.assertSame("cp", "-r", "d", ".");
        diff.assertSame("cp", "-r", "d/", "d2");
        diff.assertSame("cp", "-r", "empty", "f");
        diff.assertSame("cp", "f", "d/g/x");
        diff.assertSame("cp", "-t", "d", "f");
        diff.assertSame("cp", "-t", "missing", "f");
        diff.assertSame("cp", "-t", "f", "d");
        diff.assertSame("cp", "-T", "-r", "d", "empty");
        diff.assertSame("ls", "-R", "empty");
        diff.assertSame("cp", "-n", "-v", "f", "d/g");
        diff.assertSame("cp", "-s", "f", "x");
        // what a copy into itself leaves behind depends on the host's inode order: only the message is compared
        diff.assertSame("cp", "-r", "d", "d");
    }

    @Test void mvOntoThingsItCannotReplace() {
        diff.assertSame("mv", "d", "f");
        diff.assertSame("mv", "f", "empty");
        diff.assertSame("ls", "empty");
        diff.assertSame("mv", "-T", "d", "empty");
        diff.assertSame("ls", "-R");
        diff.assertSame("mv", "-t", "empty", "lf", "ld");
        diff.assertSame("ls", "-R", "empty");
        diff.assertSame("mv", "-v", "empty/lf", "empty/ld", ".");
        diff.assertSame("mv", "dangling", "renamed");
        diff.assertSame("readlink", "renamed");
        diff.assertSame("mv", ".", "x");
        diff.assertSame("mv", "/", "x");
    }

    @Test void lnIntoDirectoriesAndOverDirectories() {
        diff.assertSame("ln", "-s", "f", "d");
        diff.assertSame("ls", "d");
        diff.assertSame("ln", "-sf", "f", "d");
        diff.assertSame("ln", "-sfn", "f", "ld");
        diff.assertSame("ls", "-d", "ld");
        diff.assertSame("readlink", "ld");
        diff.assertSame("ln", "-t", "empty", "f", "lf");
        diff.assertSame("ls", "empty");
        diff.assertSame("ln", "-sr", "d/g", "empty/rel");
        diff.assertSame("readlink", "empty/rel");
        diff.assertSame("ln", "-s", "", "emptytarget");
        diff.assertSame("ln", "f");
        diff.assertSame("ln", "-s", "/x/y");
        diff.assertSame("readlink", "y");
        diff.assertSame("ln", "-T", "f", "a", "b");
    }

    @Test void touchOnDirectoriesSymlinksAndFutureDates() {
        diff.assertSame("touch", "d", "ld", "dangling");
        diff.assertSame("ls", "nowhere");
        diff.assertSame("touch", "-h", "-d", "2001-01-01", "lf");
        diff.assertSame("stat", "-c", "%n %Y", "lf", "f");
        diff.assertSame("touch", "-d", "2099-12-31 23:59", "future");
        diff.assertSame("stat", "-c", "%y", "future");
        diff.assertSame("touch", "-d", "2024-02-30", "bad");
        diff.assertSame("touch", "-d", "@-1", "neg");
        diff.assertSame("stat", "-c", "%Y %y", "neg");
        diff.assertSame("touch", "-d", "2020-05-05 10:00:00.5", "frac");
        diff.assertSame("stat", "-c", "%y", "frac");
        diff.assertSame("touch", "-d", "2020-05-05T10:00:00+02:00", "tz");
        diff.assertSame("stat", "-c", "%y", "tz");
        diff.assertSame("touch", "-t", "202001010000.61", "x");
        diff.assertSame("touch", "-t", "01011200", "y");
        diff.assertSame("touch", "--time=mtime", "-d", "@5", "f");
        diff.assertSame("stat", "-c", "%Y", "f");
        diff.assertSame("touch", "--time=bogus", "f");
    }

    @Test void chmodOnSymlinksAndOddModes() {
        diff.assertSame("chmod", "600", "lf");
        diff.assertSame("stat", "-c", "%a", "f");
        diff.assertSame("chmod", "-v", "755", "dangling");
        diff.assertSame("chmod", "u+x,g", "f");
        diff.assertSame("chmod", "7777", "f");
        diff.assertSame("stat", "-c", "%a %A", "f");
        diff.assertSame("chmod", "-v", "a-st", "f");
        diff.assertSame("chmod", "g-s,u=rw", "d");
        diff.assertSame("chmod", "--", "-x", "f");
        diff.assertSame("chmod", "88", "f");
        diff.assertSame("chmod", "u+z", "f");
        diff.assertSame("chmod", "+", "f");
        diff.assertSame("stat", "-c", "%a", "f");
    }

    @Test void statAndDuOnSymlinksAndSpecialNames() {
        diff.assertSame("stat", "-c", "%N|%F", "ld", "dangling", "d");
        diff.assertSame("stat", "-L", "dangling");
        diff.assertSame("stat", "-c", "%Z", "missing", "f");
        diff.assertSame("stat", "-c", "%q|%", "f");
        diff.assertSame("du", "-b", "-a", "-c", "d", "f");
        diff.assertSame("du", "-b", "lf");
        diff.assertSame("du", "-b", "-L", "lf");
    }
}
