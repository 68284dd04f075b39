package dev.agentos.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PipeTest {
    private static final Duration HANG = Duration.ofSeconds(10);

    @Test void readerSeesEofOnlyAfterTheLastWriterReferenceCloses() {
        Pipe pipe = Pipe.create();
        FileDescription w = pipe.writeEnd();
        w.retain(); // a dup'd descriptor
        w.write(bytes("hi"), 0, 2);
        w.close();
        byte[] buf = new byte[10];
        assertThat(pipe.readEnd().read(buf, 0, 10)).isEqualTo(2);
        assertThat(pipe.readEnd().readyOps() & Pollable.POLLHUP).isZero(); // one writer still open
        w.close();
        assertTimeoutPreemptively(HANG, () -> assertThat(pipe.readEnd().read(buf, 0, 10)).isEqualTo(-1));
        assertThat(pipe.readEnd().readyOps()).isEqualTo(Pollable.POLLIN | Pollable.POLLHUP);
    }

    @Test void dataWrittenBeforeTheWriterClosesIsStillReadBeforeEof() {
        Pipe pipe = Pipe.create();
        pipe.writeEnd().write(bytes("last words"), 0, 10);
        pipe.writeEnd().close();
        byte[] buf = new byte[64];
        assertThat(pipe.readEnd().read(buf, 0, 64)).isEqualTo(10);
        assertThat(pipe.readEnd().read(buf, 0, 64)).isEqualTo(-1);
    }

    @Test void writeWithoutReaderFailsWithEpipe() {
        Pipe pipe = Pipe.create();
        pipe.readEnd().close();
        assertThat(pipe.writeEnd().readyOps() & Pollable.POLLERR).isNotZero();
        assertThatThrownBy(() -> pipe.writeEnd().write(bytes("x"), 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EPIPE)).isTrue())
                .hasMessage("EPIPE: broken pipe, write");
    }

    @Test void blockedWriterGetsEpipeWhenTheReaderGoesAway() throws Exception {
        Pipe pipe = Pipe.create(16);
        pipe.writeEnd().write(new byte[16], 0, 16);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try { pipe.writeEnd().write(new byte[8], 0, 8); } catch (Throwable t) { failure.set(t); }
        });
        awaitParked(writer);
        pipe.readEnd().close();
        writer.join(HANG);
        assertThat(failure.get()).isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EPIPE)).isTrue());
    }

    @Test void aMegabyteCrossesBetweenTwoVirtualThreadsIntact() throws Exception {
        byte[] data = new byte[1 << 20];
        new java.util.Random(42).nextBytes(data);
        Pipe pipe = Pipe.create();
        CRC32 sent = new CRC32();
        sent.update(data);
        CRC32 received = new CRC32();
        AtomicInteger total = new AtomicInteger();
        assertTimeoutPreemptively(HANG, () -> {
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int off = 0; off < data.length; off += 7919) { // odd chunks exercise the ring's wrap
                    int n = Math.min(7919, data.length - off);
                    assertThat(pipe.writeEnd().write(data, off, n)).isEqualTo(n);
                }
                pipe.writeEnd().close();
            });
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[5000];
                for (int n; (n = pipe.readEnd().read(buf, 0, buf.length)) != -1; ) {
                    received.update(buf, 0, n);
                    total.addAndGet(n);
                }
            });
            writer.join();
            reader.join();
        });
        assertThat(total.get()).isEqualTo(data.length);
        assertThat(received.getValue()).isEqualTo(sent.getValue());
    }

    @Test void smallWritesFromEightConcurrentWritersAreNeverInterleaved() throws Exception {
        Pipe pipe = Pipe.create(4096); // small, so writers constantly wait for room together
        int writers = 8, records = 2000;
        for (int i = 1; i < writers; i++) pipe.writeEnd().retain();
        List<Thread> threads = new ArrayList<>();
        for (int id = 0; id < writers; id++) {
            byte[] record = new byte[100];
            Arrays.fill(record, (byte) ('A' + id));
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < records; i++) pipe.writeEnd().write(record, 0, record.length);
                pipe.writeEnd().close();
            }));
        }
        int[] perWriter = new int[writers];
        assertTimeoutPreemptively(HANG, () -> {
            byte[] stream = readAll(pipe.readEnd());
            assertThat(stream.length).isEqualTo(writers * records * 100);
            for (int r = 0; r < stream.length; r += 100) {
                byte first = stream[r];
                for (int i = 1; i < 100; i++) assertThat(stream[r + i]).as("record at %d", r).isEqualTo(first);
                perWriter[first - 'A']++;
            }
            for (Thread t : threads) t.join();
        });
        assertThat(perWriter).containsOnly(records);
    }

    @Test void nonBlockingReadOfAnEmptyPipeFailsWithEagain() {
        Pipe pipe = Pipe.create();
        pipe.readEnd().setStatusFlags(OpenFlags.O_NONBLOCK);
        assertThatThrownBy(() -> pipe.readEnd().read(new byte[4], 0, 4))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
        pipe.writeEnd().close();
        assertThat(pipe.readEnd().read(new byte[4], 0, 4)).isEqualTo(-1); // EOF wins over EAGAIN
    }

    @Test void nonBlockingWriteToAFullPipeFailsWithEagainAndLargeWritesArePartial() {
        Pipe pipe = Pipe.create(8192);
        FileDescription w = pipe.writeEnd();
        w.setStatusFlags(OpenFlags.O_NONBLOCK);
        assertThat(w.write(new byte[6000], 0, 6000)).isEqualTo(6000);
        // 2192 bytes free: a 4096-byte write is atomic, so none of it goes in.
        assertThatThrownBy(() -> w.write(new byte[4096], 0, 4096))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
        assertThat(w.write(new byte[5000], 0, 5000)).isEqualTo(2192); // larger than PIPE_BUF: partial
        assertThat(w.readyOps() & Pollable.POLLOUT).isZero();
        assertThatThrownBy(() -> w.write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue());
    }

    @Test void interruptedBlockedReadFailsWithEintrAndClearsTheInterrupt() throws Exception {
        Pipe pipe = Pipe.create();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                pipe.readEnd().read(new byte[4], 0, 4);
            } catch (Throwable t) {
                failure.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitParked(reader);
        reader.interrupt();
        reader.join(HANG);
        assertThat(failure.get()).isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EINTR)).isTrue());
        assertThat(stillInterrupted.get()).isFalse();
    }

    @Test void interruptedBlockedWriteReportsWhatItAlreadyWrote() throws Exception {
        Pipe pipe = Pipe.create(4096);
        AtomicInteger written = new AtomicInteger(-2);
        Thread writer = Thread.ofVirtual().start(() -> written.set(pipe.writeEnd().write(new byte[10_000], 0, 10_000)));
        awaitParked(writer);
        writer.interrupt();
        writer.join(HANG);
        assertThat(written.get()).isEqualTo(4096);
    }

    @Test void readinessListenersFireWhenDataArrivesSpaceFreesAndPeersClose() {
        Pipe pipe = Pipe.create(8192);
        AtomicInteger readSide = new AtomicInteger();
        AtomicInteger writeSide = new AtomicInteger();
        pipe.readEnd().addReadinessListener(readSide::incrementAndGet);
        pipe.writeEnd().addReadinessListener(writeSide::incrementAndGet);
        assertThat(pipe.readEnd().readyOps()).isZero();
        assertThat(pipe.writeEnd().readyOps()).isEqualTo(Pollable.POLLOUT);

        pipe.writeEnd().write(new byte[8192], 0, 8192);
        assertThat(readSide.get()).isEqualTo(1);
        assertThat(pipe.readEnd().readyOps()).isEqualTo(Pollable.POLLIN);
        assertThat(pipe.writeEnd().readyOps()).isZero();

        pipe.readEnd().read(new byte[4096], 0, 4096);
        assertThat(writeSide.get()).isEqualTo(2);
        assertThat(pipe.writeEnd().readyOps()).isEqualTo(Pollable.POLLOUT);

        pipe.writeEnd().close();
        assertThat(readSide.get()).isEqualTo(3);
        assertThat(pipe.readEnd().readyOps()).isEqualTo(Pollable.POLLIN | Pollable.POLLHUP);
    }

    @Test void endsAreUnnamedFifosWithTheirOwnInode() {
        Pipe a = Pipe.create();
        Pipe b = Pipe.create();
        assertThat(a.readEnd().stat().type()).isEqualTo(FileType.FIFO);
        assertThat(a.readEnd().stat().mode()).isEqualTo(0600);
        assertThat(a.readEnd().stat().size()).isZero();
        assertThat(a.readEnd().stat().ino()).isEqualTo(a.writeEnd().stat().ino()).isNotEqualTo(b.readEnd().stat().ino());
        assertThat(a.readEnd().describe()).isEqualTo("pipe:[" + a.ino() + "]").isEqualTo(a.writeEnd().describe());
        assertThat(a.readEnd().flags()).isEqualTo(OpenFlags.O_RDONLY);
        assertThat(a.writeEnd().flags()).isEqualTo(OpenFlags.O_WRONLY);
        assertThatThrownBy(() -> a.readEnd().write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EBADF)).isTrue());
        assertThatThrownBy(() -> a.readEnd().seek(0, 0))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.ESPIPE)).isTrue());
    }

    @Test void streamsAHundredMegabytesAndReportsThroughput() throws Exception {
        for (int round = 1; round <= 3; round++) { // the first round includes JIT warm-up
            long total = 100L << 20;
            byte[] chunk = new byte[64 * 1024];
            Pipe pipe = Pipe.create();
            long[] got = new long[1];
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                Thread reader = Thread.ofVirtual().start(() -> {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = pipe.readEnd().read(buf, 0, buf.length)) != -1; ) got[0] += n;
                });
                for (long sent = 0; sent < total; sent += chunk.length) pipe.writeEnd().write(chunk, 0, chunk.length);
                pipe.writeEnd().close();
                reader.join();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("pipe throughput, round %d: %d MiB in %.3f s = %.2f GB/s%n",
                    round, total >> 20, seconds, total / seconds / 1e9);
            assertThat(got[0]).isEqualTo(total);
        }
    }

    static byte[] bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8); }

    static byte[] readAll(FileDescription d) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = d.read(buf, 0, buf.length)) != -1; ) out.write(buf, 0, n);
        return out.toByteArray();
    }

    /** Waits until {@code t} is blocked (parked in a condition wait), without sleeping a fixed time. */
    static void awaitParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || !t.isAlive()) throw new AssertionError("thread never blocked: " + t.getState());
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
