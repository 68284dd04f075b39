package dev.agentos.commands.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** expr against GNU coreutils: precedence, arithmetic, comparison, matching and exit statuses. */
class ExprDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("expr")); }

    @AfterEach void close() { diff.close(); }

    @Test void arithmeticFollowsGnuPrecedence() {
        diff.assertSame("expr", "1", "+", "2");
        diff.assertSame("expr", "3", "*", "4", "+", "1", "-", "2", "%", "3");
        diff.assertSame("expr", "(", "1", "+", "2", ")", "*", "3");
        diff.assertSame("expr", "-5", "/", "2");
        diff.assertSame("expr", "-5", "%", "3");
        diff.assertSame("expr", "99999999999999999999", "+", "1");
        diff.assertSame("expr", "10", "-", "10");
        diff.assertSame("expr", "7");
        diff.assertSame("expr", "--", "-3", "*", "-3");
    }

    @Test void comparisonsAreNumericOrLexical() {
        diff.assertSame("expr", "abc", "<", "abd");
        diff.assertSame("expr", "10", ">", "9");
        diff.assertSame("expr", "10", ">", "9a");
        diff.assertSame("expr", "010", "=", "10");
        diff.assertSame("expr", "a", "==", "a");
        diff.assertSame("expr", "a", "!=", "a");
        diff.assertSame("expr", "2", "<=", "2");
        diff.assertSame("expr", "3", ">=", "4");
    }

    @Test void logicalOperatorsShortCircuit() {
        diff.assertSame("expr", "1", "<", "2", "&", "0");
        diff.assertSame("expr", "", "|", "0");
        diff.assertSame("expr", "0", "|", "b");
        diff.assertSame("expr", "a", "|", "b");
        diff.assertSame("expr", "a", "&", "b");
        diff.assertSame("expr", "1", "|", "1", "/", "0");
        diff.assertSame("expr", "0", "&", "1", "/", "0");
        diff.assertSame("expr", "-0");
        diff.assertSame("expr", "00");
    }

    @Test void matchingAndStringKeywords() {
        diff.assertSame("expr", "abc", ":", "a\\(b\\)");
        diff.assertSame("expr", "abc", ":", "x");
        diff.assertSame("expr", "abc", ":", "a\\(x\\)*");
        diff.assertSame("expr", "aXb", ":", ".*X");
        diff.assertSame("expr", "hello.txt", ":", ".*\\.\\(.*\\)");
        diff.assertSame("expr", "abc", ":", "ab*");
        diff.assertSame("expr", "aaa", ":", "a\\{2\\}");
        diff.assertSame("expr", "abc", ":", "[a-b]*");
        diff.assertSame("expr", "x12", ":", "x[[:digit:]]*");
        diff.assertSame("expr", "*a", ":", "*a");
        diff.assertSame("expr", "a^b", ":", "a^b");
        diff.assertSame("expr", "a", ":", "\\(\\)");
        diff.assertSame("expr", "match", "abc", "a.");
        diff.assertSame("expr", "length", "abc");
        diff.assertSame("expr", "substr", "hello", "2", "3");
        diff.assertSame("expr", "substr", "abc", "0", "1");
        diff.assertSame("expr", "substr", "abc", "2", "99");
        diff.assertSame("expr", "index", "hello", "l");
        diff.assertSame("expr", "index", "hello", "z");
        diff.assertSame("expr", "+", "length");
        diff.assertSame("expr", "length", "abc", "+", "1");
    }

    @Test void errorsHaveGnuWordingAndStatus() {
        diff.assertSame("expr");
        diff.assertSame("expr", "1", "+");
        diff.assertSame("expr", "a", "+", "1");
        diff.assertSame("expr", "5", "/", "0");
        diff.assertSame("expr", "5", "%", "0");
        diff.assertSame("expr", "1", "2");
        diff.assertSame("expr", "(", "1");
        diff.assertSame("expr", "(", "1", "2");
        diff.assertSame("expr", ")");
        diff.assertSame("expr", "length");
        diff.assertSame("expr", "a", ":", "\\(");
        diff.assertSame("expr", "substr", "abc", "x", "1");
    }
}
