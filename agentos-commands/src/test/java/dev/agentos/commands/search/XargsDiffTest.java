package dev.agentos.commands.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** xargs against the host's GNU xargs; the commands it runs are echo, cat, true and false. */
class XargsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("xargs"));
    }

    @AfterEach void close() { diff.close(); }

    @Test void defaultsToEchoWithAllArguments() {
        diff.assertSameWithStdin("a b\nc\n  d  \n", "xargs");
        diff.assertSameWithStdin("a b c\n", "xargs", "echo", "x:");
        diff.assertSameWithStdin("", "xargs", "echo", "empty");
        diff.assertSameWithStdin("", "xargs", "-r", "echo", "never");
        diff.assertSameWithStdin("   \n\n", "xargs", "-r", "echo", "blank");
    }

    @Test void quotingAndEscapes() {
        diff.assertSameWithStdin("'a b' \"c d\" e\\ f\n", "xargs", "-n", "1");
        diff.assertSameWithStdin("a \"b\n", "xargs");
        diff.assertSameWithStdin("a 'b\n", "xargs");
        diff.assertSameWithStdin("it\\'s\n", "xargs");
    }

    @Test void maxArgsAndLines() {
        diff.assertSameWithStdin("1 2 3 4 5\n", "xargs", "-n", "2");
        diff.assertSameWithStdin("1 2 3 4 5\n", "xargs", "-n2", "echo", "=");
        diff.assertSameWithStdin("a b\nc\nd e f\n", "xargs", "-L", "1");
        diff.assertSameWithStdin("a b\nc\nd e f\n", "xargs", "-L", "2");
        diff.assertSameWithStdin("a b \nc\nd\n", "xargs", "-L", "1");
        diff.assertSameWithStdin("a\nb\nc\n", "xargs", "-l");
        diff.assertSameWithStdin("a\n", "xargs", "-n", "0");
        diff.assertSameWithStdin("a\n", "xargs", "-n", "x");
        diff.assertSameWithStdin("a\n", "xargs", "-L", "x");
    }

    @Test void nullAndDelimiterSeparatedInput() {
        diff.assertSameWithStdin("a b\0c\0\0d", "xargs", "-0", "-n", "1");
        diff.assertSameWithStdin("a:b c:d\n", "xargs", "-d", ":", "-n", "1");
        diff.assertSameWithStdin("a\nb c\n", "xargs", "-d", "\\n", "-n", "1");
        diff.assertSameWithStdin("aXbXc", "xargs", "-d", "\\x58");
        diff.assertSameWithStdin("a\n", "xargs", "-d");
    }

    @Test void replaceStrings() {
        diff.assertSameWithStdin("one\n  two\nthree four\n", "xargs", "-I", "{}", "echo", "[{}]", "{}");
        diff.assertSameWithStdin("x\ny\n", "xargs", "-I", "X", "echo", "X-X");
        diff.assertSameWithStdin("x\ny\n", "xargs", "-i", "echo", "<{}>");
        diff.assertSameWithStdin("", "xargs", "-I", "{}", "echo", "{}");
        diff.assertSameWithStdin("a\n\nb\n", "xargs", "-I{}", "echo", "{}");
        diff.assertSameWithStdin("a\n", "xargs", "-I");
    }

    @Test void verboseTracesToStderr() {
        diff.assertSameWithStdin("a b c\n", "xargs", "-t", "-n", "2", "echo");
        diff.assertSameWithStdin("a\n", "xargs", "-t");
    }

    @Test void sizeLimitsAndEofString() {
        diff.assertSameWithStdin("a b\n", "xargs", "-s", "5", "echo");
        diff.assertSameWithStdin("aa bb cc dd\n", "xargs", "-s", "12", "echo");
        diff.assertSameWithStdin("a b STOP c\n", "xargs", "-E", "STOP");
        diff.assertSameWithStdin("a b STOP c\n", "xargs", "-eSTOP");
        diff.assertSameWithStdin("aa bb cc dd\n", "xargs", "-x", "-s", "12", "echo");
    }

    @Test void exitStatusesFollowGnu() {
        diff.assertSameWithStdin("a\n", "xargs", "false");
        diff.assertSameWithStdin("a\n", "xargs", "true");
        diff.assertSameWithStdin("a b\n", "xargs", "-n", "1", "false");
        diff.assertSameWithStdin("a\n", "xargs", "no-such-command-x");
        diff.assertSameWithStdin("a\n", "xargs", "-k");
        diff.assertSameWithStdin("a\n", "xargs", "--bogus");
        diff.assertSameWithStdin("a\n", "xargs", "-P", "x");
    }

    @Test void readsArgumentsFromFile() {
        diff.file("args", "f1 f2\nf3\n");
        diff.assertSame("xargs", "-a", "args", "echo", "got");
        diff.assertSame("xargs", "-a", "missing", "echo");
        diff.file("f1", "one\n").file("f2", "two\n");
        diff.assertSameWithStdin("f1 f2\n", "xargs", "cat");
    }

    @Test void parallelRunsStillRunEverything() {
        diff.assertSameWithStdin("a\nb\nc\nd\n", "xargs", "-P", "2", "-n", "1", "true");
        diff.assertSameWithStdin("a\nb\n", "xargs", "-P", "3", "-n", "1", "false");
        diff.assertSameWithStdin("a\n", "xargs", "-P", "0", "echo");
    }
}
