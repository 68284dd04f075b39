package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.DirEntryInfo;
import dev.agentos.FileEntry;
import dev.agentos.WriteResult;
import java.util.ArrayList;
import java.util.List;

/** writeFiles of many small files, then readdirRecursive over them: what checking out a project costs. */
final class SmallFilesScenario implements Scenario {

    static final long TARGET_NANOS = 10_000_000;

    @Override
    public String name() { return "small-files"; }

    @Override
    public String description() { return "writeFiles of 1,000 small files and readdirRecursive over them"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        int rounds = config.smallFileRounds();
        long[] writes = new long[rounds];
        long[] listings = new long[rounds];
        AgentOs vm = AgentOs.create();
        try {
            for (int round = -rounds; round < rounds; round++) {   // negative rounds are warm-up
                String dir = "/home/agentos/bench/" + (round < 0 ? "warm" + -round : "round" + round);
                vm.mkdir(dir, true);
                List<FileEntry> entries = entries(dir, config.smallFiles(), config.smallFileBytes());

                long start = System.nanoTime();
                List<WriteResult> written = vm.writeFiles(entries);
                long wrote = System.nanoTime() - start;
                for (WriteResult w : written) {
                    if (!w.success()) {
                        throw new IllegalStateException("writeFiles failed for " + w.path() + ": " + w.error());
                    }
                }

                start = System.nanoTime();
                List<DirEntryInfo> listed = vm.readdirRecursive(dir);
                long listedIn = System.nanoTime() - start;
                if (listed.size() != entries.size()) {
                    throw new IllegalStateException("readdirRecursive found " + listed.size() + " of " + entries.size());
                }
                if (round >= 0) {
                    writes[round] = wrote;
                    listings[round] = listedIn;
                }
                progress.step(round < 0 ? "warm-up" : "measure", round < 0 ? rounds + round + 1 : round + 1, rounds);
                vm.deleteFile(dir, true);
            }
        } finally {
            vm.close();
        }
        String what = config.smallFiles() + " x " + config.smallFileBytes() + " B";
        long writeP50 = Stats.percentile(writes, 50);
        long listP50 = Stats.percentile(listings, 50);
        String target = "p50 <= " + Stats.millis(TARGET_NANOS);
        return List.of(
                Row.measured("writeFiles " + what, rounds, "p50 " + Stats.millis(writeP50), target, writeP50 <= TARGET_NANOS),
                Row.measured("readdirRecursive " + config.smallFiles() + " files", rounds,
                        "p50 " + Stats.millis(listP50), target, listP50 <= TARGET_NANOS));
    }

    private static List<FileEntry> entries(String dir, int count, int bytes) {
        List<FileEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[bytes];
            java.util.Arrays.fill(content, (byte) ('a' + i % 26));
            entries.add(new FileEntry(String.format("%s/file-%05d.txt", dir, i), content));
        }
        return entries;
    }
}
