package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** uniq, cut, paste, tee, rev and tac against the host's tools. */
class LineToolsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("uniq") && CommandDiff.hostHas("rev"));
        diff.file("dups", "a\na\nb\nA\na\nc\nc\nc\nd");
        diff.file("fields", "x 1 apple\ny 1 apple\nz  2 Apple\nw 3 pear\nv 3 pear\n");
        diff.file("csv", "a:b:c:d\n1:2:3\nno delimiter\n::\nx:y\n");
        diff.file("one", "1\n2\n3\n").file("two", "a\nb\n").file("three", "X\nY\nZ\nW").file("empty", "");
        diff.dir("d");
    }

    @AfterEach void close() { diff.close(); }

    @Test void uniqCollapsesAdjacentRuns() {
        diff.assertSame("uniq", "dups");
        diff.assertSame("uniq", "-c", "dups");
        diff.assertSame("uniq", "-d", "dups");
        diff.assertSame("uniq", "-u", "dups");
        diff.assertSame("uniq", "-i", "dups");
        diff.assertSame("uniq", "-ci", "dups");
        diff.assertSame("uniq", "-du", "dups");
        diff.assertSameWithStdin("x\nx\ny\n", "uniq");
        diff.assertSameWithStdin("", "uniq", "-c");
    }

    @Test void uniqSkipsFieldsAndCharsAndLimitsWidth() {
        diff.assertSame("uniq", "-f", "1", "fields");
        diff.assertSame("uniq", "-f2", "-c", "fields");
        diff.assertSame("uniq", "-f2", "-i", "fields");
        diff.assertSame("uniq", "-s", "2", "fields");
        diff.assertSame("uniq", "-w", "1", "dups");
        diff.assertSame("uniq", "-s1", "-w2", "fields");
        diff.assertSame("uniq", "-1", "fields");
        diff.assertSame("uniq", "+2", "fields");
    }

    @Test void uniqAllRepeatedAndGroups() {
        diff.assertSame("uniq", "-D", "dups");
        diff.assertSame("uniq", "--all-repeated=separate", "dups");
        diff.assertSame("uniq", "--all-repeated=prepend", "dups");
        diff.assertSame("uniq", "--group", "dups");
        diff.assertSame("uniq", "--group=prepend", "dups");
        diff.assertSame("uniq", "--group=append", "dups");
        diff.assertSame("uniq", "--group=both", "dups");
        diff.assertSameWithStdin("a\0a\0b\0", "uniq", "-z", "-c");
    }

    @Test void uniqOutputOperandAndErrors() {
        diff.assertSame("uniq", "dups", "out");
        diff.assertSame("cat", "out");
        diff.assertSame("uniq", "-c", "-D", "dups");
        diff.assertSame("uniq", "--group", "-c", "dups");
        diff.assertSame("uniq", "-f", "x", "dups");
        diff.assertSame("uniq", "-w", "-1", "dups");
        diff.assertSame("uniq", "missing");
        diff.assertSame("uniq", "a", "b", "c");
        diff.assertSame("uniq", "--all-repeated=bogus", "dups");
    }

    @Test void cutBytesAndCharacters() {
        diff.assertSame("cut", "-b", "1", "csv");
        diff.assertSame("cut", "-b", "2-4", "csv");
        diff.assertSame("cut", "-c", "-3", "csv");
        diff.assertSame("cut", "-c", "3-", "csv");
        diff.assertSame("cut", "-b", "1,3,5", "csv");
        diff.assertSame("cut", "-b", "5,1-2,3", "csv");
        diff.assertSame("cut", "-b", "2-3", "--complement", "csv");
        diff.assertSame("cut", "-b", "1-2,4-5", "--output-delimiter=|", "csv");
        diff.assertSame("cut", "-n", "-b", "1", "csv");
        diff.assertSameWithStdin("abc", "cut", "-b", "2");
    }

    @Test void cutFields() {
        diff.assertSame("cut", "-d:", "-f2", "csv");
        diff.assertSame("cut", "-d", ":", "-f", "1,3", "csv");
        diff.assertSame("cut", "-d:", "-f2-", "csv");
        diff.assertSame("cut", "-d:", "-f-2", "csv");
        diff.assertSame("cut", "-d:", "-s", "-f1", "csv");
        diff.assertSame("cut", "-d:", "--complement", "-f2", "csv");
        diff.assertSame("cut", "-d:", "-f1,3", "--output-delimiter=--", "csv");
        diff.assertSame("cut", "-d", " ", "-f2", "fields");
        diff.assertSameWithStdin("a\tb\tc\n", "cut", "-f2");
        diff.assertSameWithStdin("a\0b:c\0", "cut", "-z", "-d:", "-f2");
    }

    @Test void cutErrors() {
        diff.assertSame("cut", "csv");
        diff.assertSame("cut", "-b1", "-f1", "csv");
        diff.assertSame("cut", "-f0", "csv");
        diff.assertSame("cut", "-b", "x", "csv");
        diff.assertSame("cut", "-d", "ab", "-f1", "csv");
        diff.assertSame("cut", "-d:", "-b1", "csv");
        diff.assertSame("cut", "-s", "-b1", "csv");
        diff.assertSame("cut", "-b", "3-1", "csv");
        diff.assertSame("cut", "-b", "-", "csv");
        diff.assertSame("cut", "-f", "1-2-3", "csv");
        diff.assertSame("cut", "-b", "1,", "csv");
        diff.assertSame("cut", "-f1", "missing", "csv");
        diff.assertSame("cut", "-b", "99999999999999999999", "csv");
    }

    @Test void pasteParallelAndSerial() {
        diff.assertSame("paste", "one", "two", "three");
        diff.assertSame("paste", "-d", ",", "one", "two", "three");
        diff.assertSame("paste", "-d", ",;", "one", "two", "three");
        diff.assertSame("paste", "-d", "\\n", "one", "two");
        diff.assertSame("paste", "-d", "\\0", "one", "two");
        diff.assertSame("paste", "-s", "one", "two", "three");
        diff.assertSame("paste", "-s", "-d", ":,", "one", "three");
        diff.assertSame("paste", "-s", "empty", "one");
        diff.assertSame("paste", "empty", "one");
        diff.assertSameWithStdin("p\nq\nr\ns\n", "paste", "-", "-");
        diff.assertSameWithStdin("p\nq\n", "paste", "one", "-");
        diff.assertSame("paste", "-d", "a\\", "one");
        diff.assertSame("paste", "one", "missing");
        diff.assertSameWithStdin("a\0b\0", "paste", "-z", "-s");
    }

    @Test void teeCopiesToFilesAndStdout() {
        diff.assertSameWithStdin("hello\n", "tee", "t1", "t2");
        diff.assertSame("cat", "t1", "t2");
        diff.assertSameWithStdin("more\n", "tee", "-a", "t1");
        diff.assertSame("cat", "t1");
        diff.assertSameWithStdin("x\n", "tee", "d", "t3");
        diff.assertSame("cat", "t3");
        diff.assertSameWithStdin("x\n", "tee", "nodir/f");
        diff.assertSameWithStdin("y\n", "tee");
    }

    @Test void revReversesEachLine() {
        diff.assertSame("rev", "csv");
        diff.assertSame("rev", "three");
        diff.assertSame("rev", "one", "three");
        diff.assertSameWithStdin("abc\n\nxy", "rev");
        diff.assertSame("rev", "missing", "one");
    }

    @Test void tacReversesRecords() {
        diff.assertSame("tac", "one");
        diff.assertSame("tac", "three");
        diff.assertSame("tac", "one", "three");
        diff.assertSame("tac", "-s", ":", "csv");
        diff.assertSame("tac", "-b", "one");
        diff.assertSame("tac", "-b", "-s", ":", "csv");
        diff.assertSame("tac", "-r", "-s", "[0-9]", "one");
        diff.assertSame("tac", "-r", "-s", ":[a-z]*", "csv");
        diff.assertSameWithStdin("a\nb\nc", "tac");
        diff.assertSame("tac", "missing");
        diff.assertSame("tac", "-s", "", "one");
        diff.assertSame("tac", "empty");
    }
}
