package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Compares VM and host output after a normalization, for output that depends on the host (owner
 * names, block counts of a real disk, inode numbers, timestamps, random names).
 */
final class Structural {
    private Structural() {}

    static CommandDiff.Outcome assertSimilar(CommandDiff diff, UnaryOperator<String> normalize, String... argv) {
        CommandDiff.Outcome vm = diff.vm("", List.of(argv));
        CommandDiff.Outcome host = diff.host("", List.of(argv));
        assertThat(new CommandDiff.Outcome(vm.exitCode(), normalize.apply(vm.stdout()), normalize.apply(vm.stderr())))
                .as("VM vs host (normalized) for %s; raw VM %s; raw host %s", String.join(" ", argv), vm, host)
                .isEqualTo(new CommandDiff.Outcome(host.exitCode(), normalize.apply(host.stdout()), normalize.apply(host.stderr())));
        return vm;
    }

    /**
     * ls -l lines with owner and group (the VM's agentos vs the host's root), directory sizes
     * (the host's disk says 4096) and "total" block counts (the host's disk allocates 4K blocks)
     * replaced by placeholders and runs of spaces collapsed.
     */
    static String longListing(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (line.startsWith("total ")) {
                out.append("total N\n");
                continue;
            }
            String[] f = line.trim().split(" +", 9);
            if (f.length >= 9 && f[0].matches("[-dlcps][-rwxsStT]{9}")) {
                f[2] = "U";
                f[3] = "G";
                if (f[0].startsWith("d")) f[4] = "S";
                out.append(String.join(" ", f)).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
