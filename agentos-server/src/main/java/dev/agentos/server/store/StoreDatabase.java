package dev.agentos.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One actor's SQLite file (WAL mode): tables {@code inode}, {@code dirent} and {@code chunk} (file data
 * in 64 KiB chunks, keyed {@code ino << 28 | index}, so a small edit of a big file rewrites one chunk and
 * a truncation is one range delete). A writer connection commits batches; a reader connection loads
 * chunks on demand, concurrently (WAL lets a reader and a writer overlap).
 */
final class StoreDatabase implements AutoCloseable {
    static final int FORMAT = 1;
    static final int INDEX_BITS = 28;
    static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private static final String SCHEMA = """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE inode(ino INTEGER PRIMARY KEY, type INTEGER NOT NULL, mode INTEGER NOT NULL,
              uid INTEGER NOT NULL, gid INTEGER NOT NULL, nlink INTEGER NOT NULL, size INTEGER NOT NULL,
              atime INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, btime INTEGER NOT NULL,
              alloc INTEGER NOT NULL, target TEXT);
            CREATE TABLE dirent(pos INTEGER PRIMARY KEY, parent INTEGER NOT NULL, name TEXT NOT NULL, ino INTEGER NOT NULL,
              UNIQUE(parent, name));
            CREATE TABLE chunk(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
            """;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock readerLock = new ReentrantLock();
    private final PreparedStatement upsertInode;
    private final PreparedStatement deleteInode;
    private final PreparedStatement upsertEntry;
    private final PreparedStatement deleteEntry;
    private final PreparedStatement deleteChunks;
    private final PreparedStatement upsertChunk;
    private final PreparedStatement deleteChunk;
    private final PreparedStatement loadChunk;
    private final PreparedStatement chunkLengths;
    private final PreparedStatement children;
    private long walPagesSinceCheckpoint;

