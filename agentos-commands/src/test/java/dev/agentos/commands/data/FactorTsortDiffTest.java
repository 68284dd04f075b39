package dev.agentos.commands.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** factor and tsort against GNU coreutils. */
class FactorTsortDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("factor") && CommandDiff.hostHas("tsort")); }

    @AfterEach void close() { diff.close(); }

    @Test void factorsSmallAndLargeNumbers() {
        diff.assertSame("factor", "0", "1", "2", "12", "97", "360", "1001");
        diff.assertSame("factor", "18446744073709551615");
        diff.assertSame("factor", "1000000016000000063");
        diff.assertSame("factor", "18446744073709551617");
        diff.assertSameWithStdin("6 7\n  8\t9\n", "factor");
        diff.assertSame("factor", "+15");
    }

    @Test void factorRejectsNonNumbers() {
        diff.assertSame("factor", "abc", "6");
        diff.assertSame("factor", "1.5");
        diff.assertSame("factor", "-5");
    }

    @Test void tsortOrdersLikeGnu() {
        diff.assertSameWithStdin("a b\nb c\n", "tsort");
        diff.assertSameWithStdin("3 8\n3 10\n5 11\n7 8\n7 11\n8 9\n11 2\n11 9\n11 10\n", "tsort");
        diff.assertSameWithStdin("x x\ny z\n", "tsort");
        diff.assertSameWithStdin("main parse\nmain eval\nparse lex\neval lex\nlex util\n", "tsort");
        diff.file("pairs", "b a\nc a\n");
        diff.assertSame("tsort", "pairs");
        diff.assertSame("tsort", "missing");
        diff.assertSameWithStdin("a b c", "tsort");
        diff.assertSame("tsort", "a", "b");
    }

    @Test void tsortReportsLoopsWithStatusOne() {
        var vm = diff.vm("a b\nb a\n", java.util.List.of("tsort"));
        var host = diff.host("a b\nb a\n", java.util.List.of("tsort"));
        org.assertj.core.api.Assertions.assertThat(vm.exitCode()).isEqualTo(host.exitCode());
        org.assertj.core.api.Assertions.assertThat(vm.stderr()).startsWith("tsort: -: input contains a loop:\n");
        org.assertj.core.api.Assertions.assertThat(vm.stdout().lines().sorted().toList()).isEqualTo(host.stdout().lines().sorted().toList());
    }
}
