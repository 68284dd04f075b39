package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nl, fold, expand and unexpand against the host's GNU coreutils. */
class LayoutDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("nl") && CommandDiff.hostHas("fold"));
        diff.file("text", "first line\n\nsecond line\n\n\n\nthird\nfoo bar\n");
        diff.file("sections", "\\:\\:\\:\nhead\n\\:\\:\nbody 1\nbody 2\n\\:\nfoot\n\\:\\:\nbody again\n");
        diff.file("long", "The quick brown fox jumps over the lazy dog and keeps running far away\n"
                + "short\nabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\ttab\there\n\u0008back\rcr\n");
        diff.file("tabs", "a\tb\tc\n\tlead\n  \t mixed\t\nx\by\tz\n12345678\tn\nno tabs\nend\t");
        diff.file("spaces", "        eight\n    four\n a       b       c\n                sixteen  x\n  \t  mixed\n       seven\n");
    }

    @AfterEach void close() { diff.close(); }

    @Test void nlStylesAndFormats() {
        diff.assertSame("nl", "text");
        diff.assertSame("nl", "-b", "a", "text");
        diff.assertSame("nl", "-b", "n", "text");
        diff.assertSame("nl", "-b", "pline", "text");
        diff.assertSame("nl", "-n", "ln", "text");
        diff.assertSame("nl", "-n", "rz", "text");
        diff.assertSame("nl", "-w", "3", "-s", ": ", "text");
        diff.assertSame("nl", "-v", "10", "-i", "5", "text");
        diff.assertSame("nl", "-b", "a", "-l", "2", "text");
        diff.assertSame("nl", "-v", "-2", "-n", "rz", "-w", "4", "text");
        diff.assertSameWithStdin("a\nb\n", "nl");
    }

    @Test void nlSections() {
        diff.assertSame("nl", "sections");
        diff.assertSame("nl", "-p", "sections");
        diff.assertSame("nl", "-h", "a", "-f", "a", "sections");
        diff.assertSame("nl", "-d", "X", "sections");
    }

    @Test void nlErrors() {
        diff.assertSame("nl", "-n", "xx", "text");
        diff.assertSame("nl", "-b", "q", "text");
        diff.assertSame("nl", "-w", "0", "text");
        diff.assertSame("nl", "-i", "x", "text");
        diff.assertSame("nl", "missing");
    }

    @Test void foldWidthsAndSpaces() {
        diff.assertSame("fold", "long");
        diff.assertSame("fold", "-w", "20", "long");
        diff.assertSame("fold", "-w20", "-s", "long");
        diff.assertSame("fold", "-b", "-w", "10", "long");
        diff.assertSame("fold", "-bs", "-w", "7", "long");
        diff.assertSame("fold", "-12", "long");
        diff.assertSame("fold", "-w", "1", "tabs");
        diff.assertSame("fold", "-w", "5", "tabs");
        diff.assertSameWithStdin("abcdefghij", "fold", "-w", "3");
        diff.assertSame("fold", "-w", "0", "long");
        diff.assertSame("fold", "-w", "x", "long");
        diff.assertSame("fold", "missing");
    }

    @Test void expandTabStops() {
        diff.assertSame("expand", "tabs");
        diff.assertSame("expand", "-t", "4", "tabs");
        diff.assertSame("expand", "-t", "2,5,9", "tabs");
        diff.assertSame("expand", "-t", "3 6", "tabs");
        diff.assertSame("expand", "-i", "tabs");
        diff.assertSame("expand", "-4", "tabs");
        diff.assertSame("expand", "-t", "2,/4", "tabs");
        diff.assertSame("expand", "-t", "2,+4", "tabs");
        diff.assertSame("expand", "-t", "0", "tabs");
        diff.assertSame("expand", "-t", "4,2", "tabs");
        diff.assertSame("expand", "-t", "x", "tabs");
        diff.assertSame("expand", "missing");
    }

    @Test void unexpandBlanks() {
        diff.assertSame("unexpand", "spaces");
        diff.assertSame("unexpand", "-a", "spaces");
        diff.assertSame("unexpand", "-t", "4", "spaces");
        diff.assertSame("unexpand", "-t", "4", "--first-only", "spaces");
        diff.assertSame("unexpand", "-t", "2,6", "spaces");
        diff.assertSame("unexpand", "-a", "tabs");
        diff.assertSame("unexpand", "-3", "spaces");
        diff.assertSameWithStdin("          x\n", "unexpand");
    }
}
