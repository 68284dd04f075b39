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

    /** seq 1 1000000 | sort -rn | head -5, built from kernel pipes in the VM and as a host pipeline. */
    @Test void seqSortHeadPipeline() throws Exception {
        assumeTrue(Boolean.getBoolean("agentos.perf") && CommandDiff.hostHas("sort"));
        String vm = null;
        long v = 0;
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            vm = vmPipeline();
            v = (System.nanoTime() - t) / 1_000_000;
        }
        long t = System.nanoTime();
        List<Process> ps = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("seq", "1", "1000000"), new ProcessBuilder("sort", "-rn"), new ProcessBuilder("head", "-5")));
        String host = new String(ps.get(2).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (Process p : ps) p.waitFor();
        long h = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("PERF seq 1 1000000 | sort -rn | head -5: vm %d ms, host %d ms%n", v, h);
        assertThat(vm).isEqualTo(host);
    }

    private String vmPipeline() {
        var k = diff.kernel();
        var env = java.util.Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C");
        var empty = k.pipes().create();
        empty.writeEnd().close();
        var p1 = k.pipes().create();
        var p2 = k.pipes().create();
        var out = k.pipes().create();
        var err = k.pipes().create();
        var creds = dev.agentos.kernel.Credentials.AGENTOS;
        var seq = k.processes().spawn(dev.agentos.kernel.proc.SpawnRequest.of("seq", List.of("1", "1000000")).withEnv(env), creds,
                java.util.Map.of(0, empty.readEnd(), 1, p1.writeEnd(), 2, err.writeEnd()));
        var sort = k.processes().spawn(dev.agentos.kernel.proc.SpawnRequest.of("sort", List.of("-rn")).withEnv(env), creds,
                java.util.Map.of(0, p1.readEnd(), 1, p2.writeEnd(), 2, k.pipes().create().writeEnd()));
        var head = k.processes().spawn(dev.agentos.kernel.proc.SpawnRequest.of("head", List.of("-5")).withEnv(env), creds,
                java.util.Map.of(0, p2.readEnd(), 1, out.writeEnd(), 2, k.pipes().create().writeEnd()));
        var bytes = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = out.readEnd().read(buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
        head.onExit().join();
        sort.onExit().join();
        seq.onExit().join();
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
