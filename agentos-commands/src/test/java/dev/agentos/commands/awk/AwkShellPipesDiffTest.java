package dev.agentos.commands.awk;

import static dev.agentos.commands.awk.AwkDiff.args;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import dev.agentos.commands.Commands;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** system(), {@code cmd | getline} and {@code print | cmd} with shell syntax; runs once the VM has /bin/sh. */
class AwkShellPipesDiffTest {
    private static CommandDiff diff;

    @BeforeAll static void setUp() {
        assumeTrue(CommandDiff.hostHas("gawk"));
        assumeTrue(Commands.registry().find("sh").isPresent(), "no /bin/sh in the VM yet");
        diff = new CommandDiff();
        diff.file("a", "a1\na2\n");
    }

    @AfterAll static void tearDown() {
        if (diff != null) diff.close();
    }

    @TestFactory Stream<DynamicTest> shellCommands() {
        return AwkDiff.all(diff,
                args("BEGIN { while ((\"echo one; echo two\" | getline l) > 0) print \"got\", l }"),
                args("BEGIN { print \"b\\na\" | \"cat | cat\"; close(\"cat | cat\"); print \"done\" }"),
                args("BEGIN { print system(\"exit 3\") }"),
                args("BEGIN { ENVIRON[\"FOO\"] = \"bar\"; system(\"echo $FOO\") }"),
                args("BEGIN { \"echo $((1 + 2))\" | getline x; print x }"),
                args("BEGIN { print \"x\" | \"cat 1>&2\"; close(\"cat 1>&2\") }"),
                args("{ print | \"cat > copy\" } END { close(\"cat > copy\"); while ((getline l < \"copy\") > 0) print \"copy:\", l }", "a"),
                args("BEGIN { cmd = \"exit 5\"; print \"\" | cmd; print close(cmd) }"));
    }
}
