package dev.agentos.commands.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** grep, egrep and fgrep against the host's GNU grep. */
class GrepDiffTest {
    private static final String TEXT = "alpha one\nBeta two\ngamma three\nalphabet soup\n\nfoo_bar baz\nfoo bar\nlast line\n";
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("grep"));
        diff.file("t", TEXT).file("u", "one\ntwo\nalpha\n").file("nums", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    }

    @AfterEach void close() { diff.close(); }

    @Test void basicRegexSelectsLines() {
        diff.assertSame("grep", "alpha", "t");
        diff.assertSame("grep", "^a", "t");
        diff.assertSame("grep", "e$", "t");
        diff.assertSame("grep", "a.p", "t");
        diff.assertSame("grep", "o*", "t");
        diff.assertSame("grep", "^$", "t");
        diff.assertSame("grep", "\\(al\\)pha\\1*", "t");
        diff.assertSame("grep", "l\\{2\\}", "t");
        diff.assertSame("grep", "o\\{1,\\}", "t");
        diff.assertSame("grep", "a\\+b", "t");
        diff.assertSame("grep", "xa\\?l", "t");
        diff.assertSame("grep", "one\\|two", "t");
        diff.assertSame("grep", "a|b", "t");
        diff.assertSame("grep", "a^b", "t");
        diff.assertSame("grep", "*a", "t");
    }

    @Test void extendedRegexAndEgrep() {
        diff.assertSame("grep", "-E", "one|two", "t");
        diff.assertSame("grep", "-E", "(al)+pha", "t");
        diff.assertSame("grep", "-E", "o{2}", "t");
        diff.assertSame("grep", "-E", "a{,1}b", "t");
        diff.assertSame("grep", "-E", "^(foo|last) ", "t");
        diff.assertSame("grep", "-E", "(a)(l)\\2", "t");
        diff.assertSame("grep", "-E", "x?y?z?$", "t");
        diff.assertSame("egrep", "a+l", "t");
        diff.assertSame("grep", "-E", "a{", "t");
        diff.assertSame("grep", "-E", "*a", "t");
    }

    @Test void bracketExpressionsAndClasses() {
        diff.assertSame("grep", "[[:upper:]]", "t");
        diff.assertSame("grep", "[[:digit:]]", "nums");
        diff.assertSame("grep", "^[^a-f]", "t");
        diff.assertSame("grep", "[]x]", "t");
        diff.assertSame("grep", "[^]a-z ]", "t");
        diff.assertSame("grep", "[[:space:]]b", "t");
        diff.assertSame("grep", "[_]", "t");
        diff.assertSame("grep", "[[=a=]]l", "t");
        diff.assertSame("grep", "[[.-.]a]x", "t");
        diff.assertSame("grep", "1[0-2]", "nums");
        diff.assertSame("grep", "[[:alpha:][:digit:]]_", "t");
    }

    @Test void gnuEscapes() {
        diff.assertSame("grep", "\\<b", "t");
        diff.assertSame("grep", "a\\>", "t");
        diff.assertSame("grep", "\\bbar\\b", "t");
        diff.assertSame("grep", "o\\B", "t");
        diff.assertSame("grep", "\\w\\s\\w", "t");
        diff.assertSame("grep", "\\W", "t");
        diff.assertSame("grep", "\\S\\S\\S\\S\\S\\S", "t");
    }

    @Test void badPatternsExitTwo() {
        diff.assertSame("grep", "[", "t");
        diff.assertSame("grep", "[[:foo:]]", "t");
        diff.assertSame("grep", "\\(", "t");
        diff.assertSame("grep", "-E", "(", "t");
        diff.assertSame("grep", "x\\)", "t");
        diff.assertSame("grep", "a\\{1", "t");
        diff.assertSame("grep", "\\1", "t");
        diff.assertSame("grep", "z-a", "t");
        diff.assertSame("grep", "[z-a]", "t");
    }

    @Test void fixedStringsAndFgrep() {
        diff.assertSame("grep", "-F", "a.p", "t");
        diff.assertSame("grep", "-F", "o b", "t");
        diff.assertSame("fgrep", "[", "t");
        diff.assertSame("grep", "-F", "-e", "one", "-e", "three", "t");
        diff.assertSame("grep", "-F", "-x", "foo bar", "t");
        diff.assertSame("grep", "-Fi", "BETA", "t");
    }

    @Test void perlRegex() {
        diff.assertSame("grep", "-P", "\\d+", "nums");
        diff.assertSame("grep", "-P", "a(?=l)", "t");
        diff.assertSame("grep", "-oP", "\\w+(?= )", "t");
    }

    @Test void multiplePatternsFromOptionsAndFiles() {
        diff.file("pats", "one\nthree\n");
        diff.assertSame("grep", "-e", "one", "-e", "soup", "t");
        diff.assertSame("grep", "-f", "pats", "t");
        diff.assertSame("grep", "-f", "pats", "-e", "baz", "t");
        diff.assertSame("grep", "one\nsoup", "t");
        diff.assertSame("grep", "-e", "\\(o\\)\\1", "-e", "\\(a\\)l", "t");
        diff.assertSame("grep", "-f", "missing", "t");
        diff.file("empty", "");
        diff.assertSame("grep", "-f", "empty", "t");
        diff.assertSame("grep", "", "u");
    }

    @Test void caseInvertWordAndLine() {
        diff.assertSame("grep", "-i", "beta", "t");
        diff.assertSame("grep", "-y", "GAMMA", "t");
        diff.assertSame("grep", "-v", "a", "t");
        diff.assertSame("grep", "-w", "foo", "t");
        diff.assertSame("grep", "-w", "alpha", "t");
        diff.assertSame("grep", "-x", "foo bar", "t");
        diff.assertSame("grep", "-vx", "foo bar", "t");
        diff.assertSame("grep", "-iw", "BAR", "t");
        diff.assertSame("grep", "-wo", "o[a-z]*", "t");
    }

    @Test void countsAndNumbers() {
        diff.assertSame("grep", "-c", "a", "t");
        diff.assertSame("grep", "-cv", "a", "t");
        diff.assertSame("grep", "-n", "a", "t");
        diff.assertSame("grep", "-b", "a", "t");
        diff.assertSame("grep", "-nb", "o", "t", "u");
        diff.assertSame("grep", "-c", "a", "t", "u");
        diff.assertSame("grep", "-ob", "al", "t");
        diff.assertSame("grep", "-nT", "a", "t");
    }

    @Test void onlyMatchingPrintsEachMatch() {
        diff.assertSame("grep", "-o", "a", "t");
        diff.assertSame("grep", "-o", "[a-z]*", "t");
        diff.assertSame("grep", "-on", "o.", "t");
        diff.assertSame("grep", "-o", "a\\|al\\|alp", "t");
        diff.assertSame("grep", "-oE", "b|ba|bar", "t");
        diff.assertSame("grep", "-oi", "A", "t");
        diff.assertSame("grep", "-o", "^.", "t");
        diff.assertSame("grep", "-o", ".$", "t");
    }

    @Test void listFilesAndQuiet() {
        diff.assertSame("grep", "-l", "alpha", "t", "u", "nums");
        diff.assertSame("grep", "-L", "alpha", "t", "u", "nums");
        diff.assertSame("grep", "-L", "zzz", "t");
        diff.assertSame("grep", "-L", "a", "t");
        diff.assertSame("grep", "-lZ", "alpha", "t", "u");
        diff.assertSame("grep", "-q", "alpha", "t");
        diff.assertSame("grep", "-q", "nothing", "t");
        diff.assertSame("grep", "-q", "alpha", "missing", "t");
        diff.assertSame("grep", "-q", "nothing", "missing", "t");
    }

    @Test void filenamesAndMissingFiles() {
        diff.assertSame("grep", "alpha", "t", "u");
        diff.assertSame("grep", "-h", "alpha", "t", "u");
        diff.assertSame("grep", "-H", "alpha", "t");
        diff.assertSame("grep", "alpha", "missing", "t");
        diff.assertSame("grep", "-s", "alpha", "missing", "t");
        diff.assertSame("grep", "-s", "zzz", "missing");
        diff.assertSameWithStdin("alpha\nx\n", "grep", "-H", "alpha");
        diff.assertSameWithStdin("alpha\nx\n", "grep", "alpha", "-", "u");
        diff.assertSameWithStdin("alpha\nx\n", "grep", "--label=in", "-H", "alpha");
        diff.dir("d");
        diff.assertSame("grep", "x", "d");
        diff.assertSame("grep", "-d", "skip", "x", "d");
        diff.assertSame("grep", "-Z", "alpha", "t", "u");
    }

    @Test void contextLinesAndGroupSeparators() {
        diff.assertSame("grep", "-A", "1", "5", "nums");
        diff.assertSame("grep", "-B", "2", "5", "nums");
        diff.assertSame("grep", "-C", "1", "-e", "3", "-e", "9", "nums");
        diff.assertSame("grep", "-C1", "-e", "3", "-e", "5", "nums");
        diff.assertSame("grep", "-2", "7", "nums");
        diff.assertSame("grep", "-n", "-A1", "^1", "nums");
        diff.assertSame("grep", "-A1", "--no-group-separator", "-e", "2", "-e", "8", "nums");
        diff.assertSame("grep", "-A1", "--group-separator=##", "-e", "2", "-e", "8", "nums");
        diff.assertSame("grep", "-B1", "alpha", "t", "u");
        diff.assertSame("grep", "-vC1", "[2-9]", "nums");
        diff.assertSame("grep", "-A", "x", "1", "nums");
        diff.assertSame("grep", "--context=1x", "1", "nums");
        diff.assertSame("grep", "-bA1", "5", "nums");
    }

    @Test void maxCountStopsEarly() {
        diff.assertSame("grep", "-m", "2", "1", "nums");
        diff.assertSame("grep", "-m1", "-A2", "1", "nums");
        diff.assertSame("grep", "-m", "0", "1", "nums");
        diff.assertSame("grep", "-cm", "3", "1", "nums");
        diff.assertSame("grep", "-m", "x", "1", "nums");
        diff.assertSameWithStdin("a\na\na\n", "grep", "-m1", "a");
    }

    @Test void recursiveSearchNamesFilesLikeGnu() {
        diff.dir("r").dir("r/sub").file("r/sub/f.txt", "hello\n").file("r/sub/g.c", "hello c\n");
        diff.dir("r/skip").file("r/skip/h.txt", "hello\n");
        diff.dir("one").file("one/only", "hello there\n");
        diff.assertSame("grep", "-r", "hello", "one");
        diff.assertSame("grep", "-r", "hello", "one/");
        diff.assertSame("grep", "-rn", "hello", "one", "t");
        diff.assertSame("grep", "-R", "hello", "one");
        diff.assertSame("grep", "-r", "--include=*.c", "hello", "r");
        diff.assertSame("grep", "-rl", "--exclude=*.c", "hello", "r/sub");
        diff.assertSame("grep", "-rc", "--exclude-dir=sub", "hello", "r/skip");
        diff.assertSame("grep", "-r", "--exclude-dir=skip", "--include=*.txt", "hello", "r/skip", "one");
        diff.assertSame("grep", "-rh", "hello", "one");
        diff.assertSame("grep", "-r", "zzz", "one");
    }

    @Test void recursiveWithoutOperandSearchesDot() {
        CommandDiff solo = new CommandDiff();
        try {
            solo.dir("only").file("only/x", "needle\n");
            solo.assertSame("grep", "-r", "needle");
            solo.assertSame("grep", "-r", "needle", ".");
        } finally {
            solo.close();
        }
    }

    @Test void binaryFilesAreReportedNotPrinted() {
        diff.file("bin", "text a\n\0\nmore a\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        diff.assertSame("grep", "a", "bin");
        diff.assertSame("grep", "-c", "a", "bin");
        diff.assertSame("grep", "-a", "a", "bin");
        diff.assertSame("grep", "-I", "a", "bin");
        diff.assertSame("grep", "--binary-files=text", "-n", "a", "bin");
        diff.assertSame("grep", "-l", "a", "bin", "t");
        diff.assertSame("grep", "-q", "a", "bin");
        diff.assertSame("grep", "-s", "a", "bin");
        diff.assertSame("grep", "z", "bin");
        diff.assertSame("grep", "--binary-files=bad", "z", "bin");
    }

    @Test void nullDataSeparatesRecords() {
        diff.file("z", "one\ntwo\0three\0four".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        diff.assertSame("grep", "-z", "o", "z");
        diff.assertSame("grep", "-zc", "t", "z");
        diff.assertSame("grep", "-z", "e.t", "z");
        diff.assertSame("grep", "-z", "^t", "z");
    }

    @Test void usageErrorsAndMisc() {
        diff.assertSame("grep");
        diff.assertSame("grep", "-k", "a", "t");
        diff.assertSame("grep", "--bogus", "a", "t");
        diff.assertSame("grep", "-A");
        diff.assertSame("grep", "-E", "-P", "a", "t");
        diff.assertSame("grep", "-E", "-E", "a", "t");
        diff.assertSame("grep", "--color=never", "a", "u");
        diff.assertSame("grep", "--colour", "a", "u");
        diff.assertSame("grep", "-e");
        diff.assertSame("grep", "u", "--", "-v");
        diff.assertSame("grep", "-d", "bad", "x", "u");
        diff.assertSameWithStdin("no newline", "grep", "new");
        diff.assertSameWithStdin("a\r\nb\n", "grep", "-c", "a$");
        diff.assertSameWithStdin("x\n", "grep", "--line-buffered", "x");
    }

    @Test void bracketEdgeCasesFromPosix() {
        diff.file("br", "]\nabc\n^x\n-\na]b\n\\\n[x]\n");
        diff.assertSame("grep", "[]abc]", "br");
        diff.assertSame("grep", "[^]]", "br");
        diff.assertSame("grep", "-c", "[^]abc]", "br");
        diff.assertSame("grep", "[a-]", "br");
        diff.assertSame("grep", "[]-]", "br");
        diff.assertSame("grep", "[\\]", "br");
        diff.assertSame("grep", "[[]", "br");
        diff.assertSame("grep", "[x^]", "br");
        diff.assertSame("grep", "-E", "[]a]+b", "br");
        diff.assertSame("grep", "-o", "[[:punct:]]", "br");
        diff.assertSame("grep", "\\[x\\]", "br");
    }

    @Test void backReferencesAndRepetition() {
        diff.file("rep", "abab\nabba\naaa\nxyzxyz\nab\n");
        diff.assertSame("grep", "\\(ab\\)\\1", "rep");
        diff.assertSame("grep", "-E", "(a)(b)\\2\\1", "rep");
        diff.assertSame("grep", "-E", "^(.+)\\1$", "rep");
        diff.assertSame("grep", "-x", "a\\{3\\}", "rep");
        diff.assertSame("grep", "-E", "a{2,}", "rep");
        diff.assertSame("grep", "-oE", "(ab|a)+", "rep");
        diff.assertSame("grep", "-E", "a{1,2}{2}", "rep");
        diff.assertSame("grep", "-w", "-e", "ab", "-e", "aaa", "rep");
    }

    @Test void manyFilesWithContextAndCounts() {
        diff.file("m1", "x\ny\nx\n").file("m2", "y\n");
        diff.assertSame("grep", "-c", "x", "m1", "m2");
        diff.assertSame("grep", "-A1", "x", "m1", "m2");
        diff.assertSame("grep", "-n", "-C1", "y", "m1", "m2");
        diff.assertSame("grep", "-L", "x", "m1", "m2");
        diff.assertSame("grep", "-l", "-v", "x", "m1", "m2");
        diff.assertSame("grep", "-ho", "x", "m1", "m2");
    }

    @Test void colorAlwaysHighlightsLikeGnu() {
        diff.file("c1", "ab ab\nx\nab\n");
        diff.assertSame("grep", "--color=always", "-n", "ab", "c1", "c1");
        diff.assertSame("grep", "--color=always", "-C1", "-n", "x", "c1");
        diff.assertSame("grep", "--color=always", "-o", "-b", "b", "c1");
        diff.assertSame("grep", "--color=always", "-v", "x", "c1");
        diff.assertSame("grep", "--color=always", "-c", "ab", "c1", "c1");
        diff.assertSame("grep", "--color=always", "-l", "ab", "c1");
        diff.assertSame("grep", "--color=always", "-A1", "-v", "ab", "c1");
        diff.assertSame("grep", "--color=always", "-A1", "-e", "1", "-e", "9", "nums");
        diff.assertSame("grep", "--colour=always", "-i", "a*", "u");
    }
}
