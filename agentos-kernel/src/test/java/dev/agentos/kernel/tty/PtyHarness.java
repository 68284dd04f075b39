package dev.agentos.kernel.tty;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A PTY with an open slave, plus the small moves every test makes: type, read a line, see the screen. */
final class PtyHarness {
    static final Duration HANG = Duration.ofSeconds(10);
    static final int FOREGROUND = 42;

    final RecordingSignals signals = new RecordingSignals();
    final Pty pty = new Pty(3, signals);
    final FileDescription master = pty.master();
    final FileDescription slave = pty.openSlave(OpenFlags.O_RDWR);

    PtyHarness() { pty.terminal().setForegroundGroup(FOREGROUND); }

    void type(String s) { write(master, s); }

    void type(byte... bytes) { master.write(bytes, 0, bytes.length); }

    static void write(FileDescription d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.write(b, 0, b.length);
    }

    /** One slave read of up to {@code max} bytes, failing instead of hanging. */
    String slaveRead(int max) {
        return assertTimeoutPreemptively(HANG, () -> {
            byte[] buf = new byte[max];
            int n = slave.read(buf, 0, max);
            return n < 0 ? "<EOF>" : new String(buf, 0, n, StandardCharsets.UTF_8);
        });
    }

    String slaveRead() { return slaveRead(8192); }

    /** Everything the master can read right now (echo and output are queued synchronously). */
    String screen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while ((master.readyOps() & Pollable.POLLIN) != 0) {
            int n = master.read(buf, 0, buf.length);
            if (n < 0) break;
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    boolean slaveReadable() { return (slave.readyOps() & Pollable.POLLIN) != 0; }
}
