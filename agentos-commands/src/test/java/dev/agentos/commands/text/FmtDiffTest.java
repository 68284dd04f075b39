package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fmt against the host's GNU coreutils. */
class FmtDiffTest {
    private final CommandDiff diff = new CommandDiff();
    private static final String PROSE = "The quick brown fox jumps over the lazy dog. It was a sunny day, and the fox\n"
            + "was happy.  Then it rained!  The dog (who was lazy) did not move at all;\nit just slept.\n\n"
            + "Second paragraph with a few words\nspread over\nseveral short lines that should be joined together into one.\n"
            + "    Indented paragraph line one that is quite long and keeps going and going beyond width.\n"
            + "    indented line two.\n";

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("fmt"));
        diff.file("prose", PROSE);
    }

    @AfterEach void close() { diff.close(); }

    @Test void fillsParagraphsToTheDefaultWidth() {
        diff.assertSame("fmt", "prose");
        diff.assertSameWithStdin("short\nlines\nhere\n", "fmt");
        diff.assertSameWithStdin("", "fmt");
    }

    @Test void widthGoalAndUniformSpacing() {
        diff.assertSame("fmt", "-w", "40", "prose");
        diff.assertSame("fmt", "-w", "20", "prose");
        diff.assertSame("fmt", "-30", "prose");
        diff.assertSame("fmt", "-w", "60", "-g", "50", "prose");
        diff.assertSame("fmt", "-u", "prose");
        diff.assertSame("fmt", "-u", "-w", "30", "prose");
    }

    @Test void splitOnlyAndCrown() {
        diff.assertSame("fmt", "-s", "-w", "30", "prose");
        diff.assertSameWithStdin("  first line of a crown paragraph\nsecond line at margin that continues the thought for a while longer\n", "fmt", "-c", "-w", "30");
    }

    @Test void errors() {
        diff.assertSame("fmt", "-w", "x", "prose");
        diff.assertSame("fmt", "missing");
    }
}
