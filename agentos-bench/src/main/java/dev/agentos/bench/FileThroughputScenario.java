package dev.agentos.bench;

import dev.agentos.AgentOs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** writeFile and readFile throughput through the embedded API, one size per pair of rows. */
final class FileThroughputScenario implements Scenario {

    static final double READ_TARGET_MIB_S = 1024;
    static final String PATH = "/home/agentos/bench/blob.bin";

    @Override
    public String name() { return "file-io"; }

    @Override
    public String description() { return "writeFile/readFile throughput for 1 MiB and 100 MiB files"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        List<Row> rows = new ArrayList<>();
        AgentOs vm = AgentOs.create();
        try {
            vm.mkdir("/home/agentos/bench", true);
            for (long size : config.fileSizes()) {
                byte[] data = new byte[Math.toIntExact(size)];
                new SplittableRandom(size).nextBytes(data);
                int reps = (int) Math.max(1, config.fileBytesPerSize() / size);
                int warmup = Math.max(1, reps / 4);
                String label = Stats.size(size);

                for (int i = 0; i < warmup; i++) {
                    vm.writeFile(PATH, data);
                    check(vm.readFile(PATH), size);
                    progress.step("warm-up " + label, i + 1, warmup);
                }
                long start = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    vm.writeFile(PATH, data);
                    progress.step("writeFile " + label, i + 1, reps);
                }
                double write = Stats.mibPerSecond(size * reps, System.nanoTime() - start);

                start = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    check(vm.readFile(PATH), size);
                    progress.step("readFile " + label, i + 1, reps);
                }
                double read = Stats.mibPerSecond(size * reps, System.nanoTime() - start);

                rows.add(Row.info("writeFile " + label, reps, Stats.throughput(write)));
                rows.add(Row.measured("readFile " + label, reps, Stats.throughput(read),
                        ">= " + Stats.throughput(READ_TARGET_MIB_S), read >= READ_TARGET_MIB_S));
                vm.deleteFile(PATH);
            }
        } finally {
            vm.close();
        }
        return rows;
    }

    private static void check(byte[] read, long size) {
        if (read.length != size) {
            throw new IllegalStateException("readFile returned " + read.length + " bytes, wrote " + size);
        }
    }
}
