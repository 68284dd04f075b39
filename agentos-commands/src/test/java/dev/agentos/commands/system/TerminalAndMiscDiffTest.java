package dev.agentos.commands.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tty, stty, clear, nproc, uptime, ps, mkfifo, sync and which. Standard input is a pipe on both sides, so
 * the not-a-terminal paths diff exactly; uptime, ps and nproc depend on the host and are checked for shape.
 */
class TerminalAndMiscDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("stty") && CommandDiff.hostHas("nproc")); }

    @AfterEach void close() { diff.close(); }

    @Test void ttyAndSttyWithoutATerminal() {
        diff.assertSame("tty");
        diff.assertSame("tty", "-s");
        diff.assertSame("tty", "--quiet");
        diff.assertSame("tty", "x");
        diff.assertSame("tty", "-x");
        diff.assertSame("stty");
        diff.assertSame("stty", "-a");
        diff.assertSame("stty", "size");
    }

    @Test void nprocCountsProcessors() {
        diff.assertSame("nproc", "--ignore=1000");
        diff.assertSame("env", "OMP_NUM_THREADS=3", "nproc");
        diff.assertSame("env", "OMP_NUM_THREADS=3", "nproc", "--ignore=1");
        diff.assertSame("nproc", "--ignore=x");
        diff.assertSame("nproc", "x");
        diff.assertSame("nproc", "--bogus");
        assertThat(diff.vm("", List.of("nproc")).stdout()).matches("[1-9][0-9]*\n");
        assertThat(diff.vm("", List.of("nproc", "--all")).stdout()).matches("[1-9][0-9]*\n");
    }

    @Test void uptimeHasProcpsShape() {
        String re = " \\d\\d:\\d\\d:\\d\\d up .*,  \\d+ users?,  load average: \\d+\\.\\d\\d, \\d+\\.\\d\\d, \\d+\\.\\d\\d\n";
        assertThat(diff.vm("", List.of("uptime")).stdout()).matches(re);
        assertThat(diff.host("", List.of("uptime")).stdout()).matches(re);
        assertThat(diff.vm("", List.of("uptime", "-p")).stdout()).matches("up \\d+ minutes?\n");
        assertThat(diff.vm("", List.of("uptime", "-s")).stdout()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\n");
        assertThat(diff.host("", List.of("uptime", "-s")).stdout()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\n");
        diff.assertSame("uptime", "x");
    }

    @Test void psHasProcpsHeadersAndColumns() {
        assertThat(diff.vm("", List.of("ps", "-e")).stdout()).startsWith("  PID TTY          TIME CMD\n")
                .containsPattern("(?m)^ +\\d+ \\?        00:00:00 ps$");
        assertThat(diff.vm("", List.of("ps", "-ef")).stdout())
                .startsWith("UID        PID  PPID  C STIME TTY          TIME CMD\n")
                .containsPattern("(?m)^agentos +\\d+ +\\d+  0 \\d\\d:\\d\\d \\?        00:00:00 ps -ef$");
        assertThat(diff.vm("", List.of("ps", "aux")).stdout())
                .startsWith("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
        assertThat(diff.vm("", List.of("ps", "-o", "pid,ppid,pgid,sid,user,comm,args,stat,tty,etime,time,%cpu,%mem,rss,vsz", "-e"))
                .stdout()).startsWith("  PID  PPID  PGID   SID USER     COMMAND         COMMAND                     STAT TT"
                        + "           ELAPSED     TIME %CPU %MEM   RSS    VSZ\n");
        // the same headers from procps on the host
        assertThat(diff.host("", List.of("ps", "-o", "pid,ppid,pgid,sid,user,comm,args,stat,tty,etime,time,%cpu,%mem,rss,vsz", "-p", "1"))
                .stdout()).startsWith("  PID  PPID  PGID   SID USER     COMMAND         COMMAND                     STAT TT"
                        + "           ELAPSED     TIME %CPU %MEM   RSS    VSZ\n");
        diff.assertSame("ps", "-o", "pid=", "-p", "999999");
        diff.assertSame("ps", "-p", "999999");
        diff.assertSame("ps", "-o", "pid=X,comm=Y", "-p", "999999");
        diff.assertSame("ps", "x", "y");
        assertThat(diff.vm("", List.of("ps", "-o", "pid=", "-e")).stdout()).matches("( +\\d+\n)+");
        assertThat(diff.vm("", List.of("ps", "-o", "comm", "--no-headers", "-e")).stdout()).contains("ps\n");
    }

    @Test void mkfifoCreatesPipesWithModes() {
        diff.file("exists", "");
        diff.assertSame("mkfifo", "p1", "p2");
        diff.assertSame("mkfifo", "-m", "600", "p3");
        diff.assertSame("mkfifo", "-m", "u=rw,go=r", "p4");
        diff.assertSame("mkfifo", "exists");
        diff.assertSame("mkfifo", "no/such/dir");
        diff.assertSame("mkfifo");
        var st = diff.kernel().vfs();
        assertThat(st).isNotNull();
    }

    @Test void syncAcceptsFilesAndReportsMissingOnes() {
        diff.file("f", "x");
        diff.assertSame("sync");
        diff.assertSame("sync", "f");
        diff.assertSame("sync", "-d", "f");
        diff.assertSame("sync", "-f", "f");
        diff.assertSame("sync", "missing");
        diff.assertSame("sync", "-d");
        diff.assertSame("sync", "-d", "-f", "f");
    }

    @Test void whichSearchesPath() {
        diff.assertSame("which");
        diff.assertSame("which", "no-such-command-xyz");
        diff.assertSame("which", "./missing");
        diff.assertSame("env", "PATH=", "which", "sh");
        // the VM's commands live in /bin and /usr/bin
        assertThat(diff.vm("", List.of("which", "env")).stdout()).isEqualTo("/usr/bin/env\n");
        assertThat(diff.vm("", List.of("which", "-a", "date", "missing"))).isEqualTo(new CommandDiff.Outcome(1, "/bin/date\n", ""));
        assertThat(diff.vm("", List.of("which", "-x")).exitCode()).isEqualTo(2);
    }

    @Test void clearPrintsTheXtermSequence() {
        assertThat(diff.vm("", List.of("clear")).stdout()).isEqualTo("\033[H\033[2J\033[3J");
        assertThat(diff.vm("", List.of("clear", "-x")).stdout()).isEqualTo("\033[H\033[2J");
    }
}
