package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tr against the host's GNU coreutils. */
class TrDiffTest {
    private final CommandDiff diff = new CommandDiff();
    private static final String TEXT = "Hello, World! 123 aaa   bbb\ttab\nSecond LINE zz\n";

    @BeforeEach void setUp() { assumeTrue(CommandDiff.hostHas("tr")); }

    @AfterEach void close() { diff.close(); }

    @Test void translatesRangesAndPadsSet2() {
        diff.assertSameWithStdin(TEXT, "tr", "a-z", "A-Z");
        diff.assertSameWithStdin(TEXT, "tr", "a-z", "x");
        diff.assertSameWithStdin(TEXT, "tr", "abc", "xy");
        diff.assertSameWithStdin(TEXT, "tr", "-t", "abcl", "xy");
        diff.assertSameWithStdin(TEXT, "tr", "lo", "01");
        diff.assertSameWithStdin(TEXT, "tr", "a-f", "x[y*2]z");
        diff.assertSameWithStdin(TEXT, "tr", "a-z", "[x*]");
        diff.assertSameWithStdin(TEXT, "tr", "a-z", "[x*5]y");
    }

    @Test void classesAndCaseConversion() {
        diff.assertSameWithStdin(TEXT, "tr", "[:lower:]", "[:upper:]");
        diff.assertSameWithStdin(TEXT, "tr", "[:upper:]", "[:lower:]");
        diff.assertSameWithStdin(TEXT, "tr", "[:digit:]", "#");
        diff.assertSameWithStdin(TEXT, "tr", "[:space:]", "_");
        diff.assertSameWithStdin(TEXT, "tr", "[:punct:][:blank:]", ".");
        diff.assertSameWithStdin(TEXT, "tr", "-d", "[:alnum:]");
        diff.assertSameWithStdin(TEXT, "tr", "[=a=]", "A");
    }

    @Test void deleteSqueezeComplement() {
        diff.assertSameWithStdin(TEXT, "tr", "-d", "lo");
        diff.assertSameWithStdin(TEXT, "tr", "-s", " ");
        diff.assertSameWithStdin(TEXT, "tr", "-s", "[:alpha:]");
        diff.assertSameWithStdin(TEXT, "tr", "-cd", "[:alpha:]\\n");
        diff.assertSameWithStdin(TEXT, "tr", "-c", "[:alnum:]", "_");
        diff.assertSameWithStdin(TEXT, "tr", "-C", "a-z\\n", "-");
        diff.assertSameWithStdin(TEXT, "tr", "-ds", "a", "b");
        diff.assertSameWithStdin(TEXT, "tr", "-s", "a-z", "A-Z");
        diff.assertSameWithStdin(TEXT, "tr", "-cs", "[:alpha:]", "\\n");
    }

    @Test void escapes() {
        diff.assertSameWithStdin(TEXT, "tr", "\\t\\n", "TN");
        diff.assertSameWithStdin(TEXT, "tr", "\\101-\\132", "a-z");
        diff.assertSameWithStdin(TEXT, "tr", "\\\\ ", "/_");
        diff.assertSameWithStdin("a-b\n", "tr", "a\\-b", "xyz");
        diff.assertSameWithStdin("a-b\n", "tr", "-", "_");
        diff.assertSameWithStdin("abc\\\n", "tr", "a\\", "xy");
    }

    @Test void errors() {
        diff.assertSame("tr");
        diff.assertSame("tr", "a");
        diff.assertSame("tr", "-d", "a", "b");
        diff.assertSame("tr", "-s", "a", "b", "c");
        diff.assertSame("tr", "-ds", "a");
        diff.assertSame("tr", "a", "");
        diff.assertSame("tr", "z-a", "x");
        diff.assertSame("tr", "[:foo:]", "x");
        diff.assertSame("tr", "a", "[:digit:]");
    }
}
