package dev.agentos.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.MemoryFileSystem;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vfs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store behaves as the kernel's in-memory file system does: thousands of random file system calls
 * run on both, with the same results and the same trees, and the store's tree is the same again after
 * it is closed and opened (its reopen is the proof that everything reached the database).
 */
class StoreMatchesMemoryTest {
    @TempDir Path dir;
    private final TestClock clock = new TestClock();
    private StoreFileSystem store;

    @AfterEach void close() {
        if (store != null) store.close();
    }

    private StoreFileSystem open(Path file) {
        return StoreFileSystem.open(file, clock, Long.MAX_VALUE, Long.MAX_VALUE, StoreOptions.DEFAULT);
    }

    @Test void randomCallsGiveTheSameResultsAndTreesAcrossReopens() {
        for (long seed = 1; seed <= 3; seed++) runSeed(seed, 1500);
    }

    private void runSeed(long seed, int steps) {
        Path file = dir.resolve("seed" + seed + ".db");
        StoreFileSystem.create(file, clock);
        store = open(file);
        Vfs mem = new Vfs(MemoryFileSystem.unlimited(clock), clock);
        Vfs sto = new Vfs(store, clock);
        Random r = new Random(seed);
        String[] names = {"a", "b", "c", "d"};
        for (int step = 0; step < steps; step++) {
            clock.advance(Duration.ofMillis(1 + r.nextInt(1000)));
            String p = randomPath(r, names);
            String q = randomPath(r, names);
            int op = r.nextInt(14);
            Consumer<Vfs> call = switch (op) {
                case 0, 1 -> v -> v.mkdir(TreeDump.ROOT, p, 0755);
                case 2, 3, 4 -> {
                    long at = r.nextInt(4) == 0 ? r.nextInt(200_000) : r.nextInt(100);
                    byte[] data = bytes(r, r.nextInt(5) == 0 ? r.nextInt(150_000) : r.nextInt(300));
                    int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (r.nextBoolean() ? OpenFlags.O_TRUNC : 0)
                            | (r.nextInt(4) == 0 ? OpenFlags.O_APPEND : 0);
                    yield v -> write(v, p, flags, at, data);
                }
                case 5 -> {
                    long size = r.nextInt(3) == 0 ? r.nextInt(200_000) : r.nextInt(100);
                    yield v -> v.truncate(TreeDump.ROOT, p, size);
                }
                case 6 -> v -> v.unlink(TreeDump.ROOT, p);
                case 7 -> v -> v.rmdir(TreeDump.ROOT, p);
                case 8, 9 -> v -> v.rename(TreeDump.ROOT, p, q);
                case 10 -> {
                    String target = "target-" + r.nextInt(5);
                    yield v -> v.symlink(TreeDump.ROOT, target, p);
                }
                case 11 -> v -> v.link(TreeDump.ROOT, p, q);
                case 12 -> {
                    int mode = r.nextInt(01000);
                    yield v -> v.chmod(TreeDump.ROOT, p, mode);
                }
                default -> v -> v.mknod(TreeDump.ROOT, p, FileType.FIFO, 0644);
            };
            String a = outcome(mem, call);
            String b = outcome(sto, call);
            assertThat(b).as("seed %d step %d op %d on %s %s", seed, step, op, p, q).isEqualTo(a);
            if (step % 300 == 299) {
                List<String> expected = TreeDump.of(mem, "/");
                assertThat(TreeDump.of(sto, "/")).as("seed %d step %d", seed, step).isEqualTo(expected);
                store.close();
                store = open(file);
                sto = new Vfs(store, clock);
                assertThat(TreeDump.of(sto, "/")).as("after reopen, seed %d step %d", seed, step).isEqualTo(expected);
            }
        }
        store.close();
        store = null;
    }

    private static String randomPath(Random r, String[] names) {
        StringBuilder b = new StringBuilder();
        int depth = 1 + r.nextInt(3);
        for (int i = 0; i < depth; i++) b.append('/').append(names[r.nextInt(names.length)]);
        return b.toString();
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        if (n > 1000) java.util.Arrays.fill(b, n / 3, n / 2, (byte) 0);
        return b;
    }

    private static void write(Vfs v, String p, int flags, long at, byte[] data) {
        FileDescription fd = v.open(TreeDump.ROOT, p, flags, 0644);
        try {
            if ((flags & OpenFlags.O_APPEND) == 0) fd.seek(at, 0);
            fd.write(data, 0, data.length);
        } finally {
            fd.close();
        }
    }

    private static String outcome(Vfs v, Consumer<Vfs> call) {
        try {
            call.accept(v);
            return "ok";
        } catch (AgentOsException e) {
            return e.code();
        }
    }
}
