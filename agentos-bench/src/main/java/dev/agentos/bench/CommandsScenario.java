package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.ExecResult;
import dev.agentos.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The command benchmarks of the commands issues, each run on the same data in a VM (through its bash)
 * and on the host (GNU bash and tools, {@code LC_ALL=C}) in the same run: the median of each and the
 * ratio VM/host against the target (2x for the files-and-text commands, 3x for awk, tar, jq, diff).
 */
final class CommandsScenario implements Scenario {
    /** One command line, run from the data directory on both sides, and the ratio it must stay within. */
    private record Case(String label, String commandLine, double targetRatio) {}

    @Override public String name() { return "commands"; }

    @Override public String description() { return "sort, grep -r, find, sed, awk, tar czf, jq in a VM vs the host's GNU tools"; }

    @Override public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        double scale = config.smallFileRounds() >= 50 ? 1.0 : config.smallFileRounds() >= 10 ? 0.1 : 0.002;
        int rounds = config.smallFileRounds() >= 50 ? 3 : 1;
        int lines = (int) (1_000_000 * scale);
        int files = Math.max(10, (int) (10_000 * scale));
        long sedBytes = Math.max(4096, (long) (100L * 1024 * 1024 * scale));
        long jqBytes = Math.max(4096, (long) (50L * 1024 * 1024 * scale));
        List<Case> cases = List.of(
                new Case("seq " + lines + " | sort -rn | head -5", "seq 1 " + lines + " | sort -rn | head -5", 2),
                new Case("grep -r over " + files + " files", "grep -r needle tree | wc -l", 2),
                new Case("find -type f | wc -l over " + files + " files", "find tree -type f | wc -l", 2),
                new Case("sed s/a/b/g over " + Stats.bytes(sedBytes), "sed 's/a/b/g' big.txt > /dev/null", 2),
                new Case("sort of " + lines + " lines", "sort nums.txt > /dev/null", 2),
                new Case("awk sum over " + lines + " lines", "awk '{s+=$1} END {print s}' nums.txt", 3),
                new Case("tar czf of " + files + " files", "tar czf /tmp/agentos-bench-tree.tgz tree && rm /tmp/agentos-bench-tree.tgz", 3),
                new Case("jq over " + Stats.bytes(jqBytes) + " of JSON", "jq 'map(.v) | add' data.json", 3));

        Path host = Files.createTempDirectory("agentos-bench-commands");
        List<Row> rows = new ArrayList<>();
        try (AgentOs vm = AgentOs.create()) {
            progress.step("data", 0, 1);
            writeData(vm, host, lines, files, sedBytes, jqBytes);
            progress.step("data", 1, 1);
            for (Case c : cases) {
                long vmNanos;
                long hostNanos;
                try {
                    vmNanos = median(rounds, () -> checked(vm.exec("cd /home/agentos/data && " + c.commandLine()), c));
                    hostNanos = median(rounds, () -> hostRun(host, c));
                } catch (RuntimeException e) {
                    rows.add(Row.failed(c.label(), e.getMessage()));
                    continue;
                }
                double ratio = (double) vmNanos / hostNanos;
                rows.add(Row.measured(c.label() + " (host " + Stats.millis(hostNanos) + ")", rounds,
                        Stats.millis(vmNanos) + String.format(" = %.2fx", ratio), String.format("<= %.0fx host", c.targetRatio()),
                        ratio <= c.targetRatio()));
                progress.step(c.label(), rows.size(), cases.size());
            }
        } finally {
            deleteTree(host);
        }
        return rows;
    }

    private static void writeData(AgentOs vm, Path host, int lines, int files, long sedBytes, long jqBytes) throws IOException {
        Random random = new Random(42);
        StringBuilder nums = new StringBuilder(lines * 8);
        for (int i = 0; i < lines; i++) nums.append(random.nextInt(1_000_000)).append('\n');
        put(vm, host, "nums.txt", nums.toString().getBytes(StandardCharsets.US_ASCII));

        byte[] line = "a quick brown fox jumps over the lazy dog and a cat\n".getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[(int) (sedBytes - sedBytes % line.length)];
        for (int off = 0; off < big.length; off += line.length) System.arraycopy(line, 0, big, off, line.length);
        put(vm, host, "big.txt", big);

        StringBuilder json = new StringBuilder("[");
        for (int i = 0; json.length() < jqBytes; i++) {
            if (i > 0) json.append(',');
            json.append("{\"id\":").append(i).append(",\"name\":\"item ").append(i).append("\",\"v\":").append(i % 97)
                    .append(",\"tags\":[\"x\",\"y\"]}");
        }
        put(vm, host, "data.json", json.append("]\n").toString().getBytes(StandardCharsets.US_ASCII));

        List<FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String rel = "tree/d" + (i / 100) + "/f" + i + ".txt";
            if (i % 100 == 0) vm.mkdir("/home/agentos/data/tree/d" + (i / 100), true);
            String text = "file " + i + "\n" + (i % 10 == 0 ? "a needle here\n" : "nothing to see\n") + "x".repeat(150) + "\n";
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            entries.add(new FileEntry("/home/agentos/data/" + rel, b));
            Path p = host.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, b);
            if (entries.size() == 1000) {
                writeAll(vm, entries);
                entries.clear();
            }
        }
        writeAll(vm, entries);
    }

    private static void writeAll(AgentOs vm, List<FileEntry> entries) {
        for (var r : vm.writeFiles(entries)) {
            if (!r.success()) throw new IllegalStateException("writeFiles " + r.path() + ": " + r.error());
        }
    }

    private static void put(AgentOs vm, Path host, String name, byte[] data) throws IOException {
        vm.mkdir("/home/agentos/data", true);
        vm.writeFile("/home/agentos/data/" + name, data);
        Files.write(host.resolve(name), data);
    }

    private static long median(int rounds, Runnable run) {
        run.run();   // warm-up (and the JIT for the VM side)
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.run();
            samples[i] = System.nanoTime() - start;
        }
        return Stats.percentile(samples, 50);
    }

    private static void checked(ExecResult r, Case c) {
        if (r.exitCode() != 0) throw new IllegalStateException("VM: " + c.commandLine() + " exited " + r.exitCode() + ": " + r.stderr());
    }

    private static void hostRun(Path dir, Case c) {
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", c.commandLine()).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LC_ALL", "C");
            int code = pb.start().waitFor();
            if (code != 0) throw new IllegalStateException("host: " + c.commandLine() + " exited " + code);
        } catch (IOException e) {
            throw new IllegalStateException("host: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
