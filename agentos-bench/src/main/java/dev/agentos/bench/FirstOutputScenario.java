package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.SpawnOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time from {@code AgentOs.create()} to the first stdout byte of {@code echo hi} in the new VM, on a
 * warm JVM: what an agent platform pays to hand a fresh machine to a request.
 */
final class FirstOutputScenario implements Scenario {

    static final long TARGET_NANOS = 1_000_000;

    @Override
    public String name() { return "first-output"; }

    @Override
    public String description() { return "AgentOs.create() -> first stdout byte of echo hi (warm JVM)"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        for (int i = 0; i < config.firstOutputWarmup(); i++) {
            once();
            progress.step("warm-up", i + 1, config.firstOutputWarmup());
        }
        long[] samples = new long[config.firstOutputIterations()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = once();
            progress.step("measure", i + 1, samples.length);
        }
        long p50 = Stats.percentile(samples, 50);
        long p99 = Stats.percentile(samples, 99);
        return List.of(Row.measured("VM create -> first output", samples.length,
                "p50 " + Stats.millis(p50) + ", p99 " + Stats.millis(p99),
                "p50 <= " + Stats.millis(TARGET_NANOS), p50 <= TARGET_NANOS));
    }

    /** One VM from nothing to its first output byte, in nanoseconds. */
    static long once() throws Exception {
        CompletableFuture<Long> firstByte = new CompletableFuture<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        SpawnOptions options = SpawnOptions.builder()
                .onStdout(bytes -> firstByte.complete(System.nanoTime()))
                .onExit(exit::complete)
                .build();
        long start = System.nanoTime();
        AgentOs vm = AgentOs.create();
        try {
            vm.spawn("echo", List.of("hi"), options);
            long elapsed = firstByte.get(30, TimeUnit.SECONDS) - start;
            // onExit rather than waitProcess: it runs after the output is drained and cannot miss an
            // exit that happens between spawn and the wait.
            int code = exit.get(30, TimeUnit.SECONDS);
            if (code != 0) {
                throw new IllegalStateException("echo hi exited " + code);
            }
            return elapsed;
        } finally {
            vm.close();
        }
    }
}
