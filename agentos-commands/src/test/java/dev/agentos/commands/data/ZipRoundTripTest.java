package dev.agentos.commands.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** zip and unzip against Info-ZIP: adding/updating messages, round trips both ways, -l tables and errors. */
class ZipRoundTripTest {
    private static final String BIG = "hello world ".repeat(100) + "\n";

    private final CommandDiff diff = new CommandDiff();
    private final TwinFiles twin = new TwinFiles(diff);

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("zip") && CommandDiff.hostHas("unzip")); }

    @AfterEach void close() { diff.close(); }

    private void tree() {
        diff.file("a.txt", "hello\n").dir("d").file("d/b", "x\n").file("e", "").file("big", BIG);
    }

    @Test void zipReportsEachMemberLikeInfoZip() {
        tree();
        diff.assertSame("zip", "-r", "t.zip", "a.txt", "d", "e");
        diff.assertSame("zip", "t2.zip", "d");
        diff.assertSame("zip", "-q", "t3.zip", "a.txt");
        diff.assertSame("zip", "big.zip", "big");
        diff.assertSame("zip", "-0", "big0.zip", "big");
        diff.assertSame("zip", "-9", "big9.zip", "big");
        diff.assertSame("zip", "-j", "j.zip", "d/b");
        diff.assertSame("zip", "t.zip", "a.txt");
        diff.assertSame("zip", "t.zip", "big", "a.txt");
        diff.assertSame("zip", "t4", "a.txt");
    }

    @Test void zipWarnsAboutMissingNames() {
        tree();
        diff.assertSame("zip", "t.zip", "missing");
        diff.assertSame("zip", "t.zip", "missing", "a.txt");
    }

    @Test void vmZipsUnzipOnTheHost() throws Exception {
        tree();
        assertThat(diff.vm("", List.of("zip", "-qr", "v.zip", "a.txt", "d", "e", "big")).exitCode()).isZero();
        twin.toHost("v.zip");
        diff.assertSame("unzip", "-l", "v.zip");
        Path out = diff.hostDir().resolve("out");
        var h = diff.host("", List.of("unzip", "-q", "v.zip", "-d", "out"));
        assertThat(h.exitCode()).as(h.stderr()).isZero();
        assertThat(Files.readString(out.resolve("big"))).isEqualTo(BIG);
        assertThat(Files.readString(out.resolve("d/b"))).isEqualTo("x\n");
        assertThat(Files.size(out.resolve("e"))).isZero();
        assertThat(diff.host("", List.of("unzip", "-t", "v.zip")).exitCode()).isZero();
    }

    @Test void hostZipsUnzipInTheVm() {
        tree();
        assertThat(diff.host("", List.of("zip", "-qr", "h.zip", "a.txt", "d", "e", "big")).exitCode()).isZero();
        twin.toVm("h.zip");
        diff.assertSame("unzip", "-l", "h.zip");
        diff.assertSame("unzip", "-l", "h.zip", "d/*");
        diff.assertSame("unzip", "-p", "h.zip", "a.txt");
        diff.assertSame("unzip", "-t", "h.zip");
        diff.assertSame("unzip", "h.zip", "-d", "out");
        assertThat(twin.vmRead("out/big")).isEqualTo(BIG.getBytes(StandardCharsets.UTF_8));
        diff.assertSame("unzip", "-o", "h.zip", "-d", "out");
        diff.assertSame("unzip", "-n", "h.zip", "-d", "out");
        diff.assertSame("unzip", "-q", "-o", "h.zip", "-d", "out");
        diff.assertSameWithStdin("", "unzip", "h.zip", "-d", "out");
        diff.assertSame("unzip", "-o", "-j", "h.zip", "-d", "flat");
    }

    @Test void unzipErrors() {
        tree();
        diff.assertSame("unzip", "nofile.zip");
        diff.host("", List.of("zip", "-q", "h.zip", "a.txt"));
        twin.toVm("h.zip");
        diff.assertSame("unzip", "h.zip", "nothere");
        diff.assertSame("unzip", "-l", "h");
    }
}