    private StoreDatabase(Path file, Connection writer, Connection reader) throws SQLException {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        upsertInode = writer.prepareStatement("INSERT OR REPLACE INTO inode VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        deleteInode = writer.prepareStatement("DELETE FROM inode WHERE ino = ?");
        upsertEntry = writer.prepareStatement("INSERT OR REPLACE INTO dirent(pos, parent, name, ino) VALUES (?,?,?,?)");
        deleteEntry = writer.prepareStatement("DELETE FROM dirent WHERE parent = ? AND name = ?");
        deleteChunks = writer.prepareStatement("DELETE FROM chunk WHERE id BETWEEN ? AND ?");
        upsertChunk = writer.prepareStatement("INSERT OR REPLACE INTO chunk(id, data) VALUES (?,?)");
        deleteChunk = writer.prepareStatement("DELETE FROM chunk WHERE id = ?");
        loadChunk = reader.prepareStatement("SELECT data FROM chunk WHERE id = ?");
        chunkLengths = reader.prepareStatement("SELECT id, length(data) FROM chunk WHERE id BETWEEN ? AND ?");
        children = reader.prepareStatement("SELECT d.pos, d.name, i.ino, i.type, i.mode, i.uid, i.gid, i.nlink, i.size, "
                + "i.atime, i.mtime, i.ctime, i.btime, i.alloc, i.target FROM dirent d JOIN inode i ON i.ino = d.ino "
                + "WHERE d.parent = ? ORDER BY d.pos");
    }

    static long chunkId(long ino, int idx) { return (ino << INDEX_BITS) | idx; }

    /** Makes a new database holding an empty root directory; fails if the file exists. */
    static void create(Path file, long nowNanos) {
        if (Files.exists(file)) throw new IllegalStateException("store already exists: " + file);
        try (Connection c = connect(file, false)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) if (!ddl.isBlank()) s.execute(ddl);
                s.execute("INSERT INTO meta VALUES ('format', '" + FORMAT + "')");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO inode VALUES (1, ?, 493, 0, 0, 2, 4096, ?, ?, ?, ?, 0, NULL)")) {
                p.setInt(1, Rows.typeCode(dev.agentos.kernel.vfs.FileType.DIRECTORY));
                for (int i = 2; i <= 5; i++) p.setLong(i, nowNanos);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing database; a missing or unreadable one is a {@link StoreCorruptException}. */
    static StoreDatabase open(Path file, StoreOptions options) {
        if (!Files.isRegularFile(file)) throw new StoreCorruptException(file, "database file missing");
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(file, options.fullSync());
            try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'format'")) {
                if (!r.next()) throw new StoreCorruptException(file, "not an agentOS store (no format)");
                if (!String.valueOf(FORMAT).equals(r.getString(1))) {
                    throw new StoreCorruptException(file, "unknown store format " + r.getString(1));
                }
            }
            writer.commit();
            reader = connect(file, options.fullSync());
            reader.setAutoCommit(true);
            return new StoreDatabase(file, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw new StoreCorruptException(file, "cannot read database (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e;
        }
    }

    private static Connection connect(Path file, boolean fullSync) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + (fullSync ? "FULL" : "NORMAL"));
            // Checkpoints run on the flusher after waiters are released (see maybeCheckpoint), not inside a commit.
            s.execute("PRAGMA wal_autocheckpoint = 0");
        }
        c.setAutoCommit(false);
        return c;
    }

    Path file() { return file; }

    /**
     * Reads what opening needs: the root inode, usage totals and the highest inode and entry numbers
     * (aggregates computed inside SQLite, so opening costs the same for ten files or a million).
     * Rows of files deleted while open (nlink 0) are dropped first.
     */
    Rows.Opened opened() {
        try {
            collectOrphans();
            Rows.Inode root = null;
            try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery(INODE_COLUMNS + " WHERE ino = 1")) {
                if (r.next()) root = inode(r, 1);
            }
            if (root == null) throw new StoreCorruptException(file, "no root directory");
            long inodes;
            long bytes;
            long maxIno;
            try (Statement s = writer.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), total(alloc), max(ino) FROM inode")) {
                r.next();
                inodes = r.getLong(1);
                bytes = (long) r.getDouble(2);
                maxIno = r.getLong(3);
            }
            long maxPos;
            try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT max(pos) FROM dirent")) {
                r.next();
                maxPos = r.getLong(1);
            }
            writer.commit();
            return new Rows.Opened(root, inodes, bytes, maxIno, maxPos);
        } catch (SQLException | IllegalArgumentException e) {
            throw new StoreCorruptException(file, "cannot read database (" + e.getMessage() + ")");
        }
    }

    private static final String INODE_COLUMNS =
            "SELECT ino, type, mode, uid, gid, nlink, size, atime, mtime, ctime, btime, alloc, target FROM inode";

    private static Rows.Inode inode(ResultSet r, int c) throws SQLException {
        return new Rows.Inode(r.getLong(c), Rows.type(r.getInt(c + 1)), r.getInt(c + 2), r.getInt(c + 3), r.getInt(c + 4),
                r.getInt(c + 5), r.getLong(c + 6), r.getLong(c + 7), r.getLong(c + 8), r.getLong(c + 9), r.getLong(c + 10),
                r.getLong(c + 11), r.getString(c + 12));
    }

    /** A directory's entries with their inodes, in listing order. */
    List<Rows.Child> children(long parent) throws SQLException {
        readerLock.lock();
        try {
            children.setLong(1, parent);
            List<Rows.Child> out = new ArrayList<>();
            try (ResultSet r = children.executeQuery()) {
                while (r.next()) out.add(new Rows.Child(r.getLong(1), r.getString(2), inode(r, 3)));
            }
            return out;
        } finally {
            readerLock.unlock();
        }
    }

    private void collectOrphans() throws SQLException {
        List<Long> orphans = new ArrayList<>();
        try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT ino FROM inode WHERE nlink = 0")) {
            while (r.next()) orphans.add(r.getLong(1));
        }
        if (orphans.isEmpty()) return;
        for (long ino : orphans) {
            deleteChunks.setLong(1, chunkId(ino, 0));
            deleteChunks.setLong(2, chunkId(ino, (int) INDEX_MASK));
            deleteChunks.executeUpdate();
            deleteInode.setLong(1, ino);
            deleteInode.executeUpdate();
        }
        writer.commit();
    }

    /** Commits one batch in one transaction: all of it is durable, or (on failure) none of it. */
    void write(Rows.Batch b) throws SQLException {
        try {
            for (long ino : b.deletedInodes()) {
                deleteInode.setLong(1, ino);
                deleteInode.addBatch();
                deleteChunks.setLong(1, chunkId(ino, 0));
                deleteChunks.setLong(2, chunkId(ino, (int) INDEX_MASK));
                deleteChunks.addBatch();
            }
            for (Map.Entry<Long, Integer> cut : b.cuts().entrySet()) {
                deleteChunks.setLong(1, chunkId(cut.getKey(), cut.getValue()));
                deleteChunks.setLong(2, chunkId(cut.getKey(), (int) INDEX_MASK));
                deleteChunks.addBatch();
            }
            execute(deleteInode);
            execute(deleteChunks);
            for (Rows.Inode i : b.inodes()) {
                upsertInode.setLong(1, i.ino());
                upsertInode.setInt(2, Rows.typeCode(i.type()));
                upsertInode.setInt(3, i.mode());
                upsertInode.setInt(4, i.uid());
                upsertInode.setInt(5, i.gid());
                upsertInode.setInt(6, i.nlink());
                upsertInode.setLong(7, i.size());
                upsertInode.setLong(8, i.atime());
                upsertInode.setLong(9, i.mtime());
                upsertInode.setLong(10, i.ctime());
                upsertInode.setLong(11, i.btime());
                upsertInode.setLong(12, i.alloc());
                upsertInode.setString(13, i.target());
                upsertInode.addBatch();
            }
            execute(upsertInode);
            for (Rows.EntryKey k : b.deletedEntries()) {
                deleteEntry.setLong(1, k.parent());
                deleteEntry.setString(2, k.name());
                deleteEntry.addBatch();
            }
            execute(deleteEntry);
            for (Rows.Entry e : b.entries()) {
                upsertEntry.setLong(1, e.pos());
                upsertEntry.setLong(2, e.parent());
                upsertEntry.setString(3, e.name());
                upsertEntry.setLong(4, e.ino());
                upsertEntry.addBatch();
            }
            execute(upsertEntry);
            for (Rows.Chunk c : b.chunks()) {
                long id = chunkId(c.ino(), c.idx());
                if (c.data() == null) {
                    deleteChunk.setLong(1, id);
                    deleteChunk.addBatch();
                } else {
                    upsertChunk.setLong(1, id);
                    upsertChunk.setBytes(2, c.data());
                    upsertChunk.addBatch();
                    walPagesSinceCheckpoint += c.data().length / 4096 + 1;
                }
            }
            execute(deleteChunk);
            execute(upsertChunk);
            writer.commit();
            walPagesSinceCheckpoint += b.inodes().size() + b.entries().size() + 1;
        } catch (SQLException | RuntimeException e) {
            try {
                writer.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static void execute(PreparedStatement p) throws SQLException {
        p.executeBatch();
        p.clearBatch();
    }

    /**
     * Moves the write-ahead log into the database file when it has grown (SQLite's own automatic
     * checkpoint would run inside a commit, making an action wait for it).
     */
    boolean checkpointDue(long pages) { return walPagesSinceCheckpoint >= pages; }

    void checkpoint() throws SQLException {
        walPagesSinceCheckpoint = 0;
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        writer.commit();
    }

    /** One chunk as stored, or null for a hole. */
    byte[] loadChunk(long ino, int idx) throws SQLException {
        readerLock.lock();
        try {
            loadChunk.setLong(1, chunkId(ino, idx));
            try (ResultSet r = loadChunk.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        } finally {
            readerLock.unlock();
        }
    }

    /** Stored lengths of a file's chunks from {@code fromIdx} on, by index. */
    Map<Integer, Integer> chunkLengths(long ino, int fromIdx) throws SQLException {
        readerLock.lock();
        try {
            chunkLengths.setLong(1, chunkId(ino, fromIdx));
            chunkLengths.setLong(2, chunkId(ino, (int) INDEX_MASK));
            Map<Integer, Integer> out = new HashMap<>();
            try (ResultSet r = chunkLengths.executeQuery()) {
                while (r.next()) out.put((int) (r.getLong(1) & INDEX_MASK), r.getInt(2));
            }
            return out;
        } finally {
            readerLock.unlock();
        }
    }

    @Override public void close() {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            writer.commit();
        } catch (SQLException ignored) {
            // the WAL stays; the next open replays it
        }
        closeQuietly(reader);
        closeQuietly(writer);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: nothing more to do
        }
    }
}
