package dev.agentos.commands.awk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** One differential awk case: stdin and argv after "gawk", run in the VM and against the host's gawk. */
record AwkDiff(String stdin, List<String> args) {
    static AwkDiff c(String program) { return new AwkDiff("", List.of(program)); }

    static AwkDiff in(String stdin, String... args) { return new AwkDiff(stdin, List.of(args)); }

    static AwkDiff args(String... args) { return new AwkDiff("", List.of(args)); }

    String title() { return args.isEmpty() ? "(no arguments)" : String.join(" ", args).replace('\n', ' '); }

    CommandDiff.Outcome run(CommandDiff diff) {
        List<String> argv = new ArrayList<>();
        argv.add("gawk");
        argv.addAll(args);
        return diff.assertSameWithStdin(stdin, argv.toArray(String[]::new));
    }

    static Stream<DynamicTest> all(CommandDiff diff, AwkDiff... cases) {
        return Arrays.stream(cases).map(c -> DynamicTest.dynamicTest(c.title(), () -> c.run(diff)));
    }

    /** Compares only stdout and exit status (for messages whose wording we do not copy exactly). */
    static Stream<DynamicTest> statusOnly(CommandDiff diff, AwkDiff... cases) {
        return Arrays.stream(cases).map(c -> DynamicTest.dynamicTest(c.title(), () -> {
            List<String> argv = new ArrayList<>();
            argv.add("gawk");
            argv.addAll(c.args);
            var vm = diff.vm(c.stdin, argv);
            var host = diff.host(c.stdin, argv);
            assertThat(vm.exitCode()).as("exit status").isEqualTo(host.exitCode());
            assertThat(vm.stdout()).as("stdout").isEqualTo(host.stdout());
            assertThat(vm.stderr().isEmpty()).as("stderr present").isEqualTo(host.stderr().isEmpty());
        }));
    }
}
