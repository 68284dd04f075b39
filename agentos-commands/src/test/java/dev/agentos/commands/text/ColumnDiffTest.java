package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** column (util-linux, Debian's bsdextrautils) against the host's. Widths are explicit (-c): the host may have COLUMNS set. */
class ColumnDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 30; i++) sb.append(i).append('\n');
        diff.file("thirty", sb.toString());
        diff.file("words", "alpha\nbeta\n\ngamma\ndelta-epsilon-zeta\neta\n");
        diff.file("table", "a b c\nlonger x\n\nz  yy   w\n");
        diff.file("colon", "a:b::c\nd:e:f:g\n");
    }

    @AfterEach void close() { diff.close(); }

    @Test void fillsColumnsThenRows() {
        assumeTrue(CommandDiff.hostHas("column"));
        diff.assertSame("column", "-c", "40", "thirty");
        diff.assertSame("column", "-c", "80", "thirty");
        diff.assertSame("column", "-c", "30", "-x", "thirty");
        diff.assertSame("column", "-c", "50", "words");
        diff.assertSame("column", "-c", "20", "words");
        diff.assertSame("column", "-x", "-c", "60", "words");
        diff.assertSameWithStdin("one\ntwo\nthree\n", "column", "-c", "30");
        diff.assertSameWithStdin("", "column", "-c", "30");
    }

    @Test void defaultWidthIsEightyWithoutATerminal() {
        assertThat(diff.vm("", List.of("column", "thirty")).stdout())
                .isEqualTo(diff.vm("", List.of("column", "-c", "80", "thirty")).stdout());
    }

    @Test void tablesAlignCells() {
        assumeTrue(CommandDiff.hostHas("column"));
        diff.assertSame("column", "-t", "table");
        diff.assertSame("column", "-t", "-s", ":", "colon");
        diff.assertSame("column", "-t", "-s", ":", "-o", "|", "colon");
        diff.assertSame("column", "-t", "-o", " | ", "table");
        diff.assertSameWithStdin("name age\nbob 3\nalexandra 44\n", "column", "-t");
    }

    @Test void errors() {
        assumeTrue(CommandDiff.hostHas("column"));
        diff.assertSame("column", "missing");
        diff.assertSame("column", "-o", "|", "table");
    }
}
