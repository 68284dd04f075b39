package dev.agentos.commands.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cat's numbering, squeezing and visible-character options against GNU coreutils. */
class CatDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("cat"));
        diff.file("a", "one\n\n\n\ntwo\tx\n\nthree")
                .file("b", "\nb1\n\n\nb2\n")
                .file("bin", new byte[] {'a', 1, 27, 127, (byte) 0x80, (byte) 0xe9, (byte) 0xff, '\t', '\r', '\n'});
    }

    @AfterEach void close() { diff.close(); }

    @Test void numbersLinesAcrossFiles() {
        diff.assertSame("cat", "-n", "a", "b");
        diff.assertSame("cat", "-b", "a", "b");
        diff.assertSame("cat", "-nb", "a");
        diff.assertSameWithStdin("x\n\ny\n", "cat", "-n", "a", "-", "b");
    }

    @Test void squeezesBlankLines() {
        diff.assertSame("cat", "-s", "a", "b");
        diff.assertSame("cat", "-sn", "a", "b");
        diff.assertSame("cat", "-sb", "b");
    }

    @Test void showsEndsTabsAndNonprinting() {
        diff.assertSame("cat", "-E", "a");
        diff.assertSame("cat", "-T", "a");
        diff.assertSame("cat", "-v", "bin");
        diff.assertSame("cat", "-A", "bin", "a");
        diff.assertSame("cat", "-e", "bin");
        diff.assertSame("cat", "-t", "bin");
        diff.assertSame("cat", "-vET", "a");
        diff.assertSame("cat", "-u", "a");
        diff.assertSame("cat", "--show-all", "--number", "b");
    }

    @Test void reportsErrorsAndBadOptions() {
        diff.dir("d");
        diff.assertSame("cat", "a", "missing", "b");
        diff.assertSame("cat", "-n", "d", "b");
        diff.assertSame("cat", "-z");
        diff.assertSame("cat", "--nope");
        diff.assertSame("cat", "a b");
    }
}
