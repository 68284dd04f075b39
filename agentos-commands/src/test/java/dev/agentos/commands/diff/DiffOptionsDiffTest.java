package dev.agentos.commands.diff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** diff's formats, options, messages and exit status against GNU diffutils 3.8. */
class DiffOptionsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("diff")); }

    @AfterEach void close() { diff.close(); }

    /** Same modification time on both sides, so the unified and context headers compare. */
    private void stamp(String... files) {
        String[] argv = new String[files.length + 3];
        argv[0] = "touch";
        argv[1] = "-d";
        argv[2] = "2024-01-01 00:00:00";
        System.arraycopy(files, 0, argv, 3, files.length);
        diff.assertSame(argv);
    }

    private void pair(String a, String b) {
        diff.file("a", a).file("b", b);
        stamp("a", "b");
    }

    @Test void normalFormatAddsDeletesAndChanges() {
        pair("1\n2\n3\n4\n5\n", "1\n3\n4\nnew\n5\n6\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "--normal", "b", "a");
        pair("same\n", "same\n");
        diff.assertSame("diff", "a", "b");
    }

    @Test void unifiedHeadersCarryTimestamps() {
        pair("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\nfour\n5\n6\n7\n8\n9\nten\n");
        diff.assertSame("diff", "-u", "a", "b");
        diff.assertSame("diff", "-U", "1", "a", "b");
        diff.assertSame("diff", "-U0", "a", "b");
        diff.assertSame("diff", "--unified=5", "a", "b");
        diff.assertSame("diff", "--unified", "a", "b");
        diff.assertSame("diff", "-U", "2", "-u", "a", "b");
    }

    @Test void contextFormat() {
        pair("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "0\n1\n2\n3\nfour\n5\n7\n8\n9\n10\n11\n");
        diff.assertSame("diff", "-c", "a", "b");
        diff.assertSame("diff", "-C", "1", "a", "b");
        diff.assertSame("diff", "-C0", "a", "b");
        diff.assertSame("diff", "--context=2", "a", "b");
        diff.assertSame("diff", "--context", "b", "a");
    }

    @Test void labelsReplaceNamesAndTimes() {
        pair("x\n", "y\n");
        diff.assertSame("diff", "-u", "--label", "L1", "--label", "L2", "a", "b");
        diff.assertSame("diff", "-u", "--label", "only", "a", "b");
        diff.assertSame("diff", "-c", "--label=one", "--label=two", "a", "b");
    }

    @Test void missingNewlineAtEndOfFile() {
        pair("a\nb", "a\nb\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        diff.assertSame("diff", "-c", "a", "b");
        pair("a\nb", "a\nc");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        pair("a", "");
        diff.assertSame("diff", "-u", "a", "b");
        diff.assertSame("diff", "b", "a");
        pair("x\ny", "x\ny");
        diff.assertSame("diff", "a", "b");
        pair("a\nb", "a\nb \n");
        diff.assertSame("diff", "-b", "a", "b");
        diff.assertSame("diff", "-w", "-u", "a", "b");
    }

    @Test void emptyFiles() {
        pair("", "");
        diff.assertSame("diff", "-s", "a", "b");
        pair("", "one\ntwo\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        diff.assertSame("diff", "-c", "a", "b");
        diff.assertSame("diff", "-u", "b", "a");
        diff.assertSame("diff", "-c", "b", "a");
    }

    @Test void briefAndIdenticalReports() {
        pair("1\n", "2\n");
        diff.assertSame("diff", "-q", "a", "b");
        diff.assertSame("diff", "--brief", "a", "a");
        diff.assertSame("diff", "-s", "a", "a");
        diff.assertSame("diff", "-s", "a", "b");
        diff.assertSame("diff", "-qs", "a", "b");
        pair("A\n", "a\n");
        diff.assertSame("diff", "-q", "-i", "a", "b");
        diff.assertSame("diff", "-s", "-i", "a", "b");
    }

    @Test void whiteSpaceAndCaseOptions() {
        pair("a b\n  c\nd \nE\n\tf\n", "a  b\nc\nd\ne\n        f\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-b", "a", "b");
        diff.assertSame("diff", "-w", "a", "b");
        diff.assertSame("diff", "-i", "a", "b");
        diff.assertSame("diff", "-Z", "a", "b");
        diff.assertSame("diff", "-iw", "a", "b");
        diff.assertSame("diff", "--ignore-space-change", "-u", "a", "b");
        diff.assertSame("diff", "--ignore-all-space", "--ignore-case", "-u", "a", "b");
    }

    @Test void blankLinesWithCapitalB() {
        pair("a\n\nb\nc\n", "a\nb\n\n\nc\n");
        diff.assertSame("diff", "-B", "a", "b");
        diff.assertSame("diff", "-B", "-u", "a", "b");
        pair("a\nb\nc\n", "a\n\nb\nX\nc\n");
        diff.assertSame("diff", "-B", "a", "b");
        diff.assertSame("diff", "-B", "-u", "a", "b");
        diff.assertSame("diff", "-Bc", "a", "b");
    }

    @Test void standardInputAsDash() {
        pair("1\n2\n", "1\n3\n");
        diff.assertSameWithStdin("1\n2\n", "diff", "-", "b");
        diff.assertSameWithStdin("9\n", "diff", "a", "-");
        diff.assertSameWithStdin("9\n", "diff", "-u", "--label", "in", "--label", "file", "-", "a");
        diff.assertSameWithStdin("1\n2\n", "diff", "-s", "-", "a");
    }

    @Test void binaryFiles() {
        diff.file("x", "a\0b\n").file("y", "a\0c\n").file("z", "a\0b\n");
        diff.assertSame("diff", "x", "y");
        diff.assertSame("diff", "-q", "x", "y");
        diff.assertSame("diff", "x", "z");
        diff.assertSame("diff", "-s", "x", "z");
        diff.assertSame("diff", "-a", "x", "y");
    }

    @Test void troubleAndUsageErrors() {
        pair("1\n", "2\n");
        diff.assertSame("diff", "a", "missing");
        diff.assertSame("diff", "missing", "b");
        diff.assertSame("diff", "a");
        diff.assertSame("diff");
        diff.assertSame("diff", "a", "b", "c");
        diff.assertSame("diff", "-Q", "a", "b");
        diff.assertSame("diff", "--bogus", "a", "b");
        diff.assertSame("diff", "-c", "-u", "a", "b");
        diff.assertSame("diff", "-U", "x", "a", "b");
        diff.assertSame("diff", "-U", "1", "-C", "2", "a", "b");
        diff.assertSame("diff", "--label");
    }

    @Test void newFileTreatsAbsentAsEmpty() {
        pair("1\n2\n", "");
        diff.assertSame("diff", "-N", "a", "absent");
        diff.assertSame("diff", "-N", "absent", "a");
        diff.assertSame("diff", "-Nu", "a", "absent");
        diff.assertSame("diff", "-N", "absent", "absent2");
    }

    @Test void fileAgainstDirectoryUsesTheBaseName() {
        diff.dir("d").file("f", "1\n").file("d/f", "2\n");
        diff.assertSame("diff", "f", "d");
        diff.assertSame("diff", "d", "f");
        diff.file("g", "1\n");
        diff.assertSame("diff", "g", "d");
    }

    @Test void trickyHunks() {
        pair("a\nb\nc\na\nb\nc\n", "a\nb\nc\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        pair("x\nx\nx\nx\n", "x\nx\n");
        diff.assertSame("diff", "a", "b");
        pair("{\n}\n{\n}\n", "{\n}\n{\nbody\n}\n{\n}\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        pair("1\n2\n3\n4\n5\n6\n7\n8\n", "5\n6\n7\n8\n1\n2\n3\n4\n");
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-c", "a", "b");
        pair("a\n\nb\n\nc\n", "a\n\nc\n\nb\n");
        diff.assertSame("diff", "-u", "a", "b");
        StringBuilder big = new StringBuilder(), big2 = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            big.append(i % 7 == 0 ? "}" : "line " + i).append('\n');
            big2.append(i % 7 == 0 ? "}" : i % 50 == 3 ? "changed " + i : "line " + i).append('\n');
            if (i == 120) big2.append("}\n}\n");
        }
        pair(big.toString(), big2.toString());
        diff.assertSame("diff", "a", "b");
        diff.assertSame("diff", "-u", "a", "b");
        diff.assertSame("diff", "-U", "8", "a", "b");
    }

    @Test void helpAndVersion() {
        diff.assertSame("diff", "--version");
        diff.assertSame("diff", "-v");
    }
}
