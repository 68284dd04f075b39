package dev.agentos.commands.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** md5sum, sha*sum, b2sum and cksum against GNU coreutils: output forms and the -c check mode. */
class ChecksumDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("sha256sum") && CommandDiff.hostHas("b2sum")); }

    @AfterEach void close() { diff.close(); }

    @ParameterizedTest
    @ValueSource(strings = {"md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum"})
    void printsDigestsInEveryForm(String cmd) {
        diff.file("a", "hello\n").file("b", "x".repeat(300)).file("e", "");
        diff.assertSame(cmd, "a", "b", "e");
        diff.assertSameWithStdin("from stdin", cmd);
        diff.assertSameWithStdin("from stdin", cmd, "-", "a");
        diff.assertSame(cmd, "--tag", "a");
        diff.assertSame(cmd, "-b", "a");
        diff.assertSame(cmd, "-b", "-t", "a");
        diff.assertSame(cmd, "-z", "a");
        diff.assertSame(cmd, "a", "missing");
    }

    @Test void b2sumHonoursDigestLength() {
        diff.file("a", "hello\n");
        diff.assertSame("b2sum", "-l", "256", "a");
        diff.assertSame("b2sum", "-l", "128", "--tag", "a");
        diff.assertSame("b2sum", "--length=8", "a");
        diff.assertSame("b2sum", "-l", "12", "a");
        diff.assertSame("b2sum", "-l", "1024", "a");
        diff.file("s", diff.host("", java.util.List.of("b2sum", "-l", "256", "a")).stdout());
        diff.assertSame("b2sum", "-c", "s");
    }

    @Test void escapesAwkwardFileNames() {
        diff.file("a\\b", "x");
        diff.assertSame("md5sum", "a\\b");
        diff.assertSame("md5sum", "--tag", "a\\b");
        diff.file("s", diff.host("", java.util.List.of("md5sum", "a\\b")).stdout());
        diff.assertSame("md5sum", "-c", "s");
    }

    @Test void checkModeReportsOkFailedAndUnreadable() {
        diff.file("a", "hi\n").file("b", "yo\n");
        String good = diff.host("", java.util.List.of("sha256sum", "a", "b")).stdout();
        diff.file("good", good);
        diff.assertSame("sha256sum", "-c", "good");
        diff.assertSame("sha256sum", "--check", "--quiet", "good");
        diff.assertSameWithStdin(good, "sha256sum", "-c");
        diff.assertSameWithStdin(good, "sha256sum", "-c", "-");
        String bad = good + "bad line\n" + "0".repeat(64) + "  b\n" + "0".repeat(64) + "  nope\n";
        diff.file("bad", bad);
        diff.assertSame("sha256sum", "-c", "bad");
        diff.assertSame("sha256sum", "-c", "--quiet", "bad");
        diff.assertSame("sha256sum", "-c", "--status", "bad");
        diff.assertSame("sha256sum", "-c", "-w", "bad");
        diff.assertSame("sha256sum", "-c", "--strict", "good");
        diff.file("twobad", good + "junk\nmore junk\n");
        diff.assertSame("sha256sum", "-c", "twobad");
        diff.assertSame("sha256sum", "-c", "--strict", "twobad");
        diff.file("missing", good + "0".repeat(64) + "  nope\n");
        diff.assertSame("sha256sum", "-c", "--ignore-missing", "missing");
        diff.file("onlymissing", "0".repeat(64) + "  nope\n");
        diff.assertSame("sha256sum", "-c", "--ignore-missing", "onlymissing");
        diff.file("junk", "junk\n");
        diff.assertSame("sha256sum", "-c", "junk");
        diff.assertSame("sha256sum", "-c", "nothere");
        diff.file("two", "0".repeat(64) + "  a\n" + "0".repeat(64) + "  b\n");
        diff.assertSame("sha256sum", "-c", "two");
    }

    @Test void checkModeReadsTaggedAndBinaryLines() {
        diff.file("a", "hi\n");
        diff.file("tag", diff.host("", java.util.List.of("md5sum", "--tag", "a")).stdout());
        diff.assertSame("md5sum", "-c", "tag");
        diff.file("bin", diff.host("", java.util.List.of("md5sum", "-b", "a")).stdout().toUpperCase().replace("*A", "*a"));
        diff.assertSame("md5sum", "-c", "bin");
    }

    @Test void optionMisuseIsRefused() {
        diff.file("a", "x");
        diff.assertSame("md5sum", "--quiet", "a");
        diff.assertSame("md5sum", "--status", "a");
        diff.assertSame("md5sum", "-c", "--tag", "a");
        diff.assertSame("md5sum", "-x", "a");
    }

    @Test void cksumPrintsPosixCrcAndSize() {
        diff.file("a", "hello\n").file("e", "").file("big", "abcdefghij".repeat(1000));
        diff.assertSame("cksum", "a");
        diff.assertSame("cksum", "a", "e", "big");
        diff.assertSameWithStdin("hello\n", "cksum");
        diff.assertSameWithStdin("", "cksum");
        diff.assertSameWithStdin("xyz", "cksum", "-", "a");
        diff.assertSame("cksum", "missing", "a");
    }
}
