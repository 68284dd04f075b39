package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** du, df and dd: layouts against GNU, with block counts and timings (the host's) compared by shape. */
class DiskCommandsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("dd"));
        diff.dir("d").file("d/a", "x".repeat(3000)).dir("d/e").file("d/e/b", "y".repeat(10000)).file("d/.h", "h")
                .file("in", "0123456789abcdefghijklmnopqrstuvwxyz\n");
    }

    @AfterEach void close() { diff.close(); }

    /** Block counts and readdir order depend on the host's file system: keep the set of lines, sizes blanked. */
    private static String sizesBlanked(String s) {
        return s.replaceAll("(?m)^[0-9.]+[KMG]?\\t", "N\t").lines().sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test void duWalksTreesWithDepthAllAndTotals() {
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "d");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-a", "d");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-s", "d", "in");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-c", "d/e", "in");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-d", "0", "d");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-d", "1", "-a", "d");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::sizesBlanked, "du", "-sh", "d");
        diff.assertSame("du", "-b", "-a", "d/e/b", "in");
        diff.assertSame("du", "missing");
        diff.assertSame("du", "-d", "x", "d");
        diff.assertSame("du", "-sa", "d");
        assertThat(diff.vm("", List.of("du", "-ah", "d/e/b")).stdout()).isEqualTo("10K\td/e/b\n");
    }

    @Test void dfReportsTheVmFileSystem() {
        // df's numbers are the host disk's: compare the header; the VM row is checked on its own
        String vm = diff.vm("", List.of("df")).stdout();
        String host = diff.host("", List.of("df", ".")).stdout();
        assertThat(vm.lines().findFirst().orElseThrow().split(" +")).containsExactly(host.lines().findFirst().orElseThrow().split(" +"));
        assertThat(vm).matches("(?s)Filesystem +1K-blocks +Used +Available Use% Mounted on\noverlay +\\d+ +\\d+ +\\d+ +\\d+% /\n");
        assertThat(diff.vm("", List.of("df", "/proc")).stdout()).isEqualTo(
                "Filesystem     1K-blocks  Used Available Use% Mounted on\nproc                   0     0         0    - /proc\n");
        assertThat(diff.vm("", List.of("df", "-a")).stdout()).contains("\nproc ").contains("\ndevtmpfs ");
        String vmh = diff.vm("", List.of("df", "-h", ".")).stdout();
        String hosth = diff.host("", List.of("df", "-h", ".")).stdout();
        assertThat(vmh.lines().findFirst().orElseThrow().split(" +")).containsExactly(hosth.lines().findFirst().orElseThrow().split(" +"));
        diff.assertSame("df", "missing");
        diff.assertSame("df", "--bogus");
    }

    /** dd's last line has a timing: keep the byte counts, blank the rest. */
    private static String timingBlanked(String s) {
        return s.replaceAll("copied, .* s, .*/s", "copied, T");
    }

    @Test void ddCopiesBlocksAndReportsRecords() {
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=in", "of=out");
        diff.assertSame("cat", "out");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=in", "of=out2", "bs=5", "count=3");
        diff.assertSame("cat", "out2");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=in", "of=out3", "bs=4", "skip=2", "count=2");
        diff.assertSame("cat", "out3");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=in", "bs=10");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=d/e/b", "of=big", "bs=1K");
        Structural.assertSimilar(diff, DiskCommandsDiffTest::timingBlanked, "dd", "if=in", "of=ib", "ibs=7", "obs=3");
        diff.assertSame("cat", "ib");
        diff.assertSame("dd", "if=in", "of=out", "bs=3", "seek=2", "count=1", "conv=notrunc", "status=none");
        diff.assertSame("cat", "out");
        diff.assertSame("dd", "if=in", "of=out", "bs=3", "seek=1", "count=1", "status=none");
        diff.assertSame("cat", "out");
        diff.assertSame("dd", "if=in", "of=uc", "conv=ucase", "status=noxfer");
        diff.assertSame("cat", "uc");
        diff.assertSame("dd", "if=missing");
        diff.assertSame("dd", "bogus");
        diff.assertSame("dd", "if=in", "status=loud");
        diff.assertSame("dd", "if=in", "conv=weird");
        diff.assertSame("dd", "if=in", "bs=x");
        diff.assertSameWithStdin("piped", "dd", "status=none");
    }
}
