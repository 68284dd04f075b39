package dev.agentos.commands.diff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cmp against GNU diffutils 3.8. */
class CmpDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() {
        assumeTrue(CommandDiff.hostHas("cmp"));
        diff.file("c1", "abc\ndef\n").file("c2", "abx\ndeg\n").file("c3", "abc\n").file("c4", "")
                .file("c5", new byte[] {1, (byte) 0x81, (byte) 0xff, 0x7f, 'a'})
                .file("c6", new byte[] {2, (byte) 0x82, (byte) 0xfe, 0x20, 'a'})
                .file("part", "abc").dir("d");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) big.append("line ").append(i).append('\n');
        diff.file("big1", big.toString()).file("big2", big.toString().replace("line 1500", "line 15o0"));
    }

    @AfterEach void close() { diff.close(); }

    @Test void firstDifference() {
        diff.assertSame("cmp", "c1", "c2");
        diff.assertSame("cmp", "c1", "c1");
        diff.assertSame("cmp", "big1", "big2");
        diff.assertSame("cmp", "c4", "c4");
    }

    @Test void printBytes() {
        diff.assertSame("cmp", "-b", "c1", "c2");
        diff.assertSame("cmp", "-b", "c5", "c6");
        diff.assertSame("cmp", "--print-bytes", "big1", "big2");
    }

    @Test void verboseListsEveryDifference() {
        diff.assertSame("cmp", "-l", "c1", "c2");
        diff.assertSame("cmp", "-lb", "c1", "c2");
        diff.assertSame("cmp", "-lb", "c5", "c6");
        diff.assertSame("cmp", "-l", "big1", "big2");
        diff.assertSame("cmp", "--verbose", "c1", "c3");
    }

    @Test void endOfFileMessages() {
        diff.assertSame("cmp", "c1", "c3");
        diff.assertSame("cmp", "c3", "c1");
        diff.assertSame("cmp", "c1", "c4");
        diff.assertSame("cmp", "-l", "c1", "c3");
        diff.assertSame("cmp", "part", "c1");
        diff.assertSameWithStdin("abc", "cmp", "-", "c1");
    }

    @Test void silent() {
        diff.assertSame("cmp", "-s", "c1", "c2");
        diff.assertSame("cmp", "-s", "c1", "c1");
        diff.assertSame("cmp", "-s", "c1", "c3");
        diff.assertSame("cmp", "--quiet", "nope", "c1");
        diff.assertSame("cmp", "-l", "-s", "c1", "c2");
    }

    @Test void skipsAndLimits() {
        diff.assertSame("cmp", "-n", "2", "c1", "c2");
        diff.assertSame("cmp", "--bytes=3", "c1", "c2");
        diff.assertSame("cmp", "-i", "3", "c1", "c2");
        diff.assertSame("cmp", "-i", "2:1", "c1", "c2");
        diff.assertSame("cmp", "c1", "c2", "2", "2");
        diff.assertSame("cmp", "c1", "c2", "4");
        diff.assertSame("cmp", "-i", "10", "c1", "c2");
        diff.assertSame("cmp", "-i", "1K", "c1", "c2");
        diff.assertSame("cmp", "-n", "1kB", "c1", "c2");
        diff.assertSame("cmp", "-l", "-n", "7", "c1", "c2");
    }

    @Test void standardInput() {
        diff.assertSameWithStdin("abx\ndeg\n", "cmp", "c1");
        diff.assertSameWithStdin("abx\ndeg\n", "cmp", "c1", "-");
        diff.assertSameWithStdin("abc\ndef\n", "cmp", "-", "c1");
    }

    @Test void troubleAndUsage() {
        diff.assertSame("cmp", "c1", "nope");
        diff.assertSame("cmp", "c1", "d");
        diff.assertSame("cmp");
        diff.assertSame("cmp", "-Q", "c1", "c2");
        diff.assertSame("cmp", "c1", "c2", "x");
        diff.assertSame("cmp", "-n", "x", "c1", "c2");
        diff.assertSame("cmp", "a", "b", "1", "2", "3");
        diff.assertSame("cmp", "--version");
        diff.assertSame("cmp", "--help");
    }
}
