package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** head and tail against the host's GNU coreutils. */
class HeadTailDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("head") && CommandDiff.hostHas("tail"));
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 30; i++) sb.append("line ").append(i).append('\n');
        diff.file("thirty", sb.toString()).file("short", "a\nb\nc").file("empty", "").file("z", "one\0two\0three\0");
        diff.dir("d");
    }

    @AfterEach void close() { diff.close(); }

    @Test void headPrintsTenLinesByDefaultAndHonoursN() {
        diff.assertSame("head", "thirty");
        diff.assertSame("head", "-n", "3", "thirty");
        diff.assertSame("head", "-n3", "short");
        diff.assertSame("head", "--lines=0", "thirty");
        diff.assertSame("head", "-n", "100", "short");
        diff.assertSame("head", "-n", "1K", "thirty");
        diff.assertSameWithStdin("x\ny\nz\n", "head", "-n", "2");
    }

    @Test void headNegativeCountsElideTheEnd() {
        diff.assertSame("head", "-n", "-25", "thirty");
        diff.assertSame("head", "-n", "-1", "short");
        diff.assertSame("head", "-n", "-100", "thirty");
        diff.assertSame("head", "-c", "-5", "short");
        diff.assertSame("head", "-c", "-0", "short");
        diff.assertSameWithStdin("1\n2\n3\n4\n", "head", "-n", "-2");
    }

    @Test void headBytes() {
        diff.assertSame("head", "-c", "7", "thirty");
        diff.assertSame("head", "--bytes=1", "short");
        diff.assertSame("head", "-c", "1b", "thirty");
        diff.assertSame("head", "-c", "0", "thirty");
    }

    @Test void headHeadersForSeveralFilesAndQuietVerbose() {
        diff.assertSame("head", "-n", "2", "thirty", "short", "empty");
        diff.assertSame("head", "-q", "-n", "2", "thirty", "short");
        diff.assertSame("head", "-v", "-n", "1", "short");
        diff.assertSameWithStdin("in\n", "head", "-n", "1", "short", "-");
        diff.assertSame("head", "-n1", "--silent", "short", "thirty");
        diff.assertSame("head", "-qv", "-n1", "short", "thirty");
    }

    @Test void headObsoleteSyntax() {
        diff.assertSame("head", "-5", "thirty");
        diff.assertSame("head", "-3c", "thirty");
        diff.assertSame("head", "-2v", "short");
        diff.assertSame("head", "-1q", "short", "thirty");
        diff.assertSame("head", "-5x", "thirty");
        diff.assertSame("head", "-1b", "thirty");
    }

    @Test void headErrors() {
        diff.assertSame("head", "-n", "x", "thirty");
        diff.assertSame("head", "-c", "1y", "thirty");
        diff.assertSame("head", "-n", "99999999999999999999999", "thirty");
        diff.assertSame("head", "-n", "18446744073709551615", "short");
        diff.assertSame("head", "missing", "short");
        diff.assertSame("head", "d");
        diff.assertSame("head", "short", "d", "missing");
        diff.assertSame("head", "-k");
        diff.assertSame("head", "--lines");
    }

    @Test void headZeroTerminated() {
        diff.assertSame("head", "-z", "-n", "2", "z");
        diff.assertSame("head", "-z", "-n", "-1", "z");
    }

    @Test void tailLastLinesAndFromStart() {
        diff.assertSame("tail", "thirty");
        diff.assertSame("tail", "-n", "3", "thirty");
        diff.assertSame("tail", "-n", "+28", "thirty");
        diff.assertSame("tail", "-n", "+0", "short");
        diff.assertSame("tail", "-n", "2", "short");
        diff.assertSame("tail", "-n", "0", "short");
        diff.assertSame("tail", "-n", "100", "short");
        diff.assertSameWithStdin("1\n2\n3\n4\n", "tail", "-n", "2");
        diff.assertSameWithStdin("1\n2\n3\n4", "tail", "-n", "+3");
        diff.assertSameWithStdin("1\n2\n3\n4", "tail", "-n", "1");
    }

    @Test void tailBytes() {
        diff.assertSame("tail", "-c", "5", "thirty");
        diff.assertSame("tail", "-c", "+5", "short");
        diff.assertSame("tail", "-c", "1K", "short");
        diff.assertSameWithStdin("abcdef", "tail", "-c", "3");
        diff.assertSameWithStdin("abcdef", "tail", "-c", "+3");
    }

    @Test void tailHeadersQuietVerbose() {
        diff.assertSame("tail", "-n", "2", "thirty", "short", "empty");
        diff.assertSame("tail", "-q", "-n", "1", "thirty", "short");
        diff.assertSame("tail", "-v", "-n", "1", "short");
        diff.assertSame("tail", "-n", "1", "missing", "short", "d");
    }

    @Test void tailObsoleteSyntax() {
        diff.assertSame("tail", "-3", "thirty");
        diff.assertSame("tail", "+29", "thirty");
        diff.assertSame("tail", "-4c", "thirty");
        diff.assertSame("tail", "-1l", "short");
        diff.assertSameWithStdin("a\nb\nc\n", "tail", "-2");
    }

    @Test void tailErrorsAndZero() {
        diff.assertSame("tail", "-n", "y", "thirty");
        diff.assertSame("tail", "-c", "-x", "thirty");
        diff.assertSame("tail", "-z", "-n", "2", "z");
        diff.assertSame("tail", "--pid=1", "short");
        diff.assertSame("tail", "--retry", "short");
        diff.assertSame("tail", "-s", "abc", "-f", "short");
        diff.assertSame("tail", "--follow=bogus", "short");
    }
}
