package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** od (coreutils), xxd (vim's xxd package) and strings (binutils) against the host's tools. */
class DumpDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        byte[] bin = new byte[300];
        for (int i = 0; i < bin.length; i++) bin[i] = (byte) (i * 7);
        diff.file("bin", bin);
        diff.file("text", "hello world\nthis is a longer line of text!\u0000\u0001\u00ff");
        byte[] zeros = new byte[100];
        zeros[99] = 1;
        diff.file("zeros", zeros);
        byte[] mixed = "\u0001\u0002GNU strings\u0000ab\u0000\tTabbed text here\u0003four\u0004fives\u0000x".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        diff.file("mixed", mixed);
        diff.dir("d");
    }

    @AfterEach void close() { diff.close(); }

    @Test void odDefaultAndTraditionalFormats() {
        assumeTrue(CommandDiff.hostHas("od"));
        diff.assertSame("od", "text");
        diff.assertSame("od", "-c", "text");
        diff.assertSame("od", "-a", "text");
        diff.assertSame("od", "-b", "text");
        diff.assertSame("od", "-d", "text");
        diff.assertSame("od", "-x", "text");
        diff.assertSame("od", "-o", "-s", "text");
        diff.assertSame("od", "-i", "-l", "text");
        diff.assertSameWithStdin("abc", "od", "-c");
    }

    @Test void odTypesAddressesAndLimits() {
        assumeTrue(CommandDiff.hostHas("od"));
        diff.assertSame("od", "-t", "x1", "bin");
        diff.assertSame("od", "-t", "x1z", "-A", "x", "text");
        diff.assertSame("od", "-t", "o2", "-t", "c", "text");
        diff.assertSame("od", "-t", "d4", "bin");
        diff.assertSame("od", "-t", "u1", "-A", "d", "bin");
        diff.assertSame("od", "-t", "x8", "text");
        diff.assertSame("od", "-t", "dC", "-t", "xS", "text");
        diff.assertSame("od", "-A", "n", "-t", "x1", "text");
        diff.assertSame("od", "-N", "8", "-t", "a", "text");
        diff.assertSame("od", "-j", "5", "-N", "10", "-c", "text");
        diff.assertSame("od", "-j", "0x10", "-t", "x2", "text");
        diff.assertSame("od", "-w8", "-t", "x1", "text");
        diff.assertSame("od", "-t", "x1", "zeros");
        diff.assertSame("od", "-v", "-t", "x1", "zeros");
        diff.assertSame("od", "-A", "q", "text");
        diff.assertSame("od", "-t", "q", "text");
        diff.assertSame("od", "missing");
    }

    @Test void xxdDumpsLikeXxd() {
        assumeTrue(CommandDiff.hostHas("xxd"));
        diff.assertSame("xxd", "text");
        diff.assertSame("xxd", "bin");
        diff.assertSame("xxd", "-g1", "-c8", "text");
        diff.assertSame("xxd", "-g", "4", "text");
        diff.assertSame("xxd", "-c", "10", "text");
        diff.assertSame("xxd", "-u", "-l", "5", "text");
        diff.assertSame("xxd", "-s", "3", "-l", "4", "text");
        diff.assertSame("xxd", "-s", "-5", "text");
        diff.assertSame("xxd", "-p", "text");
        diff.assertSame("xxd", "-p", "-c", "8", "bin");
        diff.assertSame("xxd", "-b", "-l", "6", "text");
        diff.assertSame("xxd", "-i", "text");
        diff.assertSameWithStdin("hi there\n", "xxd");
        diff.assertSame("xxd", "missing");
    }

    @Test void xxdRevertsItsOwnDumps() {
        assumeTrue(CommandDiff.hostHas("xxd"));
        String dump = diff.vm("", List.of("xxd", "mixed")).stdout();
        diff.assertSameWithStdin(dump, "xxd", "-r");
        String plain = diff.vm("", List.of("xxd", "-p", "text")).stdout();
        diff.assertSameWithStdin(plain, "xxd", "-r", "-p");
        assertThat(diff.vm(diff.vm("", List.of("xxd", "-p", "bin")).stdout(), List.of("xxd", "-r", "-p")).stdout().length()).isPositive();
    }

    @Test void stringsFindsPrintableRuns() {
        assumeTrue(CommandDiff.hostHas("strings"));
        diff.assertSame("strings", "mixed");
        diff.assertSame("strings", "-n", "2", "mixed");
        diff.assertSame("strings", "-a", "-n", "6", "mixed");
        diff.assertSame("strings", "-3", "mixed");
        diff.assertSame("strings", "-t", "x", "mixed");
        diff.assertSame("strings", "-t", "d", "-n", "1", "mixed");
        diff.assertSame("strings", "-o", "mixed");
        diff.assertSame("strings", "-f", "mixed", "text");
        diff.assertSame("strings", "text", "bin");
        diff.assertSameWithStdin("abcd\u0001efghij\n", "strings");
        diff.assertSame("strings", "missing");
        diff.assertSame("strings", "d");
    }

    @Test void odFloatsPrintTheShortestDigitsThatReadBack() {
        assumeTrue(CommandDiff.hostHas("od"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 * 4 + 10 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {1f, 100f, 0.1f, 123456789f, Float.NaN, Float.NEGATIVE_INFINITY, -0f, 1e-5f,
                Float.MIN_VALUE, 3.4028235e38f, 1e-40f, -2.5f}) b.putFloat(f);
        for (double d : new double[] {1, 100, 0.1, 123456789, 1e300, -2.5e-7, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 1e16}) b.putDouble(d);
        diff.file("floats", b.array());
        diff.assertSame("od", "-t", "f4", "floats");
        diff.assertSame("od", "-t", "fF", "-N", "48", "floats");
        diff.assertSame("od", "-t", "f8", "-j", "48", "floats");
        diff.assertSame("od", "-t", "fD", "-j", "48", "-w8", "floats");
        diff.assertSame("od", "-t", "f", "-j", "48", "floats");
        diff.assertSame("od", "-f", "-N", "16", "floats");
        diff.assertSame("od", "-F", "-j", "48", "-N", "16", "floats");
        diff.assertSame("od", "-e", "-j", "48", "-N", "16", "floats");
        diff.assertSame("od", "-t", "f4x1", "-N", "8", "floats");
        diff.assertSame("od", "-A", "x", "-t", "f4", "bin");
        diff.assertSame("od", "-t", "f3", "floats");
    }

    @Test void odTraditionalSynonyms() {
        assumeTrue(CommandDiff.hostHas("od"));
        for (String opt : List.of("-B", "-D", "-h", "-H", "-X", "-I", "-L", "-O")) diff.assertSame("od", opt, "-N", "40", "bin");
    }
}
