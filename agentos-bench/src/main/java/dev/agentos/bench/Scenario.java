package dev.agentos.bench;

import java.util.List;

/** A benchmark scenario of {@link BenchMain}: measures one thing and reports one or more table rows. */
interface Scenario {

    /** Short name for {@code --only}. */
    String name();

    /** One line on what is measured. */
    String description();

    List<Row> run(BenchConfig config, Progress progress) throws Exception;
}
