package dev.agentos.kernel.proc;

import static dev.agentos.kernel.TestVm.out;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.TestVm;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.tty.WindowSize;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A process on a PTY: the line discipline, ^C to the foreground group, SIGWINCH, /dev/tty. */
class TerminalJobControlTest {
    static final ProgramRegistry PROGRAMS = TestVm.programs()
            .add("lines", ctx -> {
                byte[] buf = new byte[256];
                int n;
                while ((n = ctx.read(0, buf, 0, buf.length)) > 0) {
                    out(ctx, "got " + new String(buf, 0, n, StandardCharsets.UTF_8).strip() + "\n");
                }
                out(ctx, "eof\n");
                return 0;
            })
            .add("winch", ctx -> {
                ctx.signalDisposition(Signal.SIGWINCH, SignalDisposition.CATCH);
                out(ctx, "tty " + ctx.isatty(0) + " " + ctx.terminal(0).windowSize() + "\n");
                try {
                    ctx.read(0, new byte[16], 0, 16);
                } catch (AgentOsException e) {
                    out(ctx, ctx.takePendingSignals() + " " + ctx.terminal(0).windowSize() + "\n");
                }
                return 0;
            })
            .add("devtty", ctx -> {
                int fd = ctx.open("/dev/tty", OpenFlags.O_WRONLY, 0);
                byte[] b = "via /dev/tty\n".getBytes(StandardCharsets.UTF_8);
                ctx.write(fd, b, 0, b.length);
                return 0;
            })
            .build();

    private final TestVm vm = new TestVm(PROGRAMS);

    @AfterEach void close() { vm.close(); }

    private record Session(Pty pty, FileDescription master, GuestProcess process, TestVm.Collector output) {
        void type(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            master.write(b, 0, b.length);
        }
    }

    private Session startOnPty(String program) {
        Pty pty = vm.kernel.ptys().open();
        FileDescription slave = pty.openSlave(OpenFlags.O_RDWR);
        slave.retain();
        slave.retain();
        GuestProcess p = vm.kernel.processes().spawn(SpawnRequest.of(program, List.of()).withEnv(Map.of("PATH", "/bin"))
                .withCwd("/").withGroup(new SpawnRequest.ProcessGroup.NewSession(0)), Credentials.AGENTOS,
                Map.of(0, slave, 1, slave, 2, slave));
        FileDescription master = pty.master();
        master.retain();
        return new Session(pty, master, p, TestVm.collect(master));
    }

    @Test void canonicalInputIsEchoedAndDeliveredLineByLine() {
        Session s = startOnPty("lines");
        s.type("hello\r");
        s.output().awaitContains("got hello\r\n");
        s.type("wor\u007fld\r");
        s.output().awaitContains("got wold\r\n");
        s.type("\u0004");
        assertThat(s.process().onExit().join().shellStatus()).isZero();
        s.master().close();
        assertThat(s.output().result().join()).isEqualTo("hello\r\ngot hello\r\nwor\b \bld\r\ngot wold\r\neof\r\n");
    }

    @Test void controlCInterruptsTheForegroundProcessWithSigint() {
        Session s = startOnPty("lines");
        s.type("partial");
        s.output().awaitContains("partial");
        s.type("\u0003");
        ExitStatus status = s.process().onExit().join();
        assertThat(status).isEqualTo(new ExitStatus.Signaled(Signal.SIGINT));
        assertThat(status.shellStatus()).isEqualTo(130);
        s.master().close();
    }

    @Test void resizingTheTerminalSendsSigwinch() {
        Session s = startOnPty("winch");
        s.output().awaitContains("tty true WindowSize[cols=80, rows=24]\r\n");
        s.pty().terminal().setWindowSize(new WindowSize(120, 40));
        s.output().awaitContains("[SIGWINCH] WindowSize[cols=120, rows=40]\r\n");
        assertThat(s.process().onExit().join().shellStatus()).isZero();
        s.master().close();
    }

    @Test void devTtyIsTheControllingTerminal() {
        Session s = startOnPty("devtty");
        assertThat(s.process().onExit().join().shellStatus()).isZero();
        s.output().awaitContains("via /dev/tty\r\n");
        s.master().close();
    }
}
