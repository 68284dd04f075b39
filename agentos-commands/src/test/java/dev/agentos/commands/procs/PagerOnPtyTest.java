package dev.agentos.commands.procs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** less, more, top and watch on a PTY (80x24): paging, search, line numbers, quitting with q. */
class PagerOnPtyTest {
    private final CommandDiff diff = new CommandDiff();
    private final Kernel kernel = diff.kernel();

    @BeforeEach void files() {
        diff.file("hundred", IntStream.rangeClosed(1, 100).mapToObj(i -> "line" + i + "\n").collect(Collectors.joining()));
        diff.file("short", "one\ntwo\n");
    }

    @AfterEach void close() { diff.close(); }

    private record Session(GuestProcess process, FileDescription master, Screen screen) {
        void type(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            master.write(b, 0, b.length);
        }

        int exit() throws Exception {
            return process.onExit().get(20, TimeUnit.SECONDS).shellStatus();
        }
    }

    private Session start(String... argv) {
        Pty pty = kernel.ptys().open();
        FileDescription slave = pty.openSlave(OpenFlags.O_RDWR);
        slave.retain();
        slave.retain();
        GuestProcess p = kernel.processes().spawn(SpawnRequest.of(argv[0], List.of(argv).subList(1, argv.length))
                .withEnv(Map.of("PATH", "/usr/bin:/bin", "TZ", "UTC")).withCwd(CommandDiff.VM_DIR)
                .withGroup(new SpawnRequest.ProcessGroup.NewSession(0)), Credentials.AGENTOS, Map.of(0, slave, 1, slave, 2, slave));
        FileDescription master = pty.master();
        master.retain();
        return new Session(p, master, new Screen(master));
    }

    @Test void lessPagesForwardAndBackAndQuits() throws Exception {
        Session s = start("less", "hundred");
        int at = s.screen().await("line23\r\n:", 0);
        assertThat(s.screen().text()).doesNotContain("line24");
        s.type(" ");
        at = s.screen().await("line24\r\n", at);
        at = s.screen().await("line46\r\n:", at);
        s.type("b");
        at = s.screen().await("line1\r\n", at);
        s.type("G");
        at = s.screen().await("line100\r\n\033[7m(END)", at);
        s.type("g\033[B");
        s.screen().await("line2\r\n", at);
        s.type("q");
        assertThat(s.exit()).isZero();
    }

    @Test void lessSearchesAndHighlightsMatches() throws Exception {
        Session s = start("less", "hundred");
        int at = s.screen().await(":", 0);
        s.type("/line5\r");
        at = s.screen().await("\033[7mline5\033[27m\r\n", at);
        s.type("n");
        at = s.screen().await("\033[7mline5\033[27m0\r\n", at);
        s.type("/nothing-like-this\r");
        at = s.screen().await("Pattern not found", at);
        s.type("q");
        assertThat(s.exit()).isZero();
    }

    @Test void lessNumbersLinesAndQuitsAtOnceWhenTheTextFits() throws Exception {
        Session n = start("less", "-N", "hundred");
        n.screen().await("     23 line23\r\n:", 0);
        n.type("q");
        assertThat(n.exit()).isZero();

        Session f = start("less", "-F", "short");
        assertThat(f.exit()).isZero();
        assertThat(f.screen().awaitEnd()).contains("one\r\ntwo\r\n").doesNotContain("(END)");
    }

    @Test void moreShowsItsPercentPromptAndEndsAtTheEnd() throws Exception {
        Session s = start("more", "hundred");
        int at = s.screen().await("--More--(23%)", 0);
        s.type(" ");
        at = s.screen().await("--More--(46%)", at);
        s.type("q");
        assertThat(s.exit()).isZero();

        Session end = start("more", "hundred");
        at = end.screen().await("--More--", 0);
        for (int i = 0; i < 4; i++) end.type(" ");
        assertThat(end.exit()).isZero();
    }

    @Test void topRedrawsUntilQ() throws Exception {
        Session s = start("top", "-d", "0.1");
        int at = s.screen().await("  PID USER      PR  NI", 0);
        at = s.screen().await("top - ", at); // a second frame
        s.type("q");
        assertThat(s.exit()).isZero();
        assertThat(s.screen().awaitEnd()).endsWith("\033[?25h\033[?1049l");
    }

    @Test void watchRedrawsOnATerminalAndEndsOnInterrupt() throws Exception {
        Session s = start("watch", "-x", "-n", "0.1", "cat", "short");
        int at = s.screen().await("Every 0.1s: cat short", 0);
        at = s.screen().await("two", at);
        s.screen().await("Every 0.1s", at); // redrawn
        s.type("\003");
        assertThat(s.process().onExit().get(20, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Exited(0));
    }
}
