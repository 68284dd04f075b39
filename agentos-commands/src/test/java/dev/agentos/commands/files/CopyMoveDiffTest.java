package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cp, mv, install and chmod against GNU coreutils; results checked with find-like ls -R and stat. */
class CopyMoveDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("install")); }

    @AfterEach void close() { diff.close(); }

    @Test void cpCopiesFilesAndTrees() {
        diff.file("a", "A\n").file("b", "B\n").dir("d").file("d/x", "x").dir("d/e").file("d/e/y", "y").dir("t");
        diff.assertSame("cp", "a", "c");
        diff.assertSame("cat", "c");
        diff.assertSame("cp", "-v", "a", "b", "t");
        diff.assertSame("cp", "d", "t");
        diff.assertSame("cp", "-r", "d", "t");
        diff.assertSame("cp", "-R", "d", "copy");
        diff.assertSame("ls", "-R", "t", "copy");
        diff.assertSame("cp", "-rv", "d", "v");
        diff.assertSame("cp", "a", "a");
        diff.assertSame("cp", "missing", "x");
        diff.assertSame("cp", "a", "b", "nodir");
        diff.assertSame("cp", "a", "b", "c");
        diff.assertSame("cp", "a");
        diff.assertSame("cp");
        diff.assertSame("cp", "-r", "d", "d/e");
        diff.assertSame("cp", "-r", "d", "a");
        diff.assertSame("cp", "a", "t/..");
        diff.assertSame("cp", "-T", "a", "b", "c");
        diff.assertSame("cp", "--bogus");
    }

    @Test void cpNoClobberInteractiveAndForce() {
        diff.file("a", "new\n").file("b", "old\n");
        diff.assertSame("cp", "-n", "a", "b");
        diff.assertSame("cat", "b");
        diff.assertSameWithStdin("n\n", "cp", "-i", "a", "b");
        diff.assertSame("cat", "b");
        diff.assertSameWithStdin("y\n", "cp", "-i", "a", "b");
        diff.assertSame("cat", "b");
        diff.assertSame("cp", "-f", "a", "b");
        diff.assertSame("chmod", "444", "b");
    }

    @Test void cpPreservesModeAndTimesWithPAndA() {
        diff.file("a", "A").symlink("a", "l").dir("d").symlink("../a", "d/l");
        diff.assertSame("chmod", "751", "a");
        diff.assertSame("touch", "-d", "2001-02-03 04:05:06", "a");
        diff.assertSame("cp", "-p", "a", "p");
        diff.assertSame("cp", "a", "np");
        diff.assertSame("stat", "-c", "%n %a %Y", "p", "np");
        diff.assertSame("cp", "-a", "d", "arch");
        diff.assertSame("stat", "-c", "%n %F", "arch/l");
        diff.assertSame("cp", "l", "deref");
        diff.assertSame("cp", "-P", "l", "nodref");
        diff.assertSame("cp", "-rL", "d", "follow");
        diff.assertSame("stat", "-c", "%n %F", "deref", "nodref", "follow/l");
    }

    @Test void mvRenamesAndMovesIntoDirectories() {
        diff.file("a", "A").file("b", "B").file("c", "C").dir("d").dir("e").file("e/f", "f");
        diff.assertSame("mv", "-v", "a", "a2");
        diff.assertSame("mv", "a2", "b", "d");
        diff.assertSame("ls", "d");
        diff.assertSame("mv", "missing", "x");
        diff.assertSame("mv", "c", "c");
        diff.assertSame("mv", "e", "e/sub");
        diff.assertSame("mv", "d/a2", "d/b", "nodir");
        diff.assertSame("mv", "-n", "c", "d/b");
        diff.assertSame("cat", "d/b");
        diff.assertSameWithStdin("n\n", "mv", "-i", "c", "d/b");
        diff.assertSame("mv", "-f", "c", "d/b");
        diff.assertSame("cat", "d/b");
        diff.assertSame("mv", "-T", "e", "d");
        diff.assertSame("mv", "d/b", "e");
        diff.assertSame("ls", "-R");
        diff.assertSame("mv", "e");
        diff.assertSame("mv");
    }

    @Test void installCopiesWithModesAndMakesDirectories() {
        diff.file("a", "A").dir("d");
        diff.assertSame("install", "a", "b");
        diff.assertSame("install", "-m", "640", "a", "c");
        diff.assertSame("install", "-m", "u=rw,go=r", "a", "c2");
        diff.assertSame("install", "-v", "a", "d");
        diff.assertSame("install", "-d", "x/y", "z");
        diff.assertSame("install", "-dv", "q/r");
        diff.assertSame("install", "-Dv", "a", "deep/er/f");
        diff.assertSame("stat", "-c", "%n %a %F", "b", "c", "c2", "d/a", "x/y", "z", "q/r", "deep/er/f");
        diff.assertSame("install", "missing", "b");
        diff.assertSame("install", "d", "e");
        diff.assertSame("install", "a");
        diff.assertSame("install", "-m", "zz", "a", "b");
    }

    @Test void chmodAppliesOctalAndSymbolicModes() {
        diff.file("f", "x").dir("d").file("d/g", "y");
        String[] modes = {"755", "u-x", "g+w,o=", "a=r", "u+rw,go+r", "=rx", "o+t", "u+s", "g=u", "a-x", "+X", "0644"};
        for (String m : modes) {
            diff.assertSame("chmod", "-v", m, "f");
            diff.assertSame("stat", "-c", "%a %A", "f");
        }
        diff.assertSame("chmod", "-w", "f");
        diff.assertSame("chmod", "-c", "644", "f");
        diff.assertSame("chmod", "-R", "go-rx", "d");
        diff.assertSame("stat", "-c", "%n %a", "d", "d/g");
        diff.assertSame("chmod", "-R", "a+X", "d");
        diff.assertSame("stat", "-c", "%n %a", "d", "d/g");
        diff.assertSame("chmod", "bad", "f");
        diff.assertSame("chmod", "755", "missing");
        diff.assertSame("chmod", "-f", "755", "missing");
        diff.assertSame("chmod", "755");
        diff.assertSame("chmod");
        diff.assertSame("chmod", "--reference=d", "f");
        diff.assertSame("stat", "-c", "%a", "f");
    }

    @Test void cpAndMvBackUpWhatTheyReplace() {
        diff.file("s", "new\n").file("a", "A\n").file("b", "B\n").file("c", "C\n");
        diff.assertSame("cp", "-b", "-v", "s", "a");
        diff.assertSame("cp", "--backup=t", "-v", "s", "a");
        diff.assertSame("cp", "--backup=existing", "-v", "s", "a");
        diff.assertSame("cp", "--backup=numbered", "s", "a");
        diff.assertSame("cp", "--backup=simple", "-S", ".bak", "-v", "s", "b");
        diff.assertSame("cp", "-S", ".orig", "-v", "s", "b");
        diff.assertSame("cp", "--backup=none", "-v", "s", "b");
        diff.assertSame("cp", "-b", "-v", "s", "fresh");
        diff.assertSame("cp", "--backup=bogus", "s", "c");
        diff.assertSame("mv", "-b", "-v", "c", "b");
        diff.assertSame("mv", "--backup=numbered", "-v", "a", "b");
        diff.assertSame("ls");
        diff.assertSame("cat", "a~", "a.~1~", "a.~2~", "b.bak", "b.orig", "b~", "b.~1~");
    }
}
