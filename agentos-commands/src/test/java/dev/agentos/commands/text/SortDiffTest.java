package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sort against the host's GNU coreutils. */
class SortDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("sort"));
        diff.file("words", "banana\nApple\ncherry\napple\n  banana\nBanana\n\ncherry\n_x\n");
        diff.file("nums", "10\n9\n-3\n3.5\n+4\n 2\n0\n-0\nabc\n1e3\n007\n.5\n-.5\n10\n");
        diff.file("table", "b 2 x\na 10 y\nc 1 z\na 2 w\nb  10 v\n");
        diff.file("csv", "k3:30:Zed\nk1:5:amy\nk2:30:bob\nk1:40:Carl\n");
        diff.file("human", "1K\n2M\n512\n1G\n3k\n-1M\n1.5K\n0\n");
        diff.file("months", "Mar x\njan y\nDEC z\nfoo w\n feb v\n");
        diff.file("versions", "a-1.10\na-1.2\na-1.9\na-1.2a\n.hidden\nb\na-1.02\nfile.tar.gz\nfile1.tar.gz\n");
        diff.file("sorted", "a\nb\nb\nc\n").file("unsorted", "a\nc\nb\n");
        diff.file("noeol", "z\ny");
        diff.file("general", "1e3\n-inf\nnan\n2.5\nabc\n+7\n0x10\n1e-2\ninf\n");
        diff.dir("d");
    }

    @AfterEach void close() { diff.close(); }

    @Test void defaultByteOrderWithLastResort() {
        diff.assertSame("sort", "words");
        diff.assertSame("sort", "-r", "words");
        diff.assertSame("sort", "noeol", "words");
        diff.assertSameWithStdin("b\na\nc\n", "sort");
        diff.assertSameWithStdin("", "sort");
    }

    @Test void numericSortsLikeStrnumcmp() {
        diff.assertSame("sort", "-n", "nums");
        diff.assertSame("sort", "-rn", "nums");
        diff.assertSame("sort", "-nu", "nums");
        diff.assertSame("sort", "-n", "-s", "nums");
        diff.assertSame("sort", "-g", "general");
        diff.assertSame("sort", "-g", "nums");
        diff.assertSame("sort", "-h", "human");
        diff.assertSame("sort", "-hr", "human");
    }

    @Test void keysWithBlankSeparatedFields() {
        diff.assertSame("sort", "-k2", "table");
        diff.assertSame("sort", "-k2n", "table");
        diff.assertSame("sort", "-k2,2n", "table");
        diff.assertSame("sort", "-k2,2nr", "-k1,1", "table");
        diff.assertSame("sort", "-k1,1", "-k2,2n", "table");
        diff.assertSame("sort", "-k2b,2", "table");
        diff.assertSame("sort", "-b", "-k2,2", "table");
        diff.assertSame("sort", "-k3.1,3.1", "table");
        diff.assertSame("sort", "-k1.2", "words");
        diff.assertSame("sort", "-s", "-k1,1", "table");
        diff.assertSame("sort", "-u", "-k1,1", "table");
        diff.assertSame("sort", "-k2,1", "table");
    }

    @Test void keysWithATabCharacter() {
        diff.assertSame("sort", "-t:", "-k2n", "csv");
        diff.assertSame("sort", "-t", ":", "-k2,2n", "-k3", "csv");
        diff.assertSame("sort", "-t:", "-k3f", "csv");
        diff.assertSame("sort", "-t:", "-k2,2nr", "-k1,1r", "csv");
        diff.assertSame("sort", "-t:", "-k1.2,1.2", "csv");
        diff.assertSame("sort", "-t:", "-k4", "csv");
    }

    @Test void foldIgnoreDictionaryMonthVersion() {
        diff.assertSame("sort", "-f", "words");
        diff.assertSame("sort", "-fu", "words");
        diff.assertSame("sort", "-d", "words");
        diff.assertSame("sort", "-i", "words");
        diff.assertSame("sort", "-M", "months");
        diff.assertSame("sort", "-Mr", "months");
        diff.assertSame("sort", "-V", "versions");
        diff.assertSame("sort", "--sort=version", "versions");
        diff.assertSame("sort", "-k1V", "versions");
    }

    @Test void uniqueAndStable() {
        diff.assertSame("sort", "-u", "words");
        diff.assertSame("sort", "-u", "sorted");
        diff.assertSame("sort", "-s", "-f", "words");
        diff.assertSame("sort", "-sfr", "words");
    }

    @Test void checkReportsFirstDisorder() {
        diff.assertSame("sort", "-c", "sorted");
        diff.assertSame("sort", "-c", "unsorted");
        diff.assertSame("sort", "-C", "unsorted");
        diff.assertSame("sort", "-cu", "sorted");
        diff.assertSame("sort", "--check=quiet", "unsorted");
        diff.assertSame("sort", "--check=silent", "sorted");
        diff.assertSameWithStdin("b\na\n", "sort", "-c");
        diff.assertSame("sort", "-c", "sorted", "unsorted");
    }

    @Test void outputFileAndZeroTerminated() {
        diff.assertSame("sort", "-o", "out", "words");
        diff.assertSame("cat", "out");
        diff.assertSame("sort", "-o", "words", "words");
        diff.assertSame("cat", "words");
        diff.assertSameWithStdin("b\0a\0c\0", "sort", "-z");
        diff.assertSameWithStdin("b\0a\0c", "sort", "-zr");
    }

    @Test void usageErrors() {
        diff.assertSame("sort", "-k0", "words");
        diff.assertSame("sort", "-k1.0", "words");
        diff.assertSame("sort", "-k", "a", "words");
        diff.assertSame("sort", "-k1,x", "words");
        diff.assertSame("sort", "-k1b2", "words");
        diff.assertSame("sort", "-t", "ab", "words");
        diff.assertSame("sort", "-t", "", "words");
        diff.assertSame("sort", "-gn", "words");
        diff.assertSame("sort", "-k1Mn", "words");
        diff.assertSame("sort", "missing");
        diff.assertSame("sort", "d");
        diff.assertSame("sort", "--sort=bogus", "words");
        diff.assertSame("sort", "-o");
        diff.assertSame("sort", "-y");
        diff.assertSame("sort", "-S", "1M", "--parallel=2", "-T", "/tmp", "words");
    }

    @Test void randomSortGroupsEqualKeys() {
        // -R output is random: compare only the multiset and that equal lines are adjacent
        var out = diff.vm("", java.util.List.of("sort", "-R", "words")).stdout();
        var lines = new java.util.ArrayList<>(java.util.List.of(out.split("\n", -1)));
        lines.remove(lines.size() - 1);
        var sorted = new java.util.ArrayList<>(lines);
        java.util.Collections.sort(sorted);
        var host = diff.host("", java.util.List.of("sort", "words")).stdout();
        org.assertj.core.api.Assertions.assertThat(String.join("\n", sorted) + "\n").isEqualTo(host);
        int firstCherry = lines.indexOf("cherry");
        org.assertj.core.api.Assertions.assertThat(lines.get(firstCherry + 1)).isEqualTo("cherry");
    }

    @Test void mergeInterleavesPresortedInputsWithoutSortingThem() {
        diff.file("odd", "1\n3\n5\n").file("even", "2\n4\n6\n").file("dup", "3\nb\n");
        diff.assertSame("sort", "-m", "odd", "even");
        diff.assertSame("sort", "-m", "even", "odd", "dup");
        diff.assertSame("sort", "-m", "-r", "even", "odd");
        diff.assertSame("sort", "-m", "-n", "odd", "even", "odd");
        diff.assertSame("sort", "-m", "unsorted", "sorted");
        diff.assertSame("sort", "-m", "-u", "sorted", "sorted");
        diff.assertSame("sort", "-m", "-k2,2n", "-t", " ", "table");
        diff.assertSameWithStdin("0\n9\n", "sort", "-m", "-", "odd");
    }
}
