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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tar: archives made in the VM list identically under GNU tar and extract on the host with the
 * same contents, modes and symlinks; archives made by GNU tar extract in the VM; errors match.
 */
class TarRoundTripTest {
    private final CommandDiff diff = new CommandDiff();
    private final TwinFiles twin = new TwinFiles(diff);

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("tar") && CommandDiff.hostHas("gzip")); }

    @AfterEach void close() { diff.close(); }

    private void tree() {
        diff.dir("src").dir("src/sub").dir("src/empty")
                .file("src/a.txt", "alpha\n").file("src/sub/b.txt", "beta\n".repeat(100)).file("src/run.sh", "#!/bin/sh\necho hi\n")
                .symlink("a.txt", "src/link");
        twin.vmChmod("src/run.sh", 0755);
        diff.hostDir().resolve("src/run.sh").toFile().setExecutable(true, false);
    }

    /** Copies a VM-made archive to the host and compares tar's listing of it on both sides. */
    private void listsAlike(String archive, String... flags) {
        twin.toHost(archive);
        String[] argv = new String[flags.length + 3];
        argv[0] = "tar";
        System.arraycopy(flags, 0, argv, 1, flags.length);
        argv[flags.length + 1] = "-f";
        argv[flags.length + 2] = archive;
        diff.assertSame(argv);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "ustar", "posix"})
    void vmArchivesListTheSameUnderGnuTar(String format) {
        tree();
        assertThat(diff.vm("", List.of("tar", "-cf", "t.tar", "--format=" + format, "src")).exitCode()).isZero();
        listsAlike("t.tar", "-t");
        listsAlike("t.tar", "-tv");
        listsAlike("t.tar", "-tv", "src/sub");
    }

    @ParameterizedTest
    @CsvSource({"z,t.tgz", "j,t.tbz2", "J,t.txz"})
    void compressedArchivesRoundTrip(String flag, String name) throws Exception {
        tree();
        assertThat(diff.vm("", List.of("tar", "-c" + flag + "f", name, "src")).exitCode()).isZero();
        listsAlike(name, "-t" + flag);
        listsAlike(name, "-tv");
        twin.toHost(name);
        Path out = diff.hostDir().resolve("out");
        Files.createDirectories(out);
        assertThat(diff.host("", List.of("tar", "-xf", name, "-C", "out")).exitCode()).isZero();
        assertThat(Files.readString(out.resolve("src/sub/b.txt"))).isEqualTo("beta\n".repeat(100));
        assertThat(Files.readSymbolicLink(out.resolve("src/link")).toString()).isEqualTo("a.txt");
        assertThat(Files.isExecutable(out.resolve("src/run.sh"))).isTrue();
        assertThat(Files.isDirectory(out.resolve("src/empty"))).isTrue();
    }

    @Test void hostArchivesExtractInTheVm() {
        tree();
        assertThat(diff.host("", List.of("tar", "-czf", "h.tgz", "src")).exitCode()).isZero();
        twin.toVm("h.tgz");
        twin.vmMkdir("x");
        assertThat(diff.vm("", List.of("tar", "-xzf", "h.tgz", "-C", "x")).exitCode()).isZero();
        assertThat(twin.vmRead("x/src/sub/b.txt")).isEqualTo("beta\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertThat(twin.vmStat("x/src/link").isSymlink()).isTrue();
        assertThat(twin.vmStat("x/src/run.sh").mode() & 0111).isNotZero();
        diff.assertSame("tar", "-tzf", "h.tgz");
        diff.assertSame("tar", "-tf", "h.tgz", "src/a.txt");
        diff.assertSame("tar", "-xOf", "h.tgz", "src/a.txt");
        diff.assertSame("tar", "-xOf", "h.tgz", "src/a.txt", "src/sub/b.txt");
        diff.assertSame("tar", "tf", "h.tgz");
    }

    @Test void stripComponentsAndExclude() {
        tree();
        diff.host("", List.of("tar", "-cf", "h.tar", "src"));
        twin.toVm("h.tar");
        twin.vmMkdir("s");
        assertThat(diff.vm("", List.of("tar", "-xf", "h.tar", "-C", "s", "--strip-components=1")).exitCode()).isZero();
        assertThat(twin.vmRead("s/sub/b.txt")).isEqualTo("beta\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertThat(twin.vmExists("s/src")).isFalse();
        diff.assertSame("tar", "-tf", "h.tar", "--exclude=*.txt");
        diff.assertSame("tar", "-tf", "h.tar", "--exclude=sub");
        assertThat(diff.vm("", List.of("tar", "-cf", "e.tar", "--exclude=sub", "--exclude=*.sh", "src")).exitCode()).isZero();
        listsAlike("e.tar", "-t");
    }

    @Test void verboseCreateAndExtractNameMembers() {
        tree();
        var c = diff.vm("", List.of("tar", "-cvf", "v.tar", "src"));
        twin.toHost("v.tar");
        var h = diff.host("", List.of("tar", "-tf", "v.tar"));
        assertThat(c.stdout()).isEqualTo(h.stdout());
        twin.vmMkdir("v");
        var x = diff.vm("", List.of("tar", "-xvf", "v.tar", "-C", "v"));
        assertThat(x.stdout()).isEqualTo(h.stdout());
    }

    @Test void archiveToStdoutAndFromStdin() {
        tree();
        var c = diff.vm("", List.of("tar", "-cf", "-", "src/a.txt"));
        assertThat(c.exitCode()).isZero();
        assertThat(c.stdout()).contains("alpha");
        assertThat(diff.vm("", List.of("tar", "-C", "/tmp/t", "-cf", "abs.tar", "/tmp/t/src/a.txt")).stderr())
                .isEqualTo("tar: Removing leading `/' from member names\n");
        listsAlike("abs.tar", "-t");
    }

    @Test void preservesModesWithP() {
        tree();
        twin.vmChmod("src/a.txt", 0640);
        assertThat(diff.vm("", List.of("tar", "-cf", "m.tar", "src")).exitCode()).isZero();
        twin.vmMkdir("m");
        assertThat(diff.vm("", List.of("tar", "-xpf", "m.tar", "-C", "m")).exitCode()).isZero();
        assertThat(twin.vmStat("m/src/a.txt").mode()).isEqualTo(0640);
        assertThat(twin.vmStat("m/src/run.sh").mode()).isEqualTo(0755);
        assertThat(twin.vmStat("m/src/a.txt").mtimeNanos() / 1_000_000_000L)
                .isEqualTo(twin.vmStat("src/a.txt").mtimeNanos() / 1_000_000_000L);
    }

    @Test void errorsMatchGnuTar() {
        tree();
        diff.assertSame("tar", "-tf", "nofile.tar");
        diff.assertSame("tar", "-cf", "x.tar");
        diff.assertSame("tar", "tf");
        diff.assertSame("tar");
        diff.assertSame("tar", "-cf", "y.tar", "missing");
        diff.file("junk.tar", "this is not a tar archive at all".repeat(40));
        diff.assertSame("tar", "-tf", "junk.tar");
        diff.host("", List.of("tar", "-cf", "h.tar", "src"));
        twin.toVm("h.tar");
        diff.assertSame("tar", "-xf", "h.tar", "nothere");
        diff.assertSame("tar", "-ctf", "h.tar");
    }
}
