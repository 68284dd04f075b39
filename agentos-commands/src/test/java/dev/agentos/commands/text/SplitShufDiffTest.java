package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** split against GNU coreutils (pieces inspected with cat); shuf by structure, since it is random. */
class SplitShufDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 10; i++) sb.append(i).append('\n');
        diff.file("ten", sb.toString()).file("noeol", "a\nbb\nccc");
    }

    @AfterEach void close() { diff.close(); }

    @Test void splitByLinesAndBytes() {
        assumeTrue(CommandDiff.hostHas("split"));
        diff.assertSame("split", "-l", "3", "ten");
        diff.assertSame("cat", "xaa", "xab", "xac", "xad", "xae");
        diff.assertSame("split", "-b", "4", "noeol", "b_");
        diff.assertSame("cat", "b_aa", "b_ab", "b_ac", "b_ad");
        diff.assertSame("split", "-C", "6", "ten", "c");
        diff.assertSame("cat", "caa", "cab", "cac", "cad", "cae");
        diff.assertSame("cat", "caa");
        diff.assertSameWithStdin("x\ny\nz\n", "split", "-l", "2", "-", "in");
        diff.assertSame("cat", "inaa", "inab");
    }

    @Test void splitSuffixes() {
        assumeTrue(CommandDiff.hostHas("split"));
        diff.assertSame("split", "-l", "3", "-d", "--additional-suffix=.txt", "ten", "n");
        diff.assertSame("cat", "n00.txt", "n03.txt", "n04.txt");
        diff.assertSame("split", "-l", "1", "-a", "1", "ten", "one");
        diff.assertSame("cat", "onea", "onej");
        diff.assertSame("split", "-l", "1", "-a", "1", "-d", "ten", "dig");
        diff.assertSame("cat", "dig0", "dig9");
        diff.assertSame("split", "-l", "1", "--numeric-suffixes=5", "ten", "from");
        diff.assertSame("cat", "from05", "from14");
        diff.assertSame("split", "-l", "1", "-x", "ten", "h");
        diff.assertSame("cat", "h09", "h0a");
        diff.assertSame("split", "--verbose", "-l", "4", "ten", "v");
    }

    @Test void splitWidensSuffixesAutomatically() {
        assumeTrue(CommandDiff.hostHas("split"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 700; i++) sb.append(i).append('\n');
        diff.file("many", sb.toString());
        diff.assertSame("split", "-l", "1", "many", "w");
        diff.assertSame("cat", "wyz", "wzaaa", "wzaax");
        diff.assertSame("split", "-l", "1", "-d", "ten", "q");
        diff.assertSame("split", "-l", "1", "-a", "1", "-d", "many", "ex");
    }

    @Test void splitIntoChunks() {
        assumeTrue(CommandDiff.hostHas("split"));
        diff.assertSame("split", "-n", "3", "ten", "k");
        diff.assertSame("cat", "kaa", "kab", "kac");
        diff.assertSame("cat", "kac");
        diff.assertSame("split", "-n", "l/3", "ten", "l");
        diff.assertSame("cat", "laa");
        diff.assertSame("cat", "lab");
        diff.assertSame("split", "-n", "r/3", "ten", "r");
        diff.assertSame("cat", "raa");
        diff.assertSame("cat", "rac");
        diff.assertSame("split", "-n", "2/3", "ten");
        diff.assertSame("split", "-n", "l/2/3", "ten");
        diff.assertSame("split", "-n", "r/1/3", "ten");
        diff.assertSame("split", "-n", "4", "-e", "noeol", "e");
        diff.assertSame("split", "-n", "12", "noeol", "m");
        diff.assertSame("cat", "maa", "mab", "mal");
    }

    @Test void splitErrors() {
        assumeTrue(CommandDiff.hostHas("split"));
        diff.assertSame("split", "-l", "0", "ten");
        diff.assertSame("split", "-b", "x", "ten");
        diff.assertSame("split", "-n", "0", "ten");
        diff.assertSame("split", "missing");
        diff.assertSame("split", "a", "b", "c");
        diff.assertSame("split", "-n", "4/3", "ten");
    }

    private static List<String> lines(String s) {
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
        return l;
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        Collections.sort(c);
        return c;
    }

    @Test void shufPermutesInputLines() {
        // random output: compare the multiset of lines, not their order
        var vm = diff.vm("", List.of("shuf", "ten"));
        assertThat(vm.exitCode()).isZero();
        assertThat(sorted(lines(vm.stdout()))).isEqualTo(sorted(lines(diff.host("", List.of("cat", "ten")).stdout())));
        var stdin = diff.vm("p\nq\nr\n", List.of("shuf"));
        assertThat(sorted(lines(stdin.stdout()))).containsExactly("p", "q", "r");
    }

    @Test void shufEchoRangeCountAndRepeat() {
        var e = diff.vm("", List.of("shuf", "-e", "a", "b", "c"));
        assertThat(sorted(lines(e.stdout()))).containsExactly("a", "b", "c");
        var i = diff.vm("", List.of("shuf", "-i", "5-9"));
        assertThat(sorted(lines(i.stdout()))).containsExactly("5", "6", "7", "8", "9");
        var n = diff.vm("", List.of("shuf", "-n", "3", "-i", "1-100"));
        assertThat(lines(n.stdout())).hasSize(3).doesNotHaveDuplicates();
        var big = diff.vm("", List.of("shuf", "-n", "2", "-i", "1-1000000000000"));
        assertThat(lines(big.stdout())).hasSize(2);
        var rep = diff.vm("", List.of("shuf", "-r", "-n", "20", "-e", "x", "y"));
        assertThat(lines(rep.stdout())).hasSize(20).allMatch(s -> s.equals("x") || s.equals("y"));
        var z = diff.vm("", List.of("shuf", "-z", "-e", "a", "b"));
        assertThat(z.stdout()).hasSize(4).contains("\0");
        var empty = diff.vm("", List.of("shuf", "-i", "1-0"));
        assertThat(empty.stdout()).isEmpty();
    }

    @Test void shufRandomSourceIsDeterministicAndOutputFile() {
        diff.file("seed", "some random bytes");
        var a = diff.vm("", List.of("shuf", "--random-source=seed", "ten")).stdout();
        var b = diff.vm("", List.of("shuf", "--random-source=seed", "ten")).stdout();
        assertThat(a).isEqualTo(b);
        diff.vm("", List.of("shuf", "-o", "out", "-e", "only"));
        assertThat(diff.vm("", List.of("cat", "out")).stdout()).isEqualTo("only\n");
    }

    @Test void shufErrorsMatchGnu() {
        assumeTrue(CommandDiff.hostHas("shuf"));
        diff.assertSame("shuf", "-i", "x");
        diff.assertSame("shuf", "-i", "5-1");
        diff.assertSame("shuf", "-e", "-i", "1-2", "a");
        diff.assertSame("shuf", "-n", "x", "ten");
        diff.assertSame("shuf", "missing");
        diff.assertSame("shuf", "ten", "extra");
        diff.assertSame("shuf", "-n", "0", "ten");
    }
}
