package dev.agentos.commands.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** find's reference-file tests (-newer, -newerXY, -samefile) and -ls, against the host's GNU find. */
class FindReferenceDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("find"));
        diff.dir("t").file("t/old", "o\n").file("t/mid", "m\n").file("t/new", "n\n").symlink("old", "t/link");
        diff.assertSame("touch", "-d", "2020-01-01 00:00", "t/old");
        diff.assertSame("touch", "-d", "2022-06-15 12:00", "t/mid");
        diff.assertSame("touch", "-d", "2024-03-01 08:30", "t/new");
        diff.assertSame("touch", "-h", "-d", "2021-01-01", "t/link");
        diff.assertSame("touch", "-d", "2019-01-01", "t");
    }

    @AfterEach void close() { diff.close(); }

    private void assertSameSorted(String... argv) {
        CommandDiff.Outcome vm = diff.vm("", List.of(argv));
        CommandDiff.Outcome host = diff.host("", List.of(argv));
        assertThat(sorted(vm)).as("VM vs host (sorted) for %s", String.join(" ", argv)).isEqualTo(sorted(host));
    }

    private static CommandDiff.Outcome sorted(CommandDiff.Outcome o) {
        String[] lines = o.stdout().split("\n", -1);
        Arrays.sort(lines);
        return new CommandDiff.Outcome(o.exitCode(), String.join("\n", lines), o.stderr());
    }

    @Test void newerComparesModificationTimes() {
        assertSameSorted("find", "t", "-newer", "t/mid");
        assertSameSorted("find", "t", "-newer", "t/old", "-type", "f");
        assertSameSorted("find", "t", "!", "-newer", "t/mid");
        assertSameSorted("find", "t", "-newermm", "t/old");
        assertSameSorted("find", "-L", "t", "-newer", "t/link");
        diff.assertSame("find", "t", "-newer", "t/nosuch");
    }

    @Test void newerXYPicksTheTimesToCompare() {
        assertSameSorted("find", "t", "-newermt", "2022-01-01");
        assertSameSorted("find", "t", "-newermt", "2023-12-31 23:59:59");
        assertSameSorted("find", "t", "-newermt", "2999-01-01");
        assertSameSorted("find", "t", "-type", "f", "-newermt", "@1600000000");
        assertSameSorted("find", "t", "-newerct", "1970-01-02");
        diff.assertSame("find", "t", "-newermt", "not a date");
        diff.assertSame("find", "t", "-newerqm", "t/old");
    }

    @Test void samefileFindsTheSameInode() {
        diff.assertSame("ln", "t/new", "t/hard");
        assertSameSorted("find", "t", "-samefile", "t/new");
        assertSameSorted("find", "-L", "t", "-samefile", "t/old");
        diff.assertSame("find", "t", "-samefile", "t/nosuch");
    }

    /**
     * Inode numbers and allocated blocks differ between filesystems and the owner is agentos in the VM,
     * the host's user outside: those columns are left out.
     */
    @Test void lsPrintsALongListingLine() {
        CommandDiff.Outcome vm = diff.vm("", List.of("find", "t", "-type", "f", "-name", "*d", "-ls"));
        CommandDiff.Outcome host = diff.host("", List.of("find", "t", "-type", "f", "-name", "*d", "-ls"));
        assertThat(masked(vm)).isEqualTo(masked(host));
        assertThat(masked(vm)).hasSize(2);
        CommandDiff.Outcome vmLink = diff.vm("", List.of("find", "t/link", "-ls"));
        CommandDiff.Outcome hostLink = diff.host("", List.of("find", "t/link", "-ls"));
        assertThat(masked(vmLink)).isEqualTo(masked(hostLink));
        assertThat(vmLink.stdout()).endsWith(" Jan  1  2021 t/link -> old\n");
    }

    private static List<String> masked(CommandDiff.Outcome o) {
        String user = System.getProperty("user.name");
        return o.stdout().lines().map(l -> l.substring(17).replace(String.format("%-8s %-8s ", "agentos", "agentos"), "OWNER").replace(String.format("%-8s %-8s ", user, user), "OWNER"))
                .sorted().toList();
    }
}
