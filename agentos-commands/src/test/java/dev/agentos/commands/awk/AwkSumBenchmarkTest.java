package dev.agentos.commands.awk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1e6-line sum ({@code {s+=$1} END {print s}}) in the VM against the host's gawk. Runs only with
 * {@code -Dawk.bench=true}; prints both timings.
 */
class AwkSumBenchmarkTest {
    @Test void summingAMillionLinesStaysWithinThreeTimesOfGawk() {
        assumeTrue(Boolean.getBoolean("awk.bench") && CommandDiff.hostHas("gawk"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) sb.append(i % 1000).append(" field").append(i).append('\n');
        try (CommandDiff diff = new CommandDiff()) {
            diff.file("big", sb.toString());
            List<String> argv = List.of("gawk", "{s+=$1} END {print s}", "big");
            for (int warm = 0; warm < 3; warm++) diff.vm("", argv);
            long bestVm = Long.MAX_VALUE, bestHost = Long.MAX_VALUE;
            CommandDiff.Outcome vm = null, host = null;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                vm = diff.vm("", argv);
                long t1 = System.nanoTime();
                host = diff.host("", argv);
                long t2 = System.nanoTime();
                bestVm = Math.min(bestVm, t1 - t0);
                bestHost = Math.min(bestHost, t2 - t1);
            }
            System.out.printf("awk 1e6-line sum: VM %d ms, host gawk %d ms, ratio %.2f%n",
                    bestVm / 1_000_000, bestHost / 1_000_000, (double) bestVm / bestHost);
            assertThat(vm).isEqualTo(host);
            assertThat(bestVm).isLessThan(3 * bestHost);
            for (String prog : List.of("{ print $2 }", "/9$/ { n++ } END { print n }", "{ a[$1]++ } END { print length(a) }",
                    "{ $1 = $1; print }", "{ n += length($0) } END { print n }", "{ printf \"%d:%s\\n\", NR, $1 }")) {
                List<String> args = List.of("gawk", prog, "big");
                diff.vm("", args);
                long t0 = System.nanoTime();
                CommandDiff.Outcome v = diff.vm("", args);
                long t1 = System.nanoTime();
                CommandDiff.Outcome h = diff.host("", args);
                long t2 = System.nanoTime();
                System.out.printf("awk %-40s VM %5d ms, host gawk %5d ms, ratio %.2f%n", prog, (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (double) (t1 - t0) / (t2 - t1));
                assertThat(v).isEqualTo(h);
            }
        }
    }
}
