package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.Credentials;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** bash on a PTY: prompt, echo, line editing, history, ^C, ^D, and a foreground job receiving ^C. */
class InteractiveShellTest {
    private final ShellVm vm = new ShellVm();

    @AfterEach void close() { vm.close(); }

    /** The terminal screen as the master side reads it. */
    static final class Screen {
        private final StringBuilder text = new StringBuilder();
        private boolean ended;

        Screen(FileDescription master) {
            Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = master.read(buf, 0, buf.length)) > 0) {
                        synchronized (this) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            notifyAll();
                        }
                    }
                } catch (RuntimeException e) {
                    // the terminal went away
                }
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            });
        }

        /** Waits until {@code s} appears after position {@code from}; returns the position after it. */
        synchronized int await(String s, int from) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (text.indexOf(s, from) < 0) {
                if (ended || System.currentTimeMillis() > deadline) throw new AssertionError("screen never showed '" + s + "': "
                        + text.toString().replace("\r", "\\r").replace("\n", "\\n"));
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            return text.indexOf(s, from) + s.length();
        }

        synchronized String text() { return text.toString(); }
    }

    private record Session(GuestProcess process, FileDescription master, Screen screen, Pty pty) {
        void type(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            try {
                master.write(b, 0, b.length);
            } catch (RuntimeException e) {
                throw new AssertionError("typing failed; screen: " + screen.text().replace("\r", "\\r").replace("\n", "\\n"), e);
            }
        }
    }

    private Session start(Map<String, String> env) {
        Pty pty = vm.kernel.ptys().open();
        FileDescription slave = pty.openSlave(OpenFlags.O_RDWR);
        slave.retain();
        slave.retain();
        GuestProcess p = vm.kernel.processes().spawn(SpawnRequest.of("bash", List.of()).withEnv(env).withCwd("/tmp")
                .withGroup(new SpawnRequest.ProcessGroup.NewSession(0)), Credentials.AGENTOS, Map.of(0, slave, 1, slave, 2, slave));
        FileDescription master = pty.master();
        master.retain();
        return new Session(p, master, new Screen(master), pty);
    }

    private Session start() {
        return start(Map.of("PATH", "/bin:/usr/bin", "HOME", "/home/agentos", "PS1", "$ "));
    }

    @Test void defaultPromptNamesShellAndVersion() {
        Session s = start(Map.of("PATH", "/bin:/usr/bin", "HOME", "/home/agentos"));
        s.screen().await("bash-5.2$ ", 0);
    }

    @Test void promptEscapesShowUserAndDirectory() {
        Session s = start(Map.of("PATH", "/bin:/usr/bin", "HOME", "/home/agentos", "PS1", "[\\u@\\h \\W]\\$ "));
        s.screen().await("[agentos@agentos tmp]$ ", 0);
    }

    @Test void typedCommandIsEchoedAndRun() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("echo hello\r");
        p = s.screen().await("echo hello", p);
        s.screen().await("hello\r\n$ ", p);
    }

    @Test void backspaceAndCursorKeysEditTheLine() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("echo abd\u007fc\r");
        p = s.screen().await("abc\r\n$ ", p);
        // type the end first, go home with ^A, insert the start, ^E, run
        s.type("cho moved\u0001e\u0005\r");
        p = s.screen().await("moved\r\n$ ", p);
        // left arrow, insert, run
        s.type("echo ac\u001b[Db\r");
        s.screen().await("abc\r\n$ ", p);
    }

    @Test void controlUAndControlWErase() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("garbage words\u0015echo kept\r");
        p = s.screen().await("kept\r\n$ ", p);
        s.type("echo one two\u0017three\r");
        s.screen().await("one three\r\n$ ", p);
    }

    @Test void upArrowRecallsHistory() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("echo first\r");
        p = s.screen().await("first\r\n$ ", p);
        s.type("echo second\r");
        p = s.screen().await("second\r\n$ ", p);
        s.type("\u001b[A\u001b[A\r");
        s.screen().await("first\r\n$ ", p);
    }

    @Test void controlCCancelsTheLine() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("echo never\u0003");
        p = s.screen().await("^C\r\n$ ", p);
        s.type("echo $?\r");
        s.screen().await("130\r\n$ ", p);
        assertThat(s.screen().text()).doesNotContain("never\r\n");
    }

    @Test void controlDOnEmptyLineExits() throws Exception {
        Session s = start();
        s.screen().await("$ ", 0);
        s.type("false\r");
        s.type("\u0004");
        ExitStatus st = s.process().onExit().get(10, TimeUnit.SECONDS);
        assertThat(st.shellStatus()).isEqualTo(1);
        s.screen().await("exit", 0);
    }

    @Test void continuationLinesUsePs2() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("if true\r");
        p = s.screen().await("> ", p);
        s.type("then echo cont; fi\r");
        s.screen().await("cont\r\n$ ", p);
    }

    @Test void foregroundJobReceivesControlC() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("sleep 100\r");
        awaitForeground(s, "sleep");
        s.type("\u0003");
        p = s.screen().await("$ ", p);
        s.type("echo status $?\r");
        s.screen().await("status 130", p);
    }

    // It was flaky for four reasons, all fixed: the stopped cat stayed blocked in its terminal read and took
    // the shell's next input (the kernel now wakes a stopped process's blocking call so it parks and restarts
    // after SIGCONT, and a PTY read interrupted after its wake-up no longer takes input that arrived
    // meanwhile); a reader blocked in raw mode read canonical input after the shell switched modes, leaving a
    // spurious end of file (raw reads now return to canonical when the mode changes); and cat could read
    // before the shell's tcsetpgrp and stop on SIGTTIN (waitpid now reports the real stop signal, and the
    // shell continues a job that stopped on SIGTTIN/SIGTTOU while it was being given the terminal).
    @Test void controlZStopsTheJobAndFgResumesIt() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("cat\r");
        awaitForeground(s, "cat");
        s.type("\u001a");
        p = s.screen().await("Stopped", p);
        p = s.screen().await("$ ", p);
        s.type("jobs\r");
        p = s.screen().await("[1]+  Stopped", p);
        p = s.screen().await("$ ", p);
        s.type("fg\r");
        awaitForeground(s, "cat");
        s.type("resumed\r");
        p = s.screen().await("resumed\r\nresumed\r\n", p);
        s.type("\u0004");
        p = s.screen().await("$ ", p);
        s.type("echo back $?\r");
        s.screen().await("back 0", p);
    }

    @Test void historyFileIsReadAtStartAndWrittenOnExit() throws Exception {
        vm.bash("mkdir -p /tmp/h && printf 'echo from-file\\n' > /tmp/h/.bash_history");
        Session s = start(Map.of("PATH", "/bin:/usr/bin", "HOME", "/tmp/h", "PS1", "$ "));
        int p = s.screen().await("$ ", 0);
        s.type("\u001b[A\r"); // the up arrow recalls the line from the file
        p = s.screen().await("from-file\r\n$ ", p);
        s.type("echo typed\r");
        p = s.screen().await("typed\r\n$ ", p);
        s.type("history\r");
        p = s.screen().await("    3  echo typed\r\n    4  history\r\n$ ", p);
        s.type("exit\r");
        assertThat(s.process().onExit().get(10, TimeUnit.SECONDS).shellStatus()).isZero();
        assertThat(vm.bash("cat /tmp/h/.bash_history").stdout())
                .isEqualTo("echo from-file\necho from-file\necho typed\nhistory\nexit\n");
    }

    @Test void tabCompletesCommandsAndFileNames() {
        vm.bash("mkdir -p /tmp/comp/subdir && touch /tmp/comp/file.txt /tmp/comp/fig.txt");
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("ech\t"); // a unique command gets a space after it
        p = s.screen().await("echo ", p);
        s.type("/tmp/comp/su\t"); // a directory gets a slash
        p = s.screen().await("/tmp/comp/subdir/", p);
        s.type("\r");
        p = s.screen().await("/tmp/comp/subdir/\r\n$ ", p);
        s.type("ls /tmp/comp/fi\t"); // the common prefix, then a second Tab lists the candidates
        s.type("\t");
        p = s.screen().await("fig.txt  file.txt\r\n", p);
        s.type("l\t\r");
        s.screen().await("/tmp/comp/file.txt\r\n$ ", p);
    }

    @Test void backgroundJobIsReportedWhenDone() {
        Session s = start();
        int p = s.screen().await("$ ", 0);
        s.type("true &\r");
        p = s.screen().await("[1] ", p);
        p = s.screen().await("$ ", p);
        s.type("wait; echo waited\r");
        s.screen().await("waited", p);
    }

    @Test void exitBuiltinEndsTheSession() throws Exception {
        Session s = start();
        s.screen().await("$ ", 0);
        s.type("exit 7\r");
        assertThat(s.process().onExit().get(10, TimeUnit.SECONDS).shellStatus()).isEqualTo(7);
    }

    /** Waits until a process named {@code name} leads the terminal's foreground group, running or blocked in a read (not stopped). */
    private void awaitForeground(Session s, String name) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (vm.kernel.processes().list().stream().noneMatch(p -> p.argv().get(0).equals(name) && p.exitStatus().isEmpty()
                && (p.state() == dev.agentos.kernel.proc.ProcessState.RUNNING || p.state() == dev.agentos.kernel.proc.ProcessState.SLEEPING)
                && p.pgid() == s.pty().terminal().foregroundGroup())) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError(name + " never led the terminal; fg group "
                    + s.pty().terminal().foregroundGroup() + ", processes " + vm.kernel.processes().list().stream()
                    .map(p -> p.pid() + "/" + p.pgid() + " " + p.argv() + " " + p.exitStatus()).toList() + ", screen: "
                    + s.screen().text().replace("\r", "\\r").replace("\n", "\\n"));
            Thread.onSpinWait();
        }
    }
}
