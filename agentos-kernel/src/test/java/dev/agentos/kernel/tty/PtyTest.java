package dev.agentos.kernel.tty;

import static dev.agentos.kernel.tty.PtyHarness.FOREGROUND;
import static dev.agentos.kernel.tty.PtyHarness.HANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.Devices;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PtyTest {
    private final PtyHarness h = new PtyHarness();

    @Test void resizeSendsSigwinchOnlyWhenTheSizeChanges() {
        assertThat(h.pty.terminal().windowSize()).isEqualTo(new WindowSize(80, 24));
        h.pty.terminal().setWindowSize(new WindowSize(120, 40));
        h.pty.terminal().setWindowSize(new WindowSize(120, 40));
        assertThat(h.pty.terminal().windowSize()).isEqualTo(new WindowSize(120, 40));
        assertThat(h.signals.sent).containsExactly(FOREGROUND + ":SIGWINCH");
    }

    @Test void closingTheMasterHangsUpTheSlave() throws Exception {
        CompletableFuture<String> blocked = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> blocked.complete(h.slaveRead()));
        Threads.awaitParked(reader);
        h.master.close();
        assertThat(assertTimeoutPreemptively(HANG, () -> blocked.get())).isEqualTo("<EOF>");
        assertThat(h.slaveRead()).isEqualTo("<EOF>");
        assertThatThrownBy(() -> PtyHarness.write(h.slave, "x"))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EIO)).isTrue());
        assertThat(h.signals.sent).containsExactly(FOREGROUND + ":SIGHUP");
        assertThat(h.slave.readyOps() & Pollable.POLLHUP).isNotZero();
        assertThat(h.pty.isClosed()).isFalse(); // the slave is still open
        h.slave.close();
        assertThat(h.pty.isClosed()).isTrue();
    }

    @Test void closingEverySlaveGivesTheMasterEofAfterTheRemainingOutput() {
        FileDescription second = h.pty.openSlave(OpenFlags.O_RDWR);
        PtyHarness.write(h.slave, "bye\n");
        h.slave.close();
        assertThat(h.master.readyOps() & Pollable.POLLHUP).isZero(); // another slave is still open
        second.close();
        assertThat(h.master.readyOps() & Pollable.POLLHUP).isNotZero();
        byte[] buf = new byte[100];
        int n = h.master.read(buf, 0, buf.length);
        assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("bye\r\n");
        assertThat(h.master.read(buf, 0, buf.length)).isEqualTo(-1);
        assertThatThrownBy(() -> h.type("ls\n"))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EIO)).isTrue());
    }

    @Test void aBlockedMasterReaderWakesWhenTheShellWrites() throws Exception {
        CountDownLatch notified = new CountDownLatch(1);
        h.master.addReadinessListener(notified::countDown);
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[100];
            int n = h.master.read(buf, 0, buf.length);
            out.complete(new String(buf, 0, n, StandardCharsets.UTF_8));
        });
        Threads.awaitParked(reader);
        PtyHarness.write(h.slave, "$ ");
        assertThat(notified.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(assertTimeoutPreemptively(HANG, () -> out.get())).isEqualTo("$ ");
    }

    @Test void interruptedSlaveReadFailsWithEintr() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try { h.slave.read(new byte[10], 0, 10); } catch (Throwable t) { failure.set(t); }
        });
        Threads.awaitParked(reader);
        reader.interrupt();
        reader.join(HANG);
        assertThat(failure.get()).isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EINTR)).isTrue());
        assertThat(reader.isInterrupted()).isFalse();
    }

    @Test void nonBlockingSlaveReadWithoutALineFailsWithEagain() {
        h.slave.setStatusFlags(OpenFlags.O_NONBLOCK);
        h.type("no newline yet");
        assertThatThrownBy(() -> h.slave.read(new byte[10], 0, 10))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
    }

    @Test void typingWhileNobodyReadsTheEchoNeverHangs() throws Exception {
        // 256 KiB typed, echo queue only 64 KiB and never read: echo overflow is dropped, not waited for.
        byte[] line = ("y".repeat(99) + "\n").getBytes(StandardCharsets.UTF_8);
        Thread shell = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[4096];
            while (h.slave.read(buf, 0, buf.length) > 0) { /* consume */ }
        });
        assertTimeoutPreemptively(HANG, () -> {
            for (int i = 0; i < 2600; i++) h.master.write(line, 0, line.length);
        });
        h.master.close();
        shell.join(HANG);
    }

    @Test void masterWriteBlocksWhenTheInputQueueIsFull() throws Exception {
        h.pty.terminal().setAttributes(Termios.defaults().raw());
        h.master.setStatusFlags(OpenFlags.O_NONBLOCK);
        byte[] chunk = new byte[16 * 1024];
        long total = 0;
        try {
            while (true) total += h.master.write(chunk, 0, chunk.length);
        } catch (AgentOsException e) {
            assertThat(e.is(Errno.EAGAIN)).isTrue();
        }
        assertThat(total).isEqualTo(LineDiscipline.INPUT_CAPACITY);
        assertThat(h.master.readyOps() & Pollable.POLLOUT).isZero();
        assertThat(h.slaveRead(1000)).hasSize(1000);
        assertThat(h.master.readyOps() & Pollable.POLLOUT).isNotZero();
    }

    @Test void vminWaitsForThatManyBytesAndZeroVminVtimePolls() throws Exception {
        byte[] cc = Termios.defaults().cc();
        cc[Termios.VMIN] = 3;
        Termios raw = Termios.defaults().raw();
        Termios min3 = new Termios(raw.iflag(), raw.oflag(), raw.cflag(), raw.lflag(), cc);
        h.pty.terminal().setAttributes(min3);
        CompletableFuture<String> read = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> read.complete(h.slaveRead()));
        h.type("ab");
        Threads.awaitParked(reader);
        assertThat(read).isNotDone();
        h.type("c");
        assertThat(assertTimeoutPreemptively(HANG, () -> read.get())).isEqualTo("abc");

        cc[Termios.VMIN] = 0;
        h.pty.terminal().setAttributes(new Termios(raw.iflag(), raw.oflag(), raw.cflag(), raw.lflag(), cc));
        assertThat(h.slaveRead()).isEmpty(); // VMIN=0, VTIME=0: returns at once with nothing
    }

    @Test void bothSidesAreTerminalsWithLinuxDeviceNumbers() {
        assertThat(h.slave.terminal()).containsSame(h.pty.terminal());
        assertThat(h.master.terminal()).containsSame(h.pty.terminal());
        assertThat(h.pty.terminal().name()).isEqualTo("/dev/pts/3");
        assertThat(h.slave.describe()).isEqualTo("/dev/pts/3");
        assertThat(h.master.describe()).isEqualTo("/dev/ptmx");
        assertThat(h.slave.stat().type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(h.slave.stat().rdev()).isEqualTo(Devices.makedev(136, 3));
        assertThat(h.master.stat().rdev()).isEqualTo(Devices.makedev(5, 2));
        assertThat(h.slave.stat().mode()).isEqualTo(0620);
        h.pty.terminal().setSession(7);
        assertThat(h.pty.terminal().session()).isEqualTo(7);
        assertThat(h.pty.terminal().foregroundGroup()).isEqualTo(FOREGROUND);
    }

    @Test void theSlaveCannotBeOpenedOnceTheMasterIsGone() {
        h.master.close();
        assertThatThrownBy(() -> h.pty.openSlave(OpenFlags.O_RDWR))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EIO)).isTrue());
    }
}
