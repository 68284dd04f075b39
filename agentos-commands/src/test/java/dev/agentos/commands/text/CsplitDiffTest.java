package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** csplit against GNU coreutils; the pieces are compared with cat. */
class CsplitDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("csplit"));
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20; i++) sb.append(i).append('\n');
        diff.file("in", sb.toString());
        diff.file("doc", "intro\n== one\nbody 1\n== two\nbody 2\nmore\n== three\nend\n");
    }

    @AfterEach void close() { diff.close(); }

    @Test void lineNumbers() {
        diff.assertSame("csplit", "in", "5", "12");
        diff.assertSame("cat", "xx00", "xx01", "xx02");
        diff.assertSame("cat", "xx01");
        diff.assertSame("csplit", "-f", "p", "in", "4", "{3}");
        diff.assertSame("cat", "p00", "p01", "p02", "p03", "p04");
        diff.assertSame("csplit", "-f", "q", "in", "20");
        diff.assertSame("cat", "q01");
    }

    @Test void suppressMatchedLeavesTheSplitLinesOut() {
        diff.assertSame("csplit", "--suppress-matched", "doc", "/^==/", "{*}");
        diff.assertSame("cat", "xx00", "xx01", "xx02", "xx03");
        diff.assertSame("cat", "xx01");
        diff.assertSame("csplit", "--suppress-matched", "-f", "n", "in", "5", "{2}");
        diff.assertSame("cat", "n00", "n01", "n02", "n03");
        diff.assertSame("cat", "n01");
    }

    @Test void regexPatternsAndOffsets() {
        diff.assertSame("csplit", "doc", "/^==/", "{*}");
        diff.assertSame("cat", "xx00", "xx01", "xx02", "xx03");
        diff.assertSame("cat", "xx02");
        diff.assertSame("csplit", "-f", "o", "in", "/5/+2", "/9/-1");
        diff.assertSame("cat", "o01");
        diff.assertSame("csplit", "-f", "s", "in", "5", "/1[24]/", "%17%");
        diff.assertSame("cat", "s02");
        diff.assertSame("csplit", "-f", "t", "doc", "%two%", "/three/");
        diff.assertSame("cat", "t00", "t01");
    }

    @Test void optionsPrefixDigitsQuietElide() {
        diff.assertSame("csplit", "-f", "part-", "-n", "3", "in", "10");
        diff.assertSame("cat", "part-000", "part-001");
        diff.assertSame("csplit", "-s", "-f", "quiet", "in", "3");
        diff.assertSame("cat", "quiet00");
        diff.assertSame("csplit", "-z", "-f", "z", "in", "1", "5");
        diff.assertSame("cat", "z00", "z01");
        diff.assertSame("csplit", "-b", "%03d.txt", "-f", "b", "in", "7");
        diff.assertSame("cat", "b000.txt", "b001.txt");
    }

    @Test void failuresRemoveFilesUnlessKept() {
        diff.assertSame("csplit", "-f", "f", "in", "30");
        diff.assertSame("cat", "f00");
        diff.assertSame("csplit", "-f", "g", "in", "/x/");
        diff.assertSame("csplit", "-f", "h", "in", "/3/", "{2}");
        diff.assertSame("cat", "h00");
        diff.assertSame("csplit", "-k", "-f", "k", "in", "/3/", "{2}");
        diff.assertSame("cat", "k00", "k01", "k02");
        diff.assertSame("csplit", "in", "0");
        diff.assertSame("csplit", "in", "10", "5");
        diff.assertSame("csplit", "in");
        diff.assertSame("csplit", "missing", "3");
    }
}
