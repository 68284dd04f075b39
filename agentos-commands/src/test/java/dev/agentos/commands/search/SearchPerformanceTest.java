package dev.agentos.commands.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rough VM-vs-host timings for grep -r over 10,000 small files and sed over 100 MiB. Runs only with
 * {@code -Dagentos.perf=true}; prints the numbers and checks the outputs agree.
 */
class SearchPerformanceTest {
    @Test void grepRecursiveOverTenThousandFiles() {
        assumeTrue(Boolean.getBoolean("agentos.perf") && CommandDiff.hostHas("grep"));
        try (CommandDiff diff = new CommandDiff()) {
            diff.dir("src");
            for (int d = 0; d < 100; d++) {
                diff.dir("src/d" + d);
                for (int f = 0; f < 100; f++) {
                    diff.file("src/d" + d + "/f" + f + ".txt", "line one of " + f + "\nsome text here\n" + (f % 7 == 0 ? "needle found\n" : "nothing\n") + "tail\n");
                }
            }
            List<String> argv = List.of("grep", "-rc", "needle", "src");
            time("warm-up vm", () -> diff.vm("", argv));
            long vm = time("grep -r vm", () -> diff.vm("", argv));
            long host = time("grep -r host", () -> diff.host("", argv));
            assertThat(diff.vm("", argv).exitCode()).isEqualTo(0);
            List<String> findArgv = List.of("find", "src", "-type", "f");
            long vmFind = time("find vm", () -> diff.vm("", findArgv));
            long hostFind = time("find host", () -> diff.host("", findArgv));
            System.out.printf("find over 10k files: vm %d ms, host %d ms%n", vmFind, hostFind);
            System.out.printf("grep -r 10k files: vm %d ms, host %d ms%n", vm, host);
        }
    }

    @Test void sedOverOneHundredMebibytes() {
        assumeTrue(Boolean.getBoolean("agentos.perf") && CommandDiff.hostHas("sed"));
        try (CommandDiff diff = new CommandDiff()) {
            byte[] line = "the quick brown fox jumps over a lazy dog and a cat\n".getBytes();
            byte[] big = new byte[100 * 1024 * 1024 / line.length * line.length];
            for (int off = 0; off < big.length; off += line.length) System.arraycopy(line, 0, big, off, line.length);
            List<String> argv = List.of("sed", "-i", "s/a/b/g", "big");
            long vm = Long.MAX_VALUE;
            long host = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                diff.file("big", big);
                vm = Math.min(vm, once(() -> diff.vm("", argv)));
                host = Math.min(host, once(() -> diff.host("", argv)));
            }
            List<String> grepArgv = List.of("grep", "-c", "b", "big");
            long vmGrep = time("grep vm", () -> diff.vm("", grepArgv));
            long hostGrep = time("grep host", () -> diff.host("", grepArgv));
            System.out.printf("sed -i s/a/b/g 100 MiB: vm %d ms, host %d ms; grep -c over it: vm %d ms, host %d ms%n",
                    vm, host, vmGrep, hostGrep);
        }
    }

    private static long once(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The best of five runs, in ms: the machine is shared, so the minimum is the least noisy figure. */
    private static long time(String what, Runnable r) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }
}
