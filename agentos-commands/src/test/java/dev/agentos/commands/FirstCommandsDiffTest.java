package dev.agentos.commands;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** echo, cat, true, false and sleep against the host's GNU coreutils. */
class FirstCommandsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("cat")); }

    @AfterEach void close() { diff.close(); }

    @Test void echoPrintsArgumentsAndHandlesFlagsAndEscapes() {
        diff.assertSame("/bin/echo", "hello", "world");
        diff.assertSame("/bin/echo", "-n", "no newline");
        diff.assertSame("/bin/echo", "-e", "a\\tb\\n\\x41\\0101\\c ignored");
        diff.assertSame("/bin/echo", "-E", "a\\tb");
        diff.assertSame("/bin/echo", "-x", "-n");
        diff.assertSame("/bin/echo");
    }

    @Test void catConcatenatesFilesAndStdinAndReportsMissingOnes() {
        diff.file("a", "first\n").file("b", "second");
        diff.assertSame("cat", "a", "b");
        diff.assertSameWithStdin("from stdin\n", "cat", "a", "-", "b");
        diff.assertSame("cat", "a", "missing", "b");
        diff.dir("d");
        diff.assertSame("cat", "d");
    }

    @Test void trueAndFalseReturnTheirStatus() {
        diff.assertSame("true", "ignored");
        diff.assertSame("false", "ignored");
    }

    @Test void sleepRejectsBadIntervals() {
        diff.assertSame("sleep", "0.01", "0s");
        diff.assertSame("sleep", "x1");
        diff.assertSame("sleep");
    }
}
