package dev.agentos.bench;

import java.util.Optional;

/**
 * One line of the results table: what was measured, how often, the result with its unit, the target,
 * and whether the target was met (empty when the row has no target).
 */
record Row(String scenario, long iterations, String result, String target, Optional<Boolean> pass) {

    static Row measured(String scenario, long iterations, String result, String target, boolean pass) {
        return new Row(scenario, iterations, result, target, Optional.of(pass));
    }

    static Row info(String scenario, long iterations, String result) {
        return new Row(scenario, iterations, result, "-", Optional.empty());
    }

    static Row failed(String scenario, String why) {
        return new Row(scenario, 0, "failed: " + why, "-", Optional.of(false));
    }

    String mark() {
        return pass.map(p -> p ? "PASS" : "MISS").orElse("");
    }
}
