package dev.agentos.commands.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hunks themselves: random edits of files with many repeated lines, where several shortest
 * scripts exist and only GNU's search, discards and boundary shifts pick the same one.
 */
class DiffHunksMatchGnuTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("diff")); }

    @AfterEach void close() { diff.close(); }

    private static String randomText(Random r, int lines, int alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) sb.append((char) ('a' + r.nextInt(alphabet))).append('\n');
        return sb.toString();
    }

    private static String mutate(Random r, String text, int edits, int alphabet) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        for (int e = 0; e < edits; e++) {
            int op = r.nextInt(3);
            int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
            switch (op) {
                case 0 -> lines.add(at, String.valueOf((char) ('a' + r.nextInt(alphabet + 2))));
                case 1 -> { if (!lines.isEmpty()) lines.remove(at); }
                default -> { if (!lines.isEmpty()) lines.set(at, String.valueOf((char) ('a' + r.nextInt(alphabet + 2)))); }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    private void compareRandom(long seed, int lines, int alphabet, int edits, String... options) {
        Random r = new Random(seed);
        for (int round = 0; round < 25; round++) {
            String a = randomText(r, r.nextInt(lines) + 1, alphabet);
            String b = mutate(r, a, r.nextInt(edits) + 1, alphabet);
            if (r.nextInt(5) == 0) b = b.substring(0, Math.max(0, b.length() - 1));
            diff.file("a", a).file("b", b);
            String[] argv = new String[options.length + 3];
            argv[0] = "diff";
            System.arraycopy(options, 0, argv, 1, options.length);
            argv[options.length + 1] = "a";
            argv[options.length + 2] = "b";
            var vm = diff.vm("", List.of(argv));
            var host = diff.host("", List.of(argv));
            assertThat(vm).as("seed %d round %d\n--- a\n%s--- b\n%s", seed, round, a, b).isEqualTo(host);
        }
    }

    @Test void normalFormatOnSmallAlphabets() { compareRandom(1, 30, 3, 8); }

    @Test void normalFormatOnLargerFiles() { compareRandom(2, 200, 6, 30); }

    @Test void unifiedWithLabelsOnRepeatedLines() { compareRandom(3, 40, 2, 10, "-u", "--label", "x", "--label", "y"); }

    @Test void contextFormatOnRepeatedLines() { compareRandom(4, 40, 4, 10, "-c", "--label", "x", "--label", "y"); }

    @Test void unifiedOneLineOfContext() { compareRandom(5, 60, 5, 12, "-U", "1", "--label", "x", "--label", "y"); }

    @Test void unifiedZeroContext() { compareRandom(6, 60, 5, 12, "-U0", "--label", "x", "--label", "y"); }

    @Test void manyRepeatsDiscardedAsConfusing() { compareRandom(7, 400, 2, 60); }

    @Test void minimalOption() { compareRandom(8, 100, 3, 20, "-d"); }

    /** Like the benchmark's files (which have 100,000 lines), about 1% changed, in one unified diff. */
    @Test void largeFilesWithScatteredChanges() {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            String line = "line " + i + " of the benchmark file, with some text after it\n";
            a.append(line);
            if (i % 331 == 5) continue;
            b.append(i % 97 == 3 ? "changed " + line : line);
            if (i % 513 == 7) b.append("inserted after ").append(i).append('\n');
        }
        diff.file("a", a.toString()).file("b", b.toString());
        diff.assertSame("diff", "-u", "--label", "a", "--label", "b", "a", "b");
    }

    /** Two unrelated files with many common lines: the search gives up past GNU's cost limit. */
    @Test void expensiveComparisonsGiveUpLikeGnu() {
        Random r = new Random(42);
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            a.append(r.nextInt(40)).append('\n');
            b.append(r.nextInt(40)).append('\n');
        }
        diff.file("a", a.toString()).file("b", b.toString());
        diff.assertSame("diff", "a", "b");
    }
}
