package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** wc against the host's GNU coreutils, column widths included. */
class WcDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("wc"));
        diff.file("a", "hello world\nfoo\tbar baz\nx \u0001y\u000bz\r\n").file("b", "no newline at end").file("empty", "");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++) big.append("word ").append(i).append('\n');
        diff.file("big", big.toString());
        diff.dir("d");
    }

    @AfterEach void close() { diff.close(); }

    @Test void defaultCountsOneFile() {
        diff.assertSame("wc", "a");
        diff.assertSame("wc", "b");
        diff.assertSame("wc", "empty");
        diff.assertSame("wc", "big");
    }

    @Test void singleCountsUseMinimalWidth() {
        diff.assertSame("wc", "-l", "big");
        diff.assertSame("wc", "-w", "a");
        diff.assertSame("wc", "-c", "a");
        diff.assertSame("wc", "-m", "a");
        diff.assertSame("wc", "-L", "a");
        diff.assertSameWithStdin("one two\nthree\n", "wc", "-l");
    }

    @Test void severalFilesGetATotalAndSharedWidth() {
        diff.assertSame("wc", "a", "b", "big");
        diff.assertSame("wc", "-l", "a", "big");
        diff.assertSame("wc", "-lwcmL", "a", "b");
        diff.assertSame("wc", "-L", "a", "b", "big");
    }

    @Test void stdinIsPaddedToSeven() {
        diff.assertSameWithStdin("one two\nthree\n", "wc");
        diff.assertSameWithStdin("x\n", "wc", "a", "-");
        diff.assertSameWithStdin("", "wc", "-cl");
    }

    @Test void errorsAndDirectories() {
        diff.assertSame("wc", "missing");
        diff.assertSame("wc", "a", "missing");
        diff.assertSame("wc", "missing", "a");
        diff.assertSame("wc", "d");
        diff.assertSame("wc", "-l", "d", "a");
        diff.assertSame("wc", "-x");
    }

    @Test void maxLineLengthCountsTabsAndIgnoresControls() {
        diff.file("tabs", "a\tb\n\t\tc\n12345678\t\nx\by\n\u00e9\u00e9\n");
        diff.assertSame("wc", "-L", "tabs");
        diff.assertSame("wc", "-Lw", "tabs");
    }
}
