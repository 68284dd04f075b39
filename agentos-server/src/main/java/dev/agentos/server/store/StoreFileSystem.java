package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileSystemBackend;
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
 * While the actor is awake the tree lives in memory (a directory's entries read on its first use, file
 * data chunk by chunk on first touch, so opening costs the same for ten files or a million) and
 * answers at memory speed; every change is noted and committed by a
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
    /** Every inode read so far (a hard link found twice is one node); directories read their entries on first use. */
    private final Map<Long, StoreNode> nodes = new HashMap<>();
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
        Rows.Opened opened = db.opened();
        this.nextIno = opened.maxIno() + 1;
        this.nextPos = opened.maxPos() + 1;
        this.root = new StoreDirectory(this, opened.root());
        nodes.put(root.ino, root);
        directories.put(root.ino, root);
        this.quota = new StoreQuota(maxBytes, maxInodes, opened.bytes(), opened.inodes());
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

    void made(StoreNode n) {
        nodes.put(n.ino, n);
        if (n instanceof StoreDirectory d) directories.put(d.ino, d);
    }

    /** The last link is gone: forget the node (open descriptions keep their own reference). */
    void gone(StoreNode n) {
        nodes.remove(n.ino);
        directories.remove(n.ino);
    }

    /** Reads a directory's entries from the database (under the write lock); known inodes are reused. */
    void loadEntries(StoreDirectory dir) {
        java.util.List<Rows.Child> children;
        try {
            children = db.children(dir.ino);
        } catch (SQLException e) {
            throw AgentOsException.errnoDetail(Errno.EIO, "cannot read " + db.file() + ": " + e.getMessage());
        }
        for (Rows.Child c : children) {
            StoreNode n = nodes.get(c.inode().ino());
            if (n == null) {
                Rows.Inode row = c.inode();
                n = switch (row.type()) {
                    case REGULAR -> new StoreFile(this, row);
                    case DIRECTORY -> new StoreDirectory(this, row);
                    case SYMLINK -> new StoreSymlink(this, row);
                    case FIFO, SOCKET, CHAR_DEVICE -> new StoreSpecial(this, row);
                };
                made(n);
            }
            dir.restore(c.name(), n, c.pos());
        }
    }

    /** Runs {@code body} under the write lock without counting it as a change (loading what is stored). */
    void underWriteLock(Runnable body) {
        lock.writeLock().lock();
        try {
            if (closed) throw AgentOsException.errnoDetail(Errno.EIO, "store closed: " + db.file());
            body.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

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
}
