package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ls against GNU coreutils: names, sorting, -R sections, long format (structurally), columns. */
class LsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("ls"));
        diff.file("b", "bb").file("a", "a").file("C", "cccc").file(".hidden", "").file("big", "x".repeat(5000))
                .dir("dir").file("dir/inner", "i").dir("dir/sub").file("dir/sub/deep", "").symlink("a", "link")
                .symlink("dir", "dirlink").symlink("gone", "broken");
        // the same old, fixed times on both sides so dates and -t order agree
        diff.assertSame("touch", "-d", "2020-01-01 00:00", "a", "C", "big", "dir", "dir/inner", "dir/sub", "dir/sub/deep", ".hidden");
        diff.assertSame("touch", "-d", "2021-03-04 05:06", "b");
        diff.assertSame("touch", "-h", "-d", "2019-05-06 07:08", "link", "dirlink", "broken");
    }

    @AfterEach void close() { diff.close(); }

    @Test void listsNamesInCLocaleOrderOnePerLineWhenNotATty() {
        diff.assertSame("ls");
        diff.assertSame("ls", "-1");
        diff.assertSame("ls", "-a");
        diff.assertSame("ls", "-A");
        diff.assertSame("ls", "-aA");
        diff.assertSame("ls", "-r");
        diff.assertSame("ls", "dir");
        diff.assertSame("ls", "--color=never", "dir");
        diff.assertSame("ls", "--color=auto", "-A");
    }

    @Test void sortsBySizeAndTimeAndReverses() {
        diff.assertSame("ls", "-S");
        diff.assertSame("ls", "-Sr");
        diff.assertSame("ls", "-t");
        diff.assertSame("ls", "-tr");
        diff.assertSame("ls", "-tS");
        diff.assertSame("ls", "-St");
    }

    @Test void operandsFilesFirstThenDirectorySections() {
        diff.assertSame("ls", "dir", "a", "b");
        diff.assertSame("ls", "-d", "dir", "a");
        diff.assertSame("ls", "-d");
        diff.assertSame("ls", "dirlink");
        diff.assertSame("ls", "dir/sub", "dir");
        diff.assertSame("ls", "missing", "a");
        diff.assertSame("ls", "missing");
        diff.assertSame("ls", "-R");
        diff.assertSame("ls", "-R", "dir");
        diff.assertSame("ls", "-Ra", "dir");
    }

    @Test void classifyAppendsIndicators() {
        diff.assertSame("chmod", "755", "C");
        diff.assertSame("ls", "-F");
        diff.assertSame("ls", "-F", "dirlink");
        diff.assertSame("ls", "-dF", "dir", "link", "C");
    }

    @Test void longFormatMatchesGnuFieldForField() {
        // owner/group names, directory sizes and totals differ between VM and host: compared structurally
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-l");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-la", "dir/sub");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-lh");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-lS");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-ltr");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-lF");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-ld", "dir", "dirlink", "a");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-lR", "dir");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-l", "link", "broken");
    }

    @Test void longFormatShowsVmOwnersAndRecentDates() {
        CommandDiff.Outcome o = diff.vm("", List.of("ls", "-l", "a", "b"));
        assertThat(o.stdout()).isEqualTo(
                "-rw-r--r-- 1 agentos agentos 1 Jan  1  2020 a\n"
                        + "-rw-r--r-- 1 agentos agentos 2 Mar  4  2021 b\n");
        diff.vm("", List.of("touch", "fresh"));
        assertThat(diff.vm("", List.of("ls", "-l", "fresh")).stdout())
                .matches("-rw-r--r-- 1 agentos agentos 0 [A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9] fresh\n");
        assertThat(diff.vm("", List.of("ls", "-lh", "big")).stdout()).contains(" 4.9K Jan  1  2020 big");
        assertThat(diff.vm("", List.of("ls", "-l", "dir")).stdout()).startsWith("total ");
        assertThat(diff.vm("", List.of("ls", "-l", "/dev/null", "/dev/ptmx")).stdout())
                .matches("crw-rw-rw- 1 root root 1, 3 .* /dev/null\ncrw-rw-rw- 1 root root 5, 2 .* /dev/ptmx\n");
    }

    @Test void columnsFillDownThenAcross() {
        for (int i = 0; i < 30; i++) diff.file("file" + i, "");
        diff.assertSame("ls", "-C");
        diff.assertSame("ls", "-C", "-w", "40");
        diff.assertSame("ls", "-C", "-w", "20");
        diff.assertSame("ls", "-C", "-w", "0");
        diff.assertSame("ls", "-CF", "-w", "60");
        diff.assertSame("ls", "-C1");
        diff.assertSame("ls", "-w", "x");
    }

    @Test void colorAlwaysUsesGnuDefaultColors() {
        diff.assertSame("chmod", "755", "C");
        diff.assertSame("ls", "--color=always");
        diff.assertSame("ls", "--color=always", "-F", "dir");
        diff.assertSame("ls", "--color=always", "a", "b");
        diff.assertSame("ls", "--color=always", "-C", "-w", "30");
        diff.assertSame("ls", "--color=auto");
        diff.assertSame("ls", "--color=never", "-C", "-w", "30");
        Structural.assertSimilar(diff, Structural::longListing, "ls", "-l", "--color=always", "link", "broken", "dirlink", "C");
    }

    @Test void unknownOptionsAndBadColorExitTwo() {
        diff.assertSame("ls", "-j");
        diff.assertSame("ls", "--bogus");
        diff.assertSame("ls", "--color=sometimes");
    }
}
