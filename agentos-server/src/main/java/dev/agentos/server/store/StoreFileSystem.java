package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileSystemBackend;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vnode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An actor's durable filesystem: the writable upper layer of its root overlay, kept in one SQLite file.
 * While the actor is awake the tree lives in memory (metadata read whole at open, file data fetched
 * chunk by chunk on first touch) and answers at memory speed; every change is noted and committed by a
 * group-commit thread ({@link Flusher}). The promise: {@link #awaitDurable()} returns once everything
 * changed before it is committed (the server calls it before each action's reply; a writer's close and
 * fsync call it too), and no change waits longer than the flush interval. A commit is one transaction,
 * so after a crash the file holds the tree exactly as it was at some commit.
 */
public final class StoreFileSystem implements FileSystemBackend {
    /** What a commit takes: the rows to write, and the changes to give back if writing fails. */
    record Taken(Rows.Batch batch, Changes changes) {}

    private final InstantSource clock;
    private final StoreDatabase db;
    final StoreQuota quota;
    /** One lock for the tree, as the kernel's in-memory file system has: renames touch several inodes. */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, StoreDirectory> directories = new HashMap<>();
    private final StoreDirectory root;
    private final Flusher flusher;
    private long nextIno;
    private long nextPos;
    private Changes changes = new Changes();
    /** Bumped by every change; a commit records the number it covered. */
    private volatile long seq;
    private volatile long pendingSince;
    private volatile boolean closed;

    private StoreFileSystem(InstantSource clock, StoreDatabase db, long maxBytes, long maxInodes, StoreOptions options) {
        this.clock = clock;
        this.db = db;
        Rows.Loaded loaded = db.load();
        this.nextIno = loaded.maxIno() + 1;
        this.nextPos = loaded.maxPos() + 1;
        Map<Long, StoreNode> nodes = new HashMap<>(loaded.inodes().size() * 2);
        long bytes = 0;
        for (Rows.Inode row : loaded.inodes()) {
            StoreNode n = switch (row.type()) {
                case REGULAR -> new StoreFile(this, row);
                case DIRECTORY -> new StoreDirectory(this, row);
                case SYMLINK -> new StoreSymlink(this, row);
                case FIFO, SOCKET, CHAR_DEVICE -> new StoreSpecial(this, row);
            };
            nodes.put(row.ino(), n);
            if (n instanceof StoreDirectory d) directories.put(row.ino(), d);
            bytes += row.alloc();
        }
        for (Rows.Entry e : loaded.entries()) {
            StoreDirectory parent = directories.get(e.parent());
            StoreNode child = nodes.get(e.ino());
            if (parent == null || child == null) {
                db.close();
                throw new StoreCorruptException(db.file(), "directory entry '" + e.name() + "' points at a missing inode");
            }
            parent.restore(e.name(), child, e.pos());
        }
        this.root = directories.get(1L);
        if (root == null) {
            db.close();
            throw new StoreCorruptException(db.file(), "no root directory");
        }
        this.quota = new StoreQuota(maxBytes, maxInodes, bytes, nodes.size());
        this.flusher = new Flusher(this, db, options.flushInterval().toNanos(), 0);
        flusher.start();
    }

    /** Makes a new store file holding an empty root directory. */
    public static void create(Path file, InstantSource clock) {
        StoreDatabase.create(file, nanos(clock.instant()));
    }

    /**
     * Opens a store file; a missing, unreadable or inconsistent one is a {@link StoreCorruptException}
     * naming the file. The byte and inode limits are the VM's filesystem quotas.
     */
    public static StoreFileSystem open(Path file, InstantSource clock, long maxBytes, long maxInodes, StoreOptions options) {
        StoreDatabase db = StoreDatabase.open(file, options);
        try {
            return new StoreFileSystem(clock, db, maxBytes, maxInodes, options);
        } catch (StoreCorruptException e) {
            throw e;
        } catch (RuntimeException e) {
            db.close();
            throw new StoreCorruptException(file, "cannot load (" + e.getMessage() + ")");
        }
    }

    public Path file() { return db.file(); }

    @Override public Vnode root() { return root; }

    @Override public String type() { return "store"; }

    @Override public FsUsage usage() { return quota.usage(); }

    /** Returns once every change made before this call is committed; EIO if committing failed. */
    public void awaitDurable() {
        flusher.await(seq);
    }

    /** Commits what is left and closes the file; the tree must not be used afterwards. */
    @Override public void close() {
        if (closed) return;
        closed = true;
        flusher.stop();
        db.close();
    }

    // ---- for the nodes ----

    long nextIno() { return nextIno++; }

    long nextPos() { return nextPos++; }

    long now() { return nanos(clock.instant()); }

    private static long nanos(Instant t) { return t.getEpochSecond() * 1_000_000_000L + t.getNano(); }

    void changed(StoreNode n) { changes.inode(n); }

    void entryChanged(long parentIno, String name) { changes.entry(parentIno, name); }

    void chunksChanged(StoreFile f, int from, int to) { changes.chunks(f, from, to); }

    void cut(StoreFile f, int fromIdx) { changes.cut(f, fromIdx); }

    void directoryMade(StoreDirectory d) { directories.put(d.ino, d); }

    void directoryGone(StoreDirectory d) { directories.remove(d.ino); }

    FileChunks.Source chunkSource(long ino) {
        return new FileChunks.Source() {
            @Override public byte[] chunk(int idx) {
                try {
                    return db.loadChunk(ino, idx);
                } catch (SQLException e) {
                    throw AgentOsException.errnoDetail(Errno.EIO, "cannot read " + db.file() + ": " + e.getMessage());
                }
            }

            @Override public Map<Integer, Integer> lengthsFrom(int fromIdx) {
                try {
                    return db.chunkLengths(ino, fromIdx);
                } catch (SQLException e) {
                    throw AgentOsException.errnoDetail(Errno.EIO, "cannot read " + db.file() + ": " + e.getMessage());
                }
            }
        };
    }

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T mutate(Supplier<T> body) {
        boolean first;
        T result;
        lock.writeLock().lock();
        try {
            if (closed) throw AgentOsException.errnoDetail(Errno.EIO, "store closed: " + db.file());
            result = body.get();
            seq++;
            first = pendingSince == 0 && !changes.isEmpty();
            if (first) pendingSince = System.nanoTime();
        } finally {
            lock.writeLock().unlock();
        }
        if (first) flusher.changesPending();
        return result;
    }

    void mutate(Runnable body) {
        mutate(() -> {
            body.run();
            return null;
        });
    }

    // ---- for the flusher ----

    /** When the oldest uncommitted change was made (System.nanoTime), or 0 when there is none. */
    long pendingSinceNanos() { return pendingSince; }

    /** Takes every change so far, as rows copied from the tree at this instant. */
    Taken takeChanges() {
        lock.writeLock().lock();
        try {
            Changes taken = changes;
            changes = new Changes();
            pendingSince = 0;
            return new Taken(taken.toBatch(seq, directories), taken);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Gives back the changes of a failed commit: the next commit writes them (with whatever came since). */
    void restoreChanges(Changes failed) {
        lock.writeLock().lock();
        try {
            failed.addAll(changes);
            changes = failed;
            if (pendingSince == 0) pendingSince = System.nanoTime();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Nothing in this type: tests can tell a store from another backend. */
    static boolean isStore(FileSystemBackend b) { return b instanceof StoreFileSystem; }
}
