package dev.agentos.kernel.vfs;

import static dev.agentos.kernel.vfs.VfsFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryFileSystemTest {
    private final TestClock clock = new TestClock();
    private final Caller root = new Caller(1, Credentials.ROOT, "/", 022);

    @Test
    void directoryLinkCountIsTwoPlusSubdirectories() {
        Vfs vfs = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        vfs.mkdir(root, "/d", 0755);
        assertThat(vfs.stat(root, "/d").nlink()).isEqualTo(2);
        vfs.mkdir(root, "/d/a", 0755);
        vfs.mkdir(root, "/d/b", 0755);
        vfs.mknod(root, "/d/f", FileType.REGULAR, 0644);
        assertThat(vfs.stat(root, "/d").nlink()).isEqualTo(4);
        vfs.rename(root, "/d/a", "/a");
        assertThat(vfs.stat(root, "/d").nlink()).isEqualTo(3);
        vfs.rmdir(root, "/d/b");
        assertThat(vfs.stat(root, "/d").nlink()).isEqualTo(2);
    }

    @Test
    void hardLinksShareTheInodeAndCountLinks() {
        Vfs vfs = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        vfs.mknod(root, "/f", FileType.REGULAR, 0644);
        vfs.link(root, "/f", "/g");
        vfs.link(root, "/g", "/h");
        assertThat(vfs.stat(root, "/f").nlink()).isEqualTo(3);
        assertThat(vfs.stat(root, "/h").ino()).isEqualTo(vfs.stat(root, "/f").ino());
        vfs.unlink(root, "/f");
        assertThat(vfs.stat(root, "/g").nlink()).isEqualTo(2);
    }

    @Test
    void timestampsFollowTheInjectedClock() {
        Vfs vfs = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        long t0 = clock.nanos();
        vfs.mkdir(root, "/d", 0755);
        FileDescription fd = vfs.open(root, "/d/f", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
        FileStat created = vfs.stat(root, "/d/f");
        assertThat(List.of(created.atimeNanos(), created.mtimeNanos(), created.ctimeNanos(), created.birthtimeNanos()))
                .containsOnly(t0);

        clock.advance(Duration.ofSeconds(10));
        fd.write(new byte[3], 0, 3);
        FileStat written = vfs.stat(root, "/d/f");
        assertThat(written.mtimeNanos()).isEqualTo(t0 + 10_000_000_000L);
        assertThat(written.ctimeNanos()).isEqualTo(written.mtimeNanos());
        assertThat(written.atimeNanos()).isEqualTo(t0);

        clock.advance(Duration.ofSeconds(10));
        vfs.chmod(root, "/d/f", 0600);
        FileStat chmodded = vfs.stat(root, "/d/f");
        assertThat(chmodded.ctimeNanos()).isEqualTo(t0 + 20_000_000_000L);
        assertThat(chmodded.mtimeNanos()).isEqualTo(written.mtimeNanos());

        clock.advance(Duration.ofSeconds(10));
        vfs.link(root, "/d/f", "/d/g");
        assertThat(vfs.stat(root, "/d/f").ctimeNanos()).isEqualTo(t0 + 30_000_000_000L);
        assertThat(vfs.stat(root, "/d").mtimeNanos()).isEqualTo(t0 + 30_000_000_000L);

        clock.advance(Duration.ofSeconds(10));
        fd.truncate(1);
        assertThat(vfs.stat(root, "/d/f").mtimeNanos()).isEqualTo(t0 + 40_000_000_000L);

        vfs.utimes(root, "/d/f", 5, 6, true);
        assertThat(vfs.stat(root, "/d/f").atimeNanos()).isEqualTo(5);
        assertThat(vfs.stat(root, "/d/f").mtimeNanos()).isEqualTo(6);
        vfs.utimes(root, "/d/f", Long.MIN_VALUE, Long.MAX_VALUE, true);
        assertThat(vfs.stat(root, "/d/f").atimeNanos()).isEqualTo(5);
        assertThat(vfs.stat(root, "/d/f").mtimeNanos()).isEqualTo(clock.nanos());
        fd.close();
    }

    @Test
    void inodeNumbersAreDistinctAndStable() {
        Vfs vfs = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        vfs.mknod(root, "/a", FileType.REGULAR, 0644);
        vfs.mknod(root, "/b", FileType.REGULAR, 0644);
        assertThat(vfs.stat(root, "/a").ino()).isNotEqualTo(vfs.stat(root, "/b").ino()).isEqualTo(vfs.stat(root, "/a").ino());
    }

    @Test
    void byteQuotaFailsAWriteWholeAndLeavesTheFileIntact() {
        MemoryFileSystem fs = new MemoryFileSystem(clock, 3 * ChunkedData.CHUNK, 100);
        Vfs vfs = new Vfs(fs, clock);
        FileDescription fd = vfs.open(root, "/f", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
        fd.write(new byte[2 * ChunkedData.CHUNK], 0, 2 * ChunkedData.CHUNK);
        long used = fs.usage().usedBytes();
        assertErrno(() -> fd.write(new byte[2 * ChunkedData.CHUNK], 0, 2 * ChunkedData.CHUNK),
                "ENOSPC: no space left on device, write");
        assertThat(fd.stat().size()).isEqualTo(2 * ChunkedData.CHUNK);
        assertThat(fs.usage().usedBytes()).isEqualTo(used);
        fd.write(new byte[ChunkedData.CHUNK], 0, ChunkedData.CHUNK); // what fits still fits
        fd.close();
        vfs.unlink(root, "/f");
        assertThat(fs.usage().usedBytes()).isZero();
    }

    @Test
    void inodeQuotaFailsCreationWithENOSPCAndFreesOnUnlink() {
        MemoryFileSystem fs = new MemoryFileSystem(clock, Long.MAX_VALUE, 3); // root + 2
        Vfs vfs = new Vfs(fs, clock);
        vfs.mkdir(root, "/d", 0755);
        vfs.mknod(root, "/d/a", FileType.REGULAR, 0644);
        assertErrno(() -> vfs.mknod(root, "/d/b", FileType.REGULAR, 0644), "ENOSPC: no space left on device, mknod '/d/b'");
        assertThat(vfs.readdir(root, "/d")).extracting(DirEntry::name).containsExactly("a");
        assertThat(fs.usage().usedInodes()).isEqualTo(3);
        vfs.unlink(root, "/d/a");
        vfs.mknod(root, "/d/b", FileType.REGULAR, 0644);
        assertThat(fs.usage().usedInodes()).isEqualTo(3);
    }

    @Test
    void frozenFileSystemRefusesChangesWithEROFS() {
        MemoryFileSystem fs = MemoryFileSystem.unlimited(clock);
        Vfs vfs = new Vfs(fs, clock);
        vfs.mkdir(root, "/etc", 0755);
        fs.freeze();
        assertErrno(() -> vfs.mkdir(root, "/x", 0755), "EROFS: read-only file system, mkdir '/x'");
        assertThat(vfs.stat(root, "/etc").isDirectory()).isTrue();
    }

    @Test
    void readdirKeepsCreationOrder() {
        Vfs vfs = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        for (String n : List.of("zeta", "alpha", "mid")) vfs.mknod(root, "/" + n, FileType.REGULAR, 0644);
        assertThat(vfs.readdir(root, "/")).extracting(DirEntry::name).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void fiftyThreadsWritingDifferentFilesInOneDirectoryLoseNothing() throws Exception {
        MemoryFileSystem fs = MemoryFileSystem.unlimited(clock);
        Vfs vfs = new Vfs(fs, clock);
        vfs.mkdir(root, "/out", 0755);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    FileDescription fd = vfs.open(root, "/out/f" + id, OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
                    byte[] line = ("line from " + id + "\n").getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 200; i++) fd.write(line, 0, line.length);
                    fd.close();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get();
        }
        assertThat(vfs.readdir(root, "/out")).hasSize(50);
        for (int t = 0; t < 50; t++) {
            FileDescription fd = vfs.open(root, "/out/f" + t, OpenFlags.O_RDONLY, 0);
            String text = VfsFixture.readAll(fd);
            assertThat(text).isEqualTo(("line from " + t + "\n").repeat(200));
        }
    }

    @Test
    void unlimitedReportsMaxValueTotals() {
        MemoryFileSystem fs = MemoryFileSystem.unlimited(clock);
        assertThat(fs.usage().totalBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(fs.usage().usedInodes()).isEqualTo(1);
        assertThat(fs.type()).isEqualTo("memory");
        assertThat(AgentOsException.errnoDetail(Errno.ENOSPC, "x").is(Errno.ENOSPC)).isTrue();
    }
}
