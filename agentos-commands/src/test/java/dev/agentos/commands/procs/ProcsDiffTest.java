package dev.agentos.commands.procs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pgrep, pkill, killall, nice, time, free, top, less and more where their output is deterministic: against the host's. */
class ProcsDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @AfterEach void close() { diff.close(); }

    @Test void pgrepUsageErrorsExitTwo() {
        assumeTrue(CommandDiff.hostHas("pgrep"));
        diff.assertSame("pgrep");
        diff.assertSame("pkill");
        diff.assertSame("pgrep", "-x");
        diff.assertSame("pgrep", "a", "b");
        diff.assertSame("pgrep", "-Q", "x");
        diff.assertSame("pkill", "-Q", "x");
        diff.assertSame("pgrep", "a[");
        diff.assertSame("pgrep", "-u", "nosuchuser", "x");
        diff.assertSame("pgrep", "--help");
        diff.assertSame("pkill", "--help");
        diff.assertSame("pgrep", "-V");
    }

    @Test void pgrepFindingNothingExitsOne() {
        assumeTrue(CommandDiff.hostHas("pgrep"));
        diff.assertSame("pgrep", "no-such-process");
        diff.assertSame("pgrep", "-c", "no-such-process");
        diff.assertSame("pgrep", "-x", "-l", "no-such-process");
        diff.assertSame("pgrep", "thisnameislongerthan15");
        diff.assertSame("pkill", "no-such-process");
        diff.assertSame("pkill", "-9", "-e", "no-such-process");
        diff.assertSame("pkill", "--signal", "KILL", "-c", "no-such-process");
    }

    @Test void killallReportsNamesWithNoProcess() {
        assumeTrue(CommandDiff.hostHas("killall"));
        diff.assertSame("killall", "no-such-process");
        diff.assertSame("killall", "no-such-process", "other-missing");
        diff.assertSame("killall", "-q", "no-such-process");
        diff.assertSame("killall", "-s", "FOO", "x");
        diff.assertSame("killall", "-FOO", "x");
        diff.assertSame("killall", "-9", "no-such-process");
        diff.assertSame("killall", "-l");
        diff.assertSame("killall");
        diff.assertSame("killall", "-u", "nosuchuser");
        diff.assertSame("killall", "-V");
    }

    @Test void nicePrintsAndRaisesNiceness() {
        diff.assertSame("nice");
        diff.assertSame("nice", "nice");
        diff.assertSame("nice", "-n", "5", "nice");
        diff.assertSame("nice", "-3", "nice");
        diff.assertSame("nice", "-n", "100", "nice");
        diff.assertSame("nice", "--adjustment=2", "nice");
        diff.assertSame("nice", "-n", "5", "nice", "-n", "3", "nice");
        diff.assertSame("nice", "-n", "x", "true");
        diff.assertSame("nice", "-n", "5");
        diff.assertSame("nice", "no-such-command");
        diff.assertSame("nice", "-x");
        diff.assertSame("nice", "false");
    }

    @Test void timeFormatsAndStatuses() {
        assumeTrue(CommandDiff.hostHas("time"));
        diff.assertSame("/usr/bin/time", "-f", "%C|%x", "false");
        diff.assertSame("/usr/bin/time", "-q", "-f", "%x %C", "false");
        diff.assertSame("/usr/bin/time", "-f", "%x %Z %% \\t|\\n|%Q", "true");
        diff.assertSame("/usr/bin/time", "-f", "%x%", "true");
        diff.assertSame("/usr/bin/time", "-f", "[%x]", "no-such-command");
        diff.assertSame("/usr/bin/time");
        diff.assertSame("/usr/bin/time", "-x");
        diff.assertSame("/usr/bin/time", "-o", "/no-such-dir/x", "true");
        diff.assertSame("/usr/bin/time", "-V");
        diff.assertSame("/usr/bin/time", "--help");
        diff.assertSame("/usr/bin/time", "-o", "report", "-f", "%x", "true");
        diff.assertSame("cat", "report");
    }

    @Test void freeAndTopRejectBadOptionsLikeProcps() {
        assumeTrue(CommandDiff.hostHas("free") && CommandDiff.hostHas("top"));
        diff.assertSame("free", "-x");
        diff.assertSame("free", "--help");
        diff.assertSame("free", "-V");
        diff.assertSame("top", "-b", "-n", "1", "-o", "FOO");
        diff.assertSame("top", "-b", "-n", "1", "-d", "x");
    }

    @Test void pagersCopyThroughWhenNotOnATerminal() {
        assumeTrue(CommandDiff.hostHas("less") && CommandDiff.hostHas("more"));
        diff.file("f1", "a\nb\n").file("f2", "c\tx\n");
        diff.assertSame("less", "f1");
        diff.assertSame("less", "f1", "f2");
        diff.assertSame("less", "-N", "f1");
        diff.assertSame("more", "f1");
        diff.assertSame("more", "f1", "f2");
        diff.assertSame("more", "f1", "nosuch", "f2");
        diff.assertSame("less", "f1", "nosuch");
        diff.assertSameWithStdin("piped\n", "less");
        diff.assertSameWithStdin("piped\n", "more");
    }
}
