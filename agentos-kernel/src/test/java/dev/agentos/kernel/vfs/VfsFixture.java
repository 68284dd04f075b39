package dev.agentos.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.io.FileDescription;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A VM-like setup for tests: a memory root with /tmp (1777) and /home/agentos, and two callers. */
class VfsFixture {
    final TestClock clock = new TestClock();
    final MemoryFileSystem rootFs = MemoryFileSystem.unlimited(clock);
    final Vfs vfs = new Vfs(rootFs, clock);
    final Caller root = new Caller(1, Credentials.ROOT, "/", 022);
    final Caller agent = new Caller(2, Credentials.AGENTOS, "/home/agentos", 022);

    VfsFixture() {
        vfs.mkdir(root, "/tmp", 0777);
        vfs.chmod(root, "/tmp", 01777);
        vfs.mkdir(root, "/home", 0755);
        vfs.mkdir(root, "/home/agentos", 0755);
        vfs.chown(root, "/home/agentos", 1000, 1000, true);
    }

    void write(Caller c, String path, String text) {
        FileDescription fd = vfs.open(c, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            fd.write(b, 0, b.length);
        } finally {
            fd.close();
        }
    }

    String read(Caller c, String path) {
        FileDescription fd = vfs.open(c, path, OpenFlags.O_RDONLY, 0);
        try {
            return readAll(fd);
        } finally {
            fd.close();
        }
    }

    static String readAll(FileDescription fd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = fd.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
        return out.toString(StandardCharsets.UTF_8);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertErrno(ThrowingCallable call, String message) {
        return assertThatThrownBy(call).isInstanceOf(AgentOsException.class).hasMessage(message);
    }
}
