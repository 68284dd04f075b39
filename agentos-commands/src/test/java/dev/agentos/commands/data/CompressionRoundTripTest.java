package dev.agentos.commands.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gzip, bzip2 and xz: what the VM compresses the host's tools decompress, and the reverse; in-place
 * naming, -k/-c/-f/-d/-t, and the error messages and statuses against the host's tools.
 */
class CompressionRoundTripTest {
    private static final String TEXT = "hello compression\n".repeat(200) + "tail line\n";

    private final CommandDiff diff = new CommandDiff();
    private final TwinFiles twin = new TwinFiles(diff);

    @BeforeEach void hostTools() {
        assumeTrue(CommandDiff.hostHas("gzip") && CommandDiff.hostHas("bzip2") && CommandDiff.hostHas("xz"));
    }

    @AfterEach void close() { diff.close(); }

    @ParameterizedTest
    @CsvSource({"gzip,.gz", "bzip2,.bz2", "xz,.xz"})
    void vmCompressesWhatTheHostDecompresses(String tool, String suffix) {
        diff.file("a.txt", TEXT);
        var r = diff.vm("", List.of(tool, "a.txt"));
        assertThat(r.exitCode()).isZero();
        assertThat(twin.vmExists("a.txt")).isFalse();
        assertThat(twin.vmExists("a.txt" + suffix)).isTrue();
        twin.toHost("a.txt" + suffix);
        java.nio.file.Path host = diff.hostDir().resolve("a.txt");
        host.toFile().delete();
        var h = diff.host("", List.of(tool, "-d", "a.txt" + suffix));
        assertThat(h.exitCode()).as(h.stderr()).isZero();
        assertThat(new String(twin.hostRead("a.txt"), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @CsvSource({"gzip,.gz,gunzip,zcat", "bzip2,.bz2,bunzip2,bzcat", "xz,.xz,unxz,xzcat"})
    void vmDecompressesWhatTheHostCompresses(String tool, String suffix, String un, String cat) {
        diff.file("a.txt", TEXT);
        assertThat(diff.host("", List.of(tool, "-k", "a.txt")).exitCode()).isZero();
        twin.toVm("a.txt" + suffix);
        diff.assertSame(cat, "a.txt" + suffix);
        diff.assertSame(tool, "-dc", "a.txt" + suffix);
        diff.assertSame(tool, "-t", "a.txt" + suffix);
        diff.assertSame(tool, "-d", "a.txt" + suffix);
        diff.assertSame(tool, "-df", "a.txt" + suffix);
        assertThat(twin.vmRead("a.txt")).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(twin.vmExists("a.txt" + suffix)).isFalse();
        twin.hostWrite("b.txt", "bee\n".getBytes(StandardCharsets.UTF_8));
        diff.host("", List.of(tool, "b.txt"));
        twin.toVm("b.txt" + suffix);
        var r = diff.vm("", List.of(un, "b.txt" + suffix));
        assertThat(r.exitCode()).isZero();
        assertThat(twin.vmRead("b.txt")).isEqualTo("bee\n".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"gzip", "bzip2", "xz"})
    void everyLevelRoundTripsThroughStdio(String tool) {
        for (String level : List.of("-1", "-5", "-9")) {
            diff.file("x", TEXT);
            var c = diff.vm("", List.of(tool, level, "-c", "x"));
            assertThat(c.exitCode()).isZero();
        }
        diff.file("x", TEXT);
        assertThat(diff.vm("", List.of(tool, "-k", "-9", "x")).exitCode()).isZero();
        assertThat(twin.vmExists("x")).isTrue();
        var back = diff.vm("", List.of(tool, "-dc", "x" + Codec.valueOf(tool.toUpperCase()).suffix));
        assertThat(back.stdout()).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @CsvSource({"gzip,gz", "bzip2,bz2", "xz,xz"})
    void errorsMatchTheHostTools(String tool, String ext) {
        diff.file("a", "hello\n").file("j." + ext, "junk\n").dir("d");
        diff.assertSame(tool, "missing");
        diff.assertSame(tool, "-d", "j." + ext);
        diff.assertSame(tool, "-d", "a");
        diff.assertSame(tool, "d");
        diff.assertSame(tool, "-k", "a");
        diff.file("a." + ext, "x");
        diff.assertSame(tool, "-k", "a");
        diff.assertSame(tool, "a." + ext);
    }

    @Test void testModeReportsCorruption() {
        diff.file("j.gz", "junk\n").file("j.xz", "junk\n");
        diff.assertSame("gzip", "-t", "j.gz");
        diff.assertSame("xz", "-t", "j.xz");
        diff.file("j.bz2", "junk\n");
        diff.assertSame("bzip2", "-t", "j.bz2");
    }

    @Test void compressedFilesKeepModeAndTime() {
        diff.file("m", TEXT);
        twin.vmChmod("m", 0600);
        long mtime = twin.vmStat("m").mtimeNanos();
        assertThat(diff.vm("", List.of("gzip", "m")).exitCode()).isZero();
        assertThat(twin.vmStat("m.gz").mode()).isEqualTo(0600);
        assertThat(twin.vmStat("m.gz").mtimeNanos()).isEqualTo(mtime);
        assertThat(diff.vm("", List.of("gunzip", "m.gz")).exitCode()).isZero();
        assertThat(twin.vmStat("m").mode()).isEqualTo(0600);
    }

    @Test void gzipRecursesIntoDirectories() {
        diff.dir("r").dir("r/s").file("r/one", "1\n").file("r/s/two", "2\n");
        assertThat(diff.vm("", List.of("gzip", "-r", "r")).exitCode()).isZero();
        assertThat(twin.vmExists("r/one.gz") && twin.vmExists("r/s/two.gz")).isTrue();
        assertThat(diff.vm("", List.of("gzip", "-dr", "r")).exitCode()).isZero();
        assertThat(twin.vmRead("r/s/two")).isEqualTo("2\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test void gzipListsHostMadeArchives() {
        diff.file("a", "hello\n").file("b", TEXT);
        diff.host("", List.of("gzip", "-k", "a", "b"));
        twin.toVm("a.gz");
        twin.toVm("b.gz");
        diff.assertSame("gzip", "-l", "a.gz");
        diff.assertSame("gzip", "-l", "a.gz", "b.gz");
        diff.assertSame("gzip", "-l", "a.gz", "missing.gz");
        diff.assertSame("gzip", "-t", "-v", "a.gz");
        diff.assertSame("gzip", "-d", "-v", "-f", "a.gz");
    }

    @Test void gzipNoNameStillRoundTrips() {
        diff.file("n", TEXT);
        var c = diff.vm("", List.of("gzip", "-n", "n"));
        assertThat(c.exitCode()).isZero();
        byte[] gz = twin.vmRead("n.gz");
        assertThat(gz[3] & 0x08).isZero();
        twin.hostWrite("n.gz", gz);
        assertThat(diff.host("", List.of("gzip", "-dc", "n.gz")).stdout()).isEqualTo(TEXT);
    }

    @Test void stdinToStdout() {
        var v = diff.vm(TEXT, List.of("gzip"));
        assertThat(v.exitCode()).isZero();
        diff.assertSameWithStdin("\n", "xz", "-d");
        diff.assertSameWithStdin("not gzip\n", "gzip", "-d");
    }
}
