package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.ExecResult;
import java.util.ArrayList;
import java.util.List;

/** {@code diff -u} of two 100,000-line files inside a VM (about 1% of the lines changed). */
final class DiffScenario implements Scenario {
    static final int LINES = 100_000;

    @Override
    public String name() { return "diff-u-100k"; }

    @Override
    public String description() { return "diff -u of two 100,000-line files in a VM"; }

    /** The two files: b has every 97th line changed, every 331st removed and a line added every 513. */
    static String[] files() {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            String line = "line " + i + " of the benchmark file, with some text after it\n";
            a.append(line);
            if (i % 331 == 5) continue;
            b.append(i % 97 == 3 ? "changed " + line : line);
            if (i % 513 == 7) b.append("inserted after ").append(i).append('\n');
        }
        return new String[] {a.toString(), b.toString()};
    }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        String[] f = files();
        int rounds = Math.max(1, config.smallFileRounds() / 5);
        int warmup = Math.max(1, rounds / 2);
        try (AgentOs vm = AgentOs.create()) {
            vm.writeFile("/tmp/a.txt", f[0]);
            vm.writeFile("/tmp/b.txt", f[1]);
            long outBytes = 0;
            for (int i = 0; i < warmup; i++) {
                outBytes = check(vm.execArgv("diff", List.of("-u", "/tmp/a.txt", "/tmp/b.txt")));
                progress.step("warm-up", i + 1, warmup);
            }
            long[] samples = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                check(vm.execArgv("diff", List.of("-u", "/tmp/a.txt", "/tmp/b.txt")));
                samples[i] = System.nanoTime() - start;
                progress.step("diff -u", i + 1, rounds);
            }
            List<Row> rows = new ArrayList<>();
            rows.add(Row.info("diff -u 100k lines (median, " + Stats.bytes(outBytes) + " out)", rounds,
                    Stats.millis(Stats.percentile(samples, 50))));
            return rows;
        }
    }

    private static long check(ExecResult r) {
        if (r.exitCode() != 1) throw new IllegalStateException("diff exited " + r.exitCode() + ": " + r.stderr());
        return r.stdout().length();
    }
}
