package dev.agentos.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.MemoryFileSystem;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.OverlayFileSystem;
import dev.agentos.kernel.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileSystemTest {
    @TempDir Path dir;
    private final TestClock clock = new TestClock();
    private StoreFileSystem store;

    @AfterEach void close() {
        if (store != null) store.close();
    }

    private StoreFileSystem open(Path file, StoreOptions options) {
        return StoreFileSystem.open(file, clock, 1L << 30, 100_000, options);
    }

    private Path newStore() {
        Path file = dir.resolve("actor.db");
        StoreFileSystem.create(file, clock);
        store = open(file, StoreOptions.DEFAULT);
        return file;
    }

    private static void write(Vfs v, String path, String text) {
        FileDescription fd = v.open(TreeDump.ROOT, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        fd.write(b, 0, b.length);
        fd.close();
    }

    private static String read(Vfs v, String path) {
        FileDescription fd = v.open(TreeDump.ROOT, path, OpenFlags.O_RDONLY, 0);
        try {
            StringBuilder s = new StringBuilder();
            byte[] buf = new byte[8192];
            int n;
            while ((n = fd.read(buf, 0, buf.length)) > 0) s.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            return s.toString();
        } finally {
            fd.close();
        }
    }

    /** What a process crash leaves: the files on disk as they are now, opened by a new store. */
    private StoreFileSystem crashCopy(Path file) throws Exception {
        Path copy = dir.resolve("crash-" + System.nanoTime() + ".db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path from = Path.of(file + suffix);
            if (Files.exists(from)) Files.copy(from, Path.of(copy + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
        return open(copy, StoreOptions.DEFAULT);
    }

    @Test void whatIsDurableSurvivesACrashWithoutClose() throws Exception {
        Path file = newStore();
        Vfs vfs = new Vfs(store, clock);
        vfs.mkdir(TreeDump.ROOT, "/work", 0755);
        write(vfs, "/work/a.txt", "alpha");
        vfs.symlink(TreeDump.ROOT, "a.txt", "/work/link");
        vfs.link(TreeDump.ROOT, "/work/a.txt", "/work/hard");
        store.awaitDurable();
        StoreFileSystem after = crashCopy(file);
        try {
            Vfs v2 = new Vfs(after, clock);
            assertThat(read(v2, "/work/link")).isEqualTo("alpha");
            assertThat(v2.stat(TreeDump.ROOT, "/work/hard").nlink()).isEqualTo(2);
            assertThat(TreeDump.of(v2, "/")).isEqualTo(TreeDump.of(vfs, "/"));
        } finally {
            after.close();
        }
    }

    @Test void guestWritesCommitWithinTheFlushIntervalWithoutAnyoneWaiting() throws Exception {
        Path file = dir.resolve("actor.db");
        StoreFileSystem.create(file, clock);
        store = open(file, new StoreOptions(Duration.ofMillis(20), false));
        Vfs vfs = new Vfs(store, clock);
        // A write through an open description, not closed: only the flush interval makes it durable.
        FileDescription fd = vfs.open(TreeDump.ROOT, "/log", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
        fd.write("line\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            StoreFileSystem copy = crashCopy(file);
            try {
                Vfs v2 = new Vfs(copy, clock);
                if (exists(v2, "/log") && read(v2, "/log").equals("line\n")) break;
            } finally {
                copy.close();
            }
            assertThat(System.nanoTime()).as("committed within the interval").isLessThan(deadline);
            Thread.onSpinWait();
        }
        fd.close();
    }

    @Test void closingAWriterMakesItsFileDurable() throws Exception {
        Path file = dir.resolve("actor.db");
        StoreFileSystem.create(file, clock);
        store = open(file, new StoreOptions(Duration.ofHours(1), false)); // the interval never fires here
        Vfs vfs = new Vfs(store, clock);
        write(vfs, "/closed", "done");
        StoreFileSystem after = crashCopy(file);
        try {
            assertThat(read(new Vfs(after, clock), "/closed")).isEqualTo("done");
        } finally {
            after.close();
        }
    }

    @Test void aSmallEditOfABigFileRewritesOneChunk() throws Exception {
        Path file = newStore();
        Vfs vfs = new Vfs(store, clock);
        FileDescription fd = vfs.open(TreeDump.ROOT, "/big", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
        byte[] mib = new byte[1 << 20];
        java.util.Arrays.fill(mib, (byte) 'x');
        fd.write(mib, 0, mib.length);
        store.awaitDurable();
        long before = Files.size(Path.of(file + "-wal"));
        fd.seek(300_000, 0);
        fd.write("EDIT".getBytes(StandardCharsets.UTF_8), 0, 4);
        store.awaitDurable();
        long grown = Files.size(Path.of(file + "-wal")) - before;
        assertThat(grown).as("WAL growth for a 4-byte edit of a 1 MiB file").isLessThan(100_000);
        fd.close();
        store.close();
        store = open(file, StoreOptions.DEFAULT);
        Vfs v2 = new Vfs(store, clock);
        FileDescription in = v2.open(TreeDump.ROOT, "/big", OpenFlags.O_RDONLY, 0);
        byte[] got = new byte[6];
        in.pread(299_999, got, 0, 6);
        assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("xEDITx");
        assertThat(v2.stat(TreeDump.ROOT, "/big").size()).isEqualTo(1 << 20);
        in.close();
    }

    @Test void anUnlinkedFileStaysReadableWhileOpenAndItsDataIsFreedOnReopen() throws Exception {
        Path file = newStore();
        Vfs vfs = new Vfs(store, clock);
        byte[] data = new byte[300_000];
        java.util.Arrays.fill(data, (byte) 7);
        FileDescription w = vfs.open(TreeDump.ROOT, "/tmpfile", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
        w.write(data, 0, data.length);
        w.close();
        store.close();
        store = open(file, StoreOptions.DEFAULT);
        vfs = new Vfs(store, clock);
        FileDescription r = vfs.open(TreeDump.ROOT, "/tmpfile", OpenFlags.O_RDONLY, 0);
        vfs.unlink(TreeDump.ROOT, "/tmpfile");
        store.awaitDurable();
        byte[] got = new byte[10];
        assertThat(r.pread(250_000, got, 0, 10)).isEqualTo(10); // chunk fetched after the unlink was committed
        assertThat(got[9]).isEqualTo((byte) 7);
        r.close();
        assertThat(store.usage().usedBytes()).isZero();
        store.close();
        store = open(file, StoreOptions.DEFAULT);
        assertThat(count(file, "SELECT count(*) FROM chunk")).isZero();
        assertThat(count(file, "SELECT count(*) FROM inode")).isEqualTo(1);
    }

    @Test void quotasCountWhatTheDatabaseHoldsAcrossReopens() {
        Path file = newStore();
        Vfs vfs = new Vfs(store, clock);
        write(vfs, "/a", "x".repeat(100_000));
        long used = store.usage().usedBytes();
        store.close();
        store = StoreFileSystem.open(file, clock, used + 1000, 100, StoreOptions.DEFAULT);
        assertThat(store.usage().usedBytes()).isEqualTo(used);
        assertThat(store.usage().usedInodes()).isEqualTo(2);
        Vfs v2 = new Vfs(store, clock);
        assertThatThrownBy(() -> write(v2, "/b", "y".repeat(5000))).isInstanceOf(AgentOsException.class)
                .hasMessageStartingWith("ENOSPC");
        v2.truncate(TreeDump.ROOT, "/a", 0); // frees chunks that were never loaded
        assertThat(store.usage().usedBytes()).isZero();
        write(v2, "/b", "y".repeat(5000));
    }

    @Test void anOverlayOverTheBaseImageKeepsWhiteoutsAndOpaqueDirectoriesAcrossReopens() {
        MemoryFileSystem base = MemoryFileSystem.unlimited(clock);
        Vfs b = new Vfs(base, clock);
        b.mkdir(TreeDump.ROOT, "/etc", 0755);
        write(b, "/etc/passwd", "root");
        write(b, "/etc/motd", "hello");
        b.mkdir(TreeDump.ROOT, "/opt", 0755);
        write(b, "/opt/old", "old");
        base.freeze();
        Path file = newStore();
        Vfs vm = new Vfs(new OverlayFileSystem(store, base), clock);
        vm.unlink(TreeDump.ROOT, "/etc/motd");
        write(vm, "/etc/passwd", "root\nagent");
        vm.unlink(TreeDump.ROOT, "/opt/old");
        vm.rmdir(TreeDump.ROOT, "/opt");
        vm.mkdir(TreeDump.ROOT, "/opt", 0700);
        write(vm, "/opt/new", "new");
        java.util.List<String> expected = TreeDump.of(vm, "/");
        store.close();
        store = open(file, StoreOptions.DEFAULT);
        Vfs again = new Vfs(new OverlayFileSystem(store, base), clock);
        assertThat(TreeDump.of(again, "/")).isEqualTo(expected);
        assertThat(exists(again, "/etc/motd")).isFalse();
        assertThat(again.readdir(TreeDump.ROOT, "/opt")).extracting(e -> e.name()).contains("new").doesNotContain("old");
        assertThat(read(again, "/etc/passwd")).isEqualTo("root\nagent");
    }

    @Test void aMissingOrCorruptFileIsAStoreErrorNamingIt() throws Exception {
        Path missing = dir.resolve("gone.db");
        assertThatThrownBy(() -> open(missing, StoreOptions.DEFAULT)).isInstanceOf(StoreCorruptException.class)
                .hasMessageContaining(missing.toString()).extracting(e -> ((AgentOsException) e).code()).isEqualTo("store_corrupt");
        Path garbage = dir.resolve("garbage.db");
        Files.write(garbage, "this is not a database, just some bytes that happen to be here".repeat(100).getBytes());
        assertThatThrownBy(() -> open(garbage, StoreOptions.DEFAULT)).isInstanceOf(StoreCorruptException.class)
                .hasMessageContaining(garbage.toString());
    }

    private static boolean exists(Vfs v, String path) {
        try {
            v.lstat(TreeDump.ROOT, path);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
