package dev.agentos.bench;

import java.io.PrintStream;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark runner: runs the scenarios (with warm-up) and prints a table of results against
 * their targets; {@code --jmh} hands over to the JMH benchmarks instead.
 */
public final class BenchMain {

    static final List<Scenario> SCENARIOS = List.of(
            new FirstOutputScenario(), new IdleMemoryScenario(), new FileThroughputScenario(), new SmallFilesScenario(),
            new HostEgressScenario(), new ServerScenario(), new SessionScenario(), new HttpLoopbackScenario(),
            new DiffScenario(), new DurableStoreScenario(), new ShellLoopScenario(), new CommandsScenario());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            // Only our benchmarks unless a pattern is given.
            org.openjdk.jmh.Main.main(rest.length == 0 ? new String[] {"dev\\.agentos\\.bench\\..*"} : rest);
            return;
        }
        System.exit(run(args, System.out, System.err, isTerminal()));
    }

    /** Runs the scenarios the arguments select; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        BenchConfig config = BenchConfig.full();
        Set<String> only = new LinkedHashSet<>();
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> config = BenchConfig.quick();
                case "--tiny" -> config = BenchConfig.tiny();
                case "--strict" -> strict = true;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        err.println("agentos-bench: --only needs a scenario name");
                        return 2;
                    }
                    only.addAll(List.of(args[++i].split(",")));
                }
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                default -> {
                    err.println("agentos-bench: unknown option " + args[i]);
                    usage(err);
                    return 2;
                }
            }
        }
        for (String name : only) {
            if (SCENARIOS.stream().noneMatch(s -> s.name().equals(name))) {
                err.println("agentos-bench: no scenario '" + name + "'");
                usage(err);
                return 2;
            }
        }
        List<Row> rows = runScenarios(config, only, new Progress(err, terminal));
        printTable(rows, out);
        boolean missed = rows.stream().anyMatch(r -> r.pass().isPresent() && !r.pass().get());
        boolean failed = rows.stream().anyMatch(r -> r.result().startsWith("failed"));
        return failed || (strict && missed) ? 1 : 0;
    }

    static List<Row> runScenarios(BenchConfig config, Set<String> only, Progress progress) {
        List<Row> rows = new ArrayList<>();
        for (Scenario s : SCENARIOS) {
            if (!only.isEmpty() && !only.contains(s.name())) {
                continue;
            }
            progress.start(s.name());
            try {
                rows.addAll(s.run(config, progress));
            } catch (Exception | AssertionError e) {
                rows.add(Row.failed(s.name(), String.valueOf(e)));
            }
        }
        return rows;
    }

    static void printTable(List<Row> rows, PrintStream out) {
        String[] header = {"scenario", "iterations", "result", "target", ""};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows) {
            lines.add(new String[] {r.scenario(), String.format(Locale.ROOT, "%,d", r.iterations()), r.result(), r.target(), r.mark()});
        }
        int[] width = new int[header.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                boolean numeric = c == 1;
                String cell = numeric ? " ".repeat(width[c] - line[c].length()) + line[c] : line[c] + " ".repeat(width[c] - line[c].length());
                sb.append(cell).append(c < line.length - 1 ? "  " : "");
            }
            out.println(sb.toString().stripTrailing());
            if (l == 0) {
                out.println("-".repeat(Arrays.stream(width).sum() + 2 * (width.length - 1)));
            }
        }
        out.flush();
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar agentos-bench.jar [--quick] [--only NAME[,NAME...]] [--strict]");
        out.println("       java -jar agentos-bench.jar --jmh [JMH options]");
        out.println("  --quick   fewer iterations and smaller sizes (a minute instead of several)");
        out.println("  --strict  exit 1 when a result misses its target");
        out.println("Scenarios:");
        for (Scenario s : SCENARIOS) {
            out.printf("  %-13s %s%n", s.name(), s.description());
        }
    }

    /** Console.isTerminal() from Java 22 on; before that a console exists only on a terminal. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
