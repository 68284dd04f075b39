package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** comm and join against the host's GNU coreutils. */
class CommJoinDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("comm") && CommandDiff.hostHas("join"));
        diff.file("a", "apple\nbanana\ncherry\ndate\n").file("b", "banana\ncherry\nelder\nfig");
        diff.file("unsorted", "zebra\napple\nmango\n");
        diff.file("names", "1 alice x\n2 bob y\n3 carol z\n5 eve w\n");
        diff.file("ages", "1 30\n2 25\n2 26\n4 40\n5 50\n");
        diff.file("csv1", "k1,a,b\nk2,c,d\nk3,e,f\n").file("csv2", "k1,X\nk3,Y\nk4,Z\n");
        diff.file("upper", "A one\nb two\nC three\n").file("lower", "a uno\nB dos\nc tres\n");
        diff.file("bad", "3 c\n1 a\n2 b\n");
        diff.file("hdr1", "id name\n1 a\n2 b\n").file("hdr2", "id score\n1 10\n2 20\n");
    }

    @AfterEach void close() { diff.close(); }

    @Test void commColumnsAndSuppression() {
        diff.assertSame("comm", "a", "b");
        diff.assertSame("comm", "-1", "a", "b");
        diff.assertSame("comm", "-2", "a", "b");
        diff.assertSame("comm", "-3", "a", "b");
        diff.assertSame("comm", "-12", "a", "b");
        diff.assertSame("comm", "-13", "a", "b");
        diff.assertSame("comm", "-23", "a", "b");
        diff.assertSame("comm", "-123", "a", "b");
        diff.assertSame("comm", "--output-delimiter=|", "a", "b");
        diff.assertSame("comm", "--total", "a", "b");
        diff.assertSame("comm", "--total", "-12", "--output-delimiter=,", "a", "b");
        diff.assertSameWithStdin("banana\nzzz\n", "comm", "a", "-");
    }

    @Test void commOrderChecking() {
        diff.assertSame("comm", "unsorted", "a");
        diff.assertSame("comm", "a", "unsorted");
        diff.assertSame("comm", "--check-order", "unsorted", "a");
        diff.assertSame("comm", "--nocheck-order", "unsorted", "a");
        diff.assertSame("comm", "unsorted", "unsorted");
        diff.assertSame("comm", "--check-order", "a", "a");
    }

    @Test void commErrors() {
        diff.assertSame("comm");
        diff.assertSame("comm", "a");
        diff.assertSame("comm", "a", "b", "c");
        diff.assertSame("comm", "a", "missing");
    }

    @Test void joinOnFirstField() {
        diff.assertSame("join", "names", "ages");
        diff.assertSame("join", "ages", "names");
        diff.assertSame("join", "-a", "1", "names", "ages");
        diff.assertSame("join", "-a", "2", "names", "ages");
        diff.assertSame("join", "-a1", "-a2", "names", "ages");
        diff.assertSame("join", "-v", "1", "names", "ages");
        diff.assertSame("join", "-v", "2", "names", "ages");
        diff.assertSame("join", "-v1", "-v2", "names", "ages");
    }

    @Test void joinFieldsSeparatorsAndFormats() {
        diff.assertSame("join", "-t", ",", "csv1", "csv2");
        diff.assertSame("join", "-t,", "-a1", "-e", "NA", "-o", "0,1.2,2.2", "csv1", "csv2");
        diff.assertSame("join", "-t,", "-o", "auto", "-a2", "-e", "-", "csv1", "csv2");
        diff.assertSame("join", "-o", "1.2,2.2", "names", "ages");
        diff.assertSame("join", "-o", "2.1 1.3", "names", "ages");
        diff.assertSame("join", "-1", "1", "-2", "1", "names", "ages");
        diff.assertSame("join", "-j", "1", "names", "ages");
        diff.assertSame("join", "-i", "upper", "lower");
        diff.assertSame("join", "upper", "lower");
        diff.assertSame("join", "--header", "hdr1", "hdr2");
        diff.assertSameWithStdin("2 b2\n3 c3\n", "join", "names", "-");
    }

    @Test void joinOrderAndErrors() {
        diff.assertSame("join", "bad", "names");
        diff.assertSame("join", "--check-order", "bad", "names");
        diff.assertSame("join", "--nocheck-order", "bad", "names");
        diff.assertSame("join", "names");
        diff.assertSame("join", "-a", "3", "names", "ages");
        diff.assertSame("join", "-1", "0", "names", "ages");
        diff.assertSame("join", "-o", "3.1", "names", "ages");
        diff.assertSame("join", "names", "missing");
        diff.assertSame("join", "-t", "ab", "names", "ages");
    }
}
