package dev.agentos.commands.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** base64 and base32 against GNU coreutils: encoding, wrapping, decoding and its errors. */
class BaseEncodingDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("base64") && CommandDiff.hostHas("base32")); }

    @AfterEach void close() { diff.close(); }

    @Test void encodesWithDefaultAndCustomWrapping() {
        String long100 = "The quick brown fox jumps over the lazy dog. ".repeat(3);
        diff.file("t", long100);
        for (String cmd : new String[] {"base64", "base32"}) {
            diff.assertSame(cmd, "t");
            diff.assertSame(cmd, "-w", "0", "t");
            diff.assertSame(cmd, "-w", "10", "t");
            diff.assertSame(cmd, "--wrap=1", "t");
            diff.assertSameWithStdin("a", cmd);
            diff.assertSameWithStdin("ab", cmd);
            diff.assertSameWithStdin("abc", cmd, "-");
            diff.assertSameWithStdin("abcd", cmd);
            diff.assertSameWithStdin("", cmd);
        }
    }

    @Test void decodesIncludingConcatenatedAndWrappedInput() {
        diff.assertSameWithStdin("aGVsbG8gd29ybGQK\n", "base64", "-d");
        diff.assertSameWithStdin("aGVs\nbG8=\n", "base64", "--decode");
        diff.assertSameWithStdin("YQ==YQ==", "base64", "-d");
        diff.assertSameWithStdin("NBSWY3DP\n", "base32", "-d");
        diff.assertSameWithStdin("ME======\n", "base32", "-d");
        diff.assertSameWithStdin("MFRA====MFRGG===", "base32", "-d");
    }

    @Test void rejectsGarbageUnlessIgnored() {
        diff.assertSameWithStdin("YQ\n", "base64", "-d");
        diff.assertSameWithStdin("Y!Q==", "base64", "-d");
        diff.assertSameWithStdin("aGVs!bG8=\n", "base64", "-d");
        diff.assertSameWithStdin("aGVs!bG8=\n", "base64", "-d", "-i");
        diff.assertSameWithStdin("NBSW Y3DP", "base32", "-d", "-i");
        diff.assertSameWithStdin("NBSW Y3DP", "base32", "-d");
    }

    @Test void reportsUsageAndFileErrors() {
        diff.assertSame("base64", "missing");
        diff.assertSame("base64", "-w", "x");
        diff.assertSame("base64", "-w", "-1");
        diff.assertSame("base64", "a", "b");
        diff.assertSame("base32", "-q");
        diff.assertSame("base64", "--wrap");
    }
}
