package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell's own speed against the host's bash on the same scripts: the loops, a 1,000-line
 * script of function definitions and calls, and the exec("true") round trip. Each VM script runs
 * through exec (the embedded API's shell); host bash is timed as a child process running the same text.
 */
final class ShellLoopScenario implements Scenario {
    /** The target for the loops: within 3x of host bash. */
    static final double TARGET_RATIO = 3.0;

    @Override
    public String name() { return "shell-loop"; }

    @Override
    public String description() { return "bash loops, a 1,000-line function script and exec(\"true\") vs host bash"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        boolean tiny = config.smallFileRounds() <= 2; // the smoke test: small loops, one round
        int n = tiny ? 1_000 : 100_000;
        int rounds = tiny ? 1 : Math.max(3, config.smallFileRounds() / 10);
        String functions = functionScript(tiny ? 100 : 1_000);
        List<Row> rows = new ArrayList<>();
        AgentOs vm = AgentOs.create();
        try {
            vm.writeFile("/tmp/functions.sh", functions.getBytes(StandardCharsets.UTF_8));
            rows.add(loop(vm, "for i in $(seq 1 " + n + "); do :; done", rounds, progress, true));
            rows.add(loop(vm, "for i in $(seq 1 " + n + "); do x=$((x+i)); done; echo $x", rounds, progress, true));
            rows.add(loop(vm, "i=0; while [ $i -lt " + n / 10 + " ]; do i=$((i+1)); done", rounds, progress, false));
            rows.add(script(vm, functions, rounds, progress));
            rows.add(execTrue(vm, tiny ? 20 : 2_000, progress));
        } finally {
            vm.close();
        }
        return rows;
    }

    private Row loop(AgentOs vm, String script, int rounds, Progress progress, boolean targeted) throws Exception {
        long[] times = new long[rounds];
        for (int round = -1; round < rounds; round++) { // round -1 warms up the JIT
            long start = System.nanoTime();
            ExecResult r = vm.exec(script);
            long took = System.nanoTime() - start;
            if (r.exitCode() != 0) throw new IllegalStateException(script + " failed: " + r.stderr());
            if (round >= 0) times[round] = took;
            progress.step(script, round + 2, rounds + 1);
        }
        return compare(script, rounds, Stats.percentile(times, 50), hostBash(List.of("-c", script), rounds), targeted);
    }

    private Row script(AgentOs vm, String text, int rounds, Progress progress) throws Exception {
        long[] times = new long[rounds];
        for (int round = -1; round < rounds; round++) {
            long start = System.nanoTime();
            ExecResult r = vm.exec("bash /tmp/functions.sh");
            long took = System.nanoTime() - start;
            if (r.exitCode() != 0) throw new IllegalStateException("function script failed: " + r.stderr());
            if (round >= 0) times[round] = took;
            progress.step("function script", round + 2, rounds + 1);
        }
        Optional<Long> host = Optional.empty();
        Path file = Files.createTempFile("agentos-bench", ".sh");
        try {
            Files.writeString(file, text);
            host = hostBash(List.of(file.toString()), rounds);
        } finally {
            Files.deleteIfExists(file);
        }
        long lines = text.lines().count();
        return compare(lines + "-line script defining and calling functions", rounds, Stats.percentile(times, 50), host, false);
    }

    private Row execTrue(AgentOs vm, int iterations, Progress progress) throws Exception {
        long[] times = new long[iterations];
        for (int i = -iterations / 10; i < iterations; i++) {
            long start = System.nanoTime();
            vm.exec("true");
            long took = System.nanoTime() - start;
            if (i >= 0) times[i] = took;
        }
        progress.step("exec(\"true\")", 1, 1);
        // the host's equivalent round trip: start bash, run true, wait
        int hostRuns = Math.min(iterations, 50);
        return compare("exec(\"true\") round trip", iterations, Stats.percentile(times, 50),
                hostBash(List.of("-c", "true"), hostRuns), false);
    }

    private static Row compare(String what, long iterations, long vmNanos, Optional<Long> host, boolean targeted) {
        String result = "p50 " + Stats.millis(vmNanos);
        if (host.isEmpty()) return Row.info(what, iterations, result + " (no host bash)");
        double ratio = (double) vmNanos / host.get();
        result += String.format(Locale.ROOT, ratio < 0.1 ? ", host bash %s (%.3fx)" : ", host bash %s (%.1fx)", Stats.millis(host.get()), ratio);
        if (!targeted) return Row.info(what, iterations, result);
        return Row.measured(what, iterations, result, "<= " + TARGET_RATIO + "x host bash", ratio <= TARGET_RATIO);
    }

    /** The p50 wall time of host bash with these arguments, or empty where the host has no bash. */
    private static Optional<Long> hostBash(List<String> args, int rounds) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/bin/bash"))) return Optional.empty();
        long[] times = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            List<String> cmd = new ArrayList<>(List.of("/bin/bash"));
            cmd.addAll(args);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            times[round] = System.nanoTime() - start;
            if (code != 0) throw new IllegalStateException("host bash " + args + " exited " + code);
        }
        return Optional.of(Stats.percentile(times, 50));
    }

    /** Half definitions, half calls: lines/2 functions, each called once. */
    static String functionScript(int lines) {
        StringBuilder b = new StringBuilder();
        int count = lines / 2;
        for (int i = 0; i < count; i++) {
            b.append("f").append(i).append("() { local a=$1; total=$((total + a + ").append(i).append(")); }\n");
        }
        for (int i = 0; i < count; i++) b.append("f").append(i).append(' ').append(i).append('\n');
        return b.toString();
    }
}
