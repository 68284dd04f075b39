package dev.agentos.kernel.io;

import static dev.agentos.kernel.io.PipeTest.awaitParked;
import static dev.agentos.kernel.io.PipeTest.bytes;
import static dev.agentos.kernel.vfs.OpenFlags.O_NONBLOCK;
import static dev.agentos.kernel.vfs.OpenFlags.O_RDONLY;
import static dev.agentos.kernel.vfs.OpenFlags.O_RDWR;
import static dev.agentos.kernel.vfs.OpenFlags.O_WRONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FifosTest {
    private static final Duration HANG = Duration.ofSeconds(10);
    private final Fifos fifos = new Fifos();
    private final FifoVnode node = new FifoVnode(77);

    @Test void readerOpenBlocksUntilAWriterOpensThenDataFlows() throws Exception {
        CompletableFuture<FileDescription> reader = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> reader.complete(fifos.open(node, O_RDONLY, "/tmp/f")));
        awaitParked(t);
        assertThat(reader).isNotDone();
        FileDescription w = fifos.open(node, O_WRONLY, "/tmp/f"); // a reader is waiting: no block
        FileDescription r = assertTimeoutPreemptively(HANG, () -> reader.get());
        w.write(bytes("hello"), 0, 5);
        w.close();
        assertThat(new String(PipeTest.readAll(r))).isEqualTo("hello");
    }

    @Test void writerOpenBlocksUntilAReaderOpens() throws Exception {
        CompletableFuture<FileDescription> writer = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> writer.complete(fifos.open(node, O_WRONLY, "/tmp/f")));
        awaitParked(t);
        assertThat(writer).isNotDone();
        fifos.open(node, O_RDONLY, "/tmp/f");
        assertThat(assertTimeoutPreemptively(HANG, () -> writer.get()).flags()).isEqualTo(O_WRONLY);
    }

    @Test void nonBlockingReaderOpensAloneAndSeesNoHangupUntilAWriterCame() {
        FileDescription r = fifos.open(node, O_RDONLY | O_NONBLOCK, "/tmp/f");
        assertThat(r.readyOps()).isZero(); // Linux hides POLLHUP until a writer has been seen
        assertThat(r.read(new byte[4], 0, 4)).isEqualTo(-1);
        fifos.open(node, O_WRONLY, "/tmp/f").close();
        assertThat(r.readyOps()).isEqualTo(Pollable.POLLIN | Pollable.POLLHUP);
    }

    @Test void nonBlockingWriterWithoutReaderFailsWithEnxio() {
        assertThatThrownBy(() -> fifos.open(node, O_WRONLY | O_NONBLOCK, "/tmp/f"))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.ENXIO)).isTrue())
                .hasMessage("ENXIO: no such device or address, open '/tmp/f'");
        assertThat(fifos.activeCount()).isZero();
        fifos.open(node, O_RDONLY | O_NONBLOCK, "/tmp/f");
        assertThat(fifos.open(node, O_WRONLY | O_NONBLOCK, "/tmp/f").flags() & O_WRONLY).isNotZero();
    }

    @Test void readWriteOpenNeverBlocksAndNeverSeesEof() {
        FileDescription rw = assertTimeoutPreemptively(HANG, () -> fifos.open(node, O_RDWR, "/tmp/f"));
        rw.write(bytes("x"), 0, 1);
        assertThat(rw.read(new byte[4], 0, 4)).isEqualTo(1);
        rw.setStatusFlags(O_NONBLOCK);
        assertThatThrownBy(() -> rw.read(new byte[4], 0, 4)) // its own write side keeps EOF away
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
    }

    @Test void interruptedOpenFailsWithEintrAndLeavesNothingBehind() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try { fifos.open(node, O_RDONLY, "/tmp/f"); } catch (Throwable e) { failure.set(e); }
        });
        awaitParked(t);
        t.interrupt();
        t.join(HANG);
        assertThat(failure.get()).isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EINTR)).isTrue());
        assertThat(fifos.activeCount()).isZero();
    }

    @Test void thePipeAndItsUnreadDataGoAwayWhenEverySideCloses() {
        FileDescription rw = fifos.open(node, O_RDWR, "/tmp/f");
        rw.write(bytes("stale"), 0, 5);
        assertThat(fifos.activeCount()).isEqualTo(1);
        rw.close();
        assertThat(fifos.activeCount()).isZero();
        FileDescription again = fifos.open(node, O_RDWR | O_NONBLOCK, "/tmp/f");
        assertThatThrownBy(() -> again.read(new byte[8], 0, 8))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
    }

    @Test void eachVnodeHasItsOwnPipeAndDescriptionsShowTheNode() {
        FifoVnode other = new FifoVnode(78);
        FileDescription a = fifos.open(node, O_RDWR, "/tmp/a");
        FileDescription b = fifos.open(other, O_RDWR | O_NONBLOCK, "/tmp/b");
        a.write(bytes("a"), 0, 1);
        assertThatThrownBy(() -> b.read(new byte[4], 0, 4))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
        assertThat(a.describe()).isEqualTo("/tmp/a");
        assertThat(a.stat().ino()).isEqualTo(77);
        assertThat(a.stat().type()).isEqualTo(FileType.FIFO);
        assertThat(fifos.activeCount()).isEqualTo(2);
    }
}
