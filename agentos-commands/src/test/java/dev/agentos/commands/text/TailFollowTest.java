package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tail -f/-F/--pid in the VM. Nothing sleeps to synchronise: each step appends data and waits until
 * tail's output shows it (GNU's follow output is timing-dependent, so these assert expected text).
 */
class TailFollowTest {
    private final CommandDiff diff = new CommandDiff();
    private final Caller caller = new Caller(0, Credentials.AGENTOS, "/", 022);

    @AfterEach void close() { diff.close(); }

    /** A running VM process whose stdout we read as it comes. */
    private final class Running {
        final GuestProcess process;
        final FileDescription out;
        final FileDescription err;
        final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Running(List<String> argv, FileDescription stdin) {
            Pipe o = diff.kernel().pipes().create();
            Pipe e = diff.kernel().pipes().create();
            process = diff.kernel().processes().spawn(
                    SpawnRequest.of(argv.get(0), argv.subList(1, argv.size())).withCwd(CommandDiff.VM_DIR)
                            .withEnv(Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C")),
                    Credentials.AGENTOS, Map.of(0, stdin, 1, o.writeEnd(), 2, e.writeEnd()));
            out = o.readEnd();
            err = e.readEnd();
        }

        /** Reads stdout until it has produced exactly {@code expected} so far. */
        String awaitOutput(String expected) {
            return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                byte[] buf = new byte[4096];
                while (seen.toString(StandardCharsets.UTF_8).length() < expected.length()) {
                    int n = out.read(buf, 0, buf.length);
                    if (n <= 0) break;
                    seen.write(buf, 0, n);
                }
                return seen.toString(StandardCharsets.UTF_8);
            });
        }

        String stderrToEnd() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = err.read(buf, 0, buf.length)) > 0) b.write(buf, 0, n);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    private void append(String name, String text) {
        var f = diff.kernel().vfs().open(caller, CommandDiff.VM_DIR + "/" + name, OpenFlags.O_WRONLY | OpenFlags.O_APPEND | OpenFlags.O_CREAT, 0644);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        f.write(b, 0, b.length);
        f.close();
    }

    private FileDescription emptyStdin() {
        Pipe in = diff.kernel().pipes().create();
        in.writeEnd().close();
        return in.readEnd();
    }

    @Test void followPrintsAppendedDataUntilKilled() {
        diff.file("log", "one\ntwo\n");
        Running tail = new Running(List.of("tail", "-f", "-s", "0.01", "-n", "1", "log"), emptyStdin());
        assertThat(tail.awaitOutput("two\n")).isEqualTo("two\n");
        append("log", "three\n");
        assertThat(tail.awaitOutput("two\nthree\n")).isEqualTo("two\nthree\n");
        append("log", "four");
        assertThat(tail.awaitOutput("two\nthree\nfour")).isEqualTo("two\nthree\nfour");
        tail.process.signal(Signal.SIGTERM);
        assertThat(tail.process.onExit().join().shellStatus()).isEqualTo(128 + 15);
    }

    @Test void followSeveralFilesSwitchesHeaders() {
        diff.file("a", "a1\n").file("b", "b1\n");
        Running tail = new Running(List.of("tail", "-f", "-s", "0.01", "a", "b"), emptyStdin());
        String start = "==> a <==\na1\n\n==> b <==\nb1\n";
        assertThat(tail.awaitOutput(start)).isEqualTo(start);
        append("a", "a2\n");
        assertThat(tail.awaitOutput(start + "\n==> a <==\na2\n")).isEqualTo(start + "\n==> a <==\na2\n");
        tail.process.signal(Signal.SIGTERM);
        tail.process.onExit().join();
    }

    @Test void followWithPidEndsWhenTheWriterExits() {
        diff.file("log", "x\n");
        Pipe hold = diff.kernel().pipes().create();
        Running writer = new Running(List.of("cat"), hold.readEnd());
        Running tail = new Running(List.of("tail", "-s", "0.01", "--pid=" + writer.process.pid(), "-f", "log"), emptyStdin());
        assertThat(tail.awaitOutput("x\n")).isEqualTo("x\n");
        append("log", "y\n");
        assertThat(tail.awaitOutput("x\ny\n")).isEqualTo("x\ny\n");
        hold.writeEnd().close();
        assertThat(writer.process.onExit().join().shellStatus()).isZero();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> tail.process.onExit().join().shellStatus())).isZero();
    }

    @Test void followByNameNoticesTruncationAndReplacement() {
        diff.file("log", "old\n");
        Running tail = new Running(List.of("tail", "-F", "-s", "0.01", "log"), emptyStdin());
        assertThat(tail.awaitOutput("old\n")).isEqualTo("old\n");
        diff.kernel().vfs().unlink(caller, CommandDiff.VM_DIR + "/log");
        append("log", "new\n");
        assertThat(tail.awaitOutput("old\nnew\n")).isEqualTo("old\nnew\n");
        tail.process.signal(Signal.SIGTERM);
        tail.process.onExit().join();
        assertThat(tail.stderrToEnd()).contains("tail: 'log' ");
    }

    @Test void followOnAPipeJustCopiesIt() {
        Pipe in = diff.kernel().pipes().create();
        Running tail = new Running(List.of("tail", "-f", "-n", "1"), in.readEnd());
        byte[] b = "p\nq\n".getBytes(StandardCharsets.UTF_8);
        in.writeEnd().write(b, 0, b.length);
        in.writeEnd().close();
        assertThat(tail.awaitOutput("q\n")).isEqualTo("q\n");
        assertThat(tail.process.onExit().join().shellStatus()).isZero();
    }
}
