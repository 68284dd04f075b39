package dev.agentos.bench;

import java.util.List;

/**
 * Sizes and iteration counts of one benchmark run: {@link #full()} for the numbers reported in the
 * README, {@link #quick()} for a fast look, {@link #tiny()} for the smoke test.
 *
 * @param firstOutputWarmup     VM create → first output rounds before measuring
 * @param firstOutputIterations VM create → first output rounds measured
 * @param idleVms               VMs kept alive for the memory-per-VM measurement
 * @param fileSizes             sizes of the writeFile/readFile throughput rows
 * @param fileBytesPerSize      bytes moved per size (so the 1 MiB row repeats and the 100 MiB row does not)
 * @param smallFiles            files per writeFiles/readdirRecursive round
 * @param smallFileBytes        bytes per small file
 * @param smallFileRounds       writeFiles/readdirRecursive rounds measured (after as many warm-up rounds)
 */
record BenchConfig(int firstOutputWarmup, int firstOutputIterations, int idleVms, List<Long> fileSizes,
                   long fileBytesPerSize, int smallFiles, int smallFileBytes, int smallFileRounds) {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;

    static BenchConfig full() {
        return new BenchConfig(2_000, 2_000, 10_000, List.of(MIB, 100 * MIB), 1024 * MIB, 1_000, 100, 50);
    }

    static BenchConfig quick() {
        return new BenchConfig(200, 200, 1_000, List.of(MIB, 16 * MIB), 128 * MIB, 1_000, 100, 10);
    }

    static BenchConfig tiny() {
        return new BenchConfig(3, 5, 20, List.of(64 * KIB), 256 * KIB, 20, 100, 2);
    }
}
