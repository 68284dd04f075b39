package dev.agentos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each scenario runs end to end at tiny sizes and reports rows; no timing is asserted. */
class BenchSmokeTest {

    static List<String> scenarioNames() {
        return BenchMain.SCENARIOS.stream().map(Scenario::name).toList();
    }

    @ParameterizedTest
    @MethodSource("scenarioNames")
    void scenarioProducesRows(String name) {
        List<Row> rows = BenchMain.runScenarios(BenchConfig.tiny(), Set.of(name), Progress.silent());
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.result()).doesNotStartWith("failed");
            assertThat(r.iterations()).isPositive();
        });
    }

    @Test
    void mainPrintsATableWithOneRowPerMeasurement() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--tiny", "--only", "small-files"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(table).contains("scenario", "iterations", "result", "target", "writeFiles", "readdirRecursive");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[small-files]");
    }

    @Test
    void unknownScenarioIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--only", "nope"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope", "first-output");
    }

    @Test
    void jmhBenchmarkListIsGenerated() {
        assertThat(BenchMain.class.getResource("/META-INF/BenchmarkList")).isNotNull();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] samples = {5, 1, 4, 2, 3};
        assertThat(Stats.percentile(samples, 50)).isEqualTo(3);
        assertThat(Stats.percentile(samples, 99)).isEqualTo(5);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    }
}
