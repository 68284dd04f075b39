package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * sort on a million lines, VM against host: run with -Dagentos.perf=true (it prints the timings;
 * the budget is 2x GNU, asserted loosely since CI machines are noisy).
 */
class SortPerformanceTest {
    private final CommandDiff diff = new CommandDiff();

    @AfterEach void close() { diff.close(); }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    @Test void millionRandomLines() {
        assumeTrue(Boolean.getBoolean("agentos.perf") && CommandDiff.hostHas("sort"));
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            int len = 5 + rnd.nextInt(30);
            for (int k = 0; k < len; k++) sb.append((char) ('a' + rnd.nextInt(26)));
            sb.append('\n');
        }
        diff.file("random", sb.toString());
        for (int warm = 0; warm < 2; warm++) diff.vm("", List.of("sort", "random"));
        String[] vm = new String[1], host = new String[1];
        long v = time(() -> vm[0] = diff.vm("", List.of("sort", "random")).stdout());
        long h = time(() -> host[0] = diff.host("", List.of("sort", "random")).stdout());
        System.out.printf("PERF sort 1e6 random lines: vm %d ms, host %d ms%n", v, h);
        assertThat(vm[0]).isEqualTo(host[0]);

        StringBuilder seq = new StringBuilder();
        for (int i = 1; i <= 1_000_000; i++) seq.append(i).append('\n');
        diff.file("seq", seq.toString());
        for (int warm = 0; warm < 2; warm++) diff.vm("", List.of("sort", "-rn", "seq"));
        String[] a = new String[1], b = new String[1];
        long v2 = time(() -> a[0] = diff.vm("", List.of("sort", "-rn", "seq")).stdout());
        long h2 = time(() -> b[0] = diff.host("", List.of("sort", "-rn", "seq")).stdout());
        System.out.printf("PERF sort -rn of 1..1e6: vm %d ms, host %d ms%n", v2, h2);
        assertThat(a[0]).isEqualTo(b[0]);
    }
}
