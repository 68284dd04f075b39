package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help is GNU's text verbatim; --version's first line names the same package and version. */
class HelpVersionDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @AfterEach void close() { diff.close(); }

    @ParameterizedTest
    @ValueSource(strings = {"head", "tail", "wc", "sort", "uniq", "cut", "paste", "tr", "tee", "tac", "nl", "fold", "fmt",
        "expand", "unexpand", "comm", "join", "split", "csplit", "od", "seq", "yes", "shuf", "numfmt"})
    void helpAndVersionMatchCoreutils(String command) {
        assumeTrue(CommandDiff.hostHas(command));
        diff.assertSame(command, "--help");
        String vm = diff.vm("", List.of(command, "--version")).stdout();
        String host = diff.host("", List.of(command, "--version")).stdout();
        assertThat(vm.lines().findFirst()).isEqualTo(host.lines().findFirst());
    }

    @Test void unknownOptionsGetTheTryLine() {
        assumeTrue(CommandDiff.hostHas("sort"));
        diff.assertSame("wc", "--bogus");
        diff.assertSame("cut", "-Q");
        diff.assertSame("sort", "--rev");
        diff.assertSame("uniq", "--c");
    }
}
