package dev.agentos.commands.diff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** patch against GNU patch 2.7.6: messages, exit status, and the files left behind (results, .orig, .rej). */
class PatchDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("patch") && CommandDiff.hostHas("diff")); }

    @AfterEach void close() { diff.close(); }

    private static String seq(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) sb.append(i).append('\n');
        return sb.toString();
    }

    /** A patch made by the host's diff, written to both sides as {@code name}. */
    private void patchFile(String name, String... diffArgs) {
        String[] argv = new String[diffArgs.length + 1];
        argv[0] = "diff";
        System.arraycopy(diffArgs, 0, argv, 1, diffArgs.length);
        diff.file(name, diff.host("", List.of(argv)).stdout());
    }

    /** Everything a patch run leaves: the names in the directory and each file's content. */
    private void sameTree(String... files) {
        diff.assertSame("ls", "-a");
        for (String f : files) diff.assertSame("cat", f);
    }

    @Test void appliesAUnifiedPatchAtItsPlace() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 10).replace("5\n", "five\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f");
    }

    @Test void readsThePatchFromStandardInput() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 10).replace("5\n", "five\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10));
        String p = diff.host("", List.of("cat", "p.diff")).stdout();
        diff.assertSameWithStdin(p, "patch");
        sameTree("f");
    }

    @Test void reportsOffsetsAndKeepsABackupWhenTheFileMoved() {
        diff.file("old", seq(1, 20)).file("new", seq(1, 20).replace("5\n", "five\n").replace("15\n", "fifteen\n16a\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", "x\ny\n" + seq(1, 20));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f", "f.orig");
        diff.file("g", seq(1, 12) + "extra\n" + seq(13, 20));
        diff.assertSame("patch", "g", "p.diff");
        sameTree("g", "g.orig");
        diff.file("h", seq(3, 20));
        diff.assertSame("patch", "h", "p.diff");
        sameTree("h");
    }

    @Test void fuzzIgnoresOuterContextLines() {
        diff.file("old", seq(1, 20)).file("new", seq(1, 20).replace("10\n", "ten\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 20).replace("7\n", "seven\n"));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f", "f.orig");
        diff.file("g", seq(1, 20).replace("7\n", "seven\n").replace("13\n", "13!\n"));
        diff.assertSame("patch", "g", "p.diff");
        diff.file("h", seq(1, 20).replace("8\n", "eight\n"));
        diff.assertSame("patch", "h", "p.diff");
        diff.assertSame("patch", "-F", "0", "h", "p.diff");
        diff.file("k", seq(1, 20).replace("7\n", "seven\n"));
        diff.assertSame("patch", "-F0", "k", "p.diff");
        sameTree("g", "h", "k");
    }

    @Test void failedHunksGoToARejectFile() {
        diff.file("old", seq(1, 30)).file("new", seq(1, 30).replace("5\n", "five\n").replace("25\n", "twenty-five\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 30).replace("25\n", "XXV\n"));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f", "f.orig", "f.rej");
        diff.file("g", seq(1, 30).replace("5\n", "V\n").replace("25\n", "XXV\n"));
        diff.assertSame("patch", "--dry-run", "g", "p.diff");
        sameTree("g");
        diff.assertSame("patch", "-r", "out.rej", "g", "p.diff");
        sameTree("g", "out.rej");
    }

    @Test void reversesWithR() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 10).replace("3\n", "three\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10).replace("3\n", "three\n"));
        diff.assertSame("patch", "-R", "-i", "p.diff");
        sameTree("f");
        diff.assertSame("patch", "-R", "-i", "p.diff");
        sameTree("f");
    }

    @Test void detectsReversedOrAppliedPatches() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 10).replace("3\n", "three\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10).replace("3\n", "three\n"));
        diff.assertSame("patch", "-N", "-i", "p.diff");
        sameTree("f", "f.rej");
        diff.assertSame("patch", "-t", "-i", "p.diff");
        sameTree("f");
        diff.assertSame("patch", "-f", "-i", "p.diff");
        diff.assertSame("ls", "-a");
    }

    @Test void dryRunChangesNothing() {
        diff.file("old", seq(1, 10)).file("new", seq(2, 12));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10));
        diff.assertSame("patch", "--dry-run", "-i", "p.diff");
        sameTree("f");
    }

    @Test void writesToAnotherFileWithO() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 11));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10));
        diff.assertSame("patch", "-o", "out", "-i", "p.diff");
        sameTree("f", "out");
    }

    @Test void backsUpWithB() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 11));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 10));
        diff.assertSame("patch", "-b", "-i", "p.diff");
        sameTree("f", "f.orig");
    }

    @Test void stripsDirectoriesWithP() {
        diff.dir("a").dir("b").dir("a/x").dir("b/x").dir("w").dir("w/x");
        diff.file("a/x/f", seq(1, 3)).file("b/x/f", seq(1, 4)).file("b/n", "new\n").file("w/x/f", seq(1, 3));
        patchFile("p.diff", "-ruN", "a", "b");
        diff.file("p.diff", diff.host("", List.of("sed", "s/\t.*//", "p.diff")).stdout());
        diff.assertSame("patch", "-d", "w", "-p1", "-i", "../p.diff");
        diff.assertSame("ls", "-R", "w");
        diff.assertSame("cat", "w/x/f", "w/n");
        diff.assertSame("patch", "-d", "w", "-p1", "-R", "-i", "../p.diff");
        diff.assertSame("ls", "-R", "w");
        diff.assertSame("patch", "-d", "w", "-i", "../p.diff");
        diff.assertSame("ls", "-R", "w");
    }

    @Test void createsAndDeletesFiles() {
        diff.file("empty", "").file("content", "one\ntwo\n");
        patchFile("create.diff", "-u", "--label", "/dev/null", "--label", "made", "empty", "content");
        diff.assertSame("patch", "-i", "create.diff");
        sameTree("made");
        patchFile("delete.diff", "-u", "--label", "made", "--label", "/dev/null", "content", "empty");
        diff.assertSame("patch", "-i", "delete.diff");
        diff.assertSame("ls", "-a");
        diff.assertSame("patch", "-i", "delete.diff");
        diff.assertSame("ls", "-a");
    }

    @Test void contextDiffsApplyToo() {
        diff.file("old", seq(1, 20)).file("new", seq(1, 20).replace("4\n", "four\n").replace("9\n", "").replace("17\n", "17\n17.5\n"));
        patchFile("p.diff", "-c", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 20));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f");
        diff.file("g", "0\n" + seq(1, 20).replace("17\n", "XVII\n"));
        diff.assertSame("patch", "g", "p.diff");
        sameTree("g", "g.orig", "g.rej");
    }

    @Test void missingNewlinesSurvive() {
        diff.file("old", "a\nb\nc").file("new", "a\nB\nc");
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", "a\nb\nc");
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f");
        diff.file("old2", "a\nb\n").file("new2", "a\nb");
        patchFile("q.diff", "-u", "--label", "g", "--label", "g", "old2", "new2");
        diff.file("g", "a\nb\n");
        diff.assertSame("patch", "-i", "q.diff");
        sameTree("g");
    }

    @Test void manyFilesAndHunksInOnePatch() {
        diff.dir("a").dir("b");
        diff.file("a/one", seq(1, 40)).file("b/one", seq(1, 40).replace("3\n", "III\n").replace("20\n", "").replace("38\n", "38\nnew\n"));
        diff.file("a/two", seq(100, 110)).file("b/two", seq(100, 110).replace("105\n", "CV\n"));
        patchFile("p.diff", "-ru", "a", "b");
        diff.dir("w");
        diff.file("w/one", seq(1, 40)).file("w/two", "pre\n" + seq(100, 110));
        diff.assertSame("patch", "-d", "w", "-p1", "-i", "../p.diff");
        diff.assertSame("ls", "-a", "w");
        diff.assertSame("cat", "w/one", "w/two");
    }

    @Test void garbageAndMissingInputAreTrouble() {
        diff.file("junk", "hello\nworld\n");
        diff.assertSame("patch", "-i", "junk");
        diff.assertSame("patch", "-i", "nope");
        diff.assertSame("patch", "--bogus");
        diff.assertSame("patch", "-p", "x", "-i", "junk");
        diff.assertSame("patch", "--version");
    }

    @Test void missingTargetFile() {
        diff.file("old", seq(1, 5)).file("new", seq(1, 6));
        patchFile("p.diff", "-u", "--label", "a/sub/f", "--label", "b/sub/f", "old", "new");
        diff.assertSame("patch", "-i", "p.diff");
        diff.assertSame("patch", "-p1", "-i", "p.diff");
        diff.assertSame("patch", "-f", "-i", "p.diff");
    }

    @Test void gitStyleDiffsWithP1() {
        diff.dir("src");
        diff.file("src/main.c", "int main() {\n    return 0;\n}\n");
        diff.file("p.diff", """
                diff --git a/src/main.c b/src/main.c
                index 1111111..2222222 100644
                --- a/src/main.c
                +++ b/src/main.c
                @@ -1,3 +1,4 @@
                 int main() {
                -    return 0;
                +    puts("hi");
                +    return 1;
                 }
                """);
        diff.assertSame("patch", "-p1", "-i", "p.diff");
        diff.assertSame("cat", "src/main.c");
        diff.assertSame("patch", "-p1", "-R", "-i", "p.diff");
        diff.assertSame("cat", "src/main.c");
    }

    @Test void offsetsAcrossSeveralHunks() {
        diff.file("old", seq(1, 30)).file("new", seq(1, 30).replace("3\n", "3\nx\ny\n").replace("25\n", "XXV\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", seq(1, 30).replace("25\n", "25!\n"));
        diff.assertSame("patch", "-i", "p.diff");
        sameTree("f", "f.rej");
        diff.file("g", seq(1, 30).replace("1\n", "0\n1\n").replace("25\n", "25!\n"));
        diff.assertSame("patch", "g", "p.diff");
        sameTree("g", "g.rej");
        diff.file("h", "a\nb\nc\n" + seq(1, 30).replace("28\n", ""));
        diff.assertSame("patch", "h", "p.diff");
        sameTree("h");
    }

    @Test void silentAndStrayOperands() {
        diff.file("old", seq(1, 10)).file("new", seq(1, 10).replace("5\n", "V\n"));
        patchFile("p.diff", "-u", "--label", "f", "--label", "f", "old", "new");
        diff.file("f", "0\n" + seq(1, 10));
        diff.assertSame("patch", "-s", "-i", "p.diff");
        sameTree("f");
        diff.assertSame("patch", "f", "p.diff", "extra");
    }
}
