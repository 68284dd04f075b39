package dev.agentos.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server's data directory: {@code server.db} (actors, per-actor tokens, preview tokens, retained
 * process output) and
 * {@code actors/<id>.db}, one {@link StoreFileSystem} file per actor. Every write here is committed
 * before the call returns (they are rare: an actor made, a token minted).
 */
public final class ServerData implements AutoCloseable {
    /** An actor as the server remembers it across restarts. */
    public record ActorRecord(String id, String name, String key, Instant created) {}

    /** A signed preview URL's grant. */
    public record PreviewRecord(String token, String actorId, int port, Instant expiresAt) {}

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS actor(id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL,
              created INTEGER NOT NULL, UNIQUE(name, key));
            CREATE TABLE IF NOT EXISTS token(token TEXT PRIMARY KEY, actor_id TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS preview(token TEXT PRIMARY KEY, actor_id TEXT NOT NULL, port INTEGER NOT NULL,
              expires INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS output(actor_id TEXT NOT NULL, pid INTEGER NOT NULL, page TEXT NOT NULL,
              PRIMARY KEY(actor_id, pid));
            CREATE TABLE IF NOT EXISTS session_event(actor_id TEXT NOT NULL, session_id TEXT NOT NULL, seq INTEGER NOT NULL,
              event TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY(actor_id, session_id, seq))
            """;

    private final Path dir;
    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();

    private ServerData(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
    }

    /** Opens (making if needed) a data directory. */
    public static ServerData open(Path dir) {
        try {
            Files.createDirectories(dir.resolve("actors"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve("server.db");
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                for (String ddl : SCHEMA.split(";")) if (!ddl.isBlank()) s.execute(ddl);
            }
            return new ServerData(dir, c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open server metadata " + file + ": " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    /** The database file of an actor's filesystem. */
    public Path actorFile(String actorId) { return dir.resolve("actors").resolve(actorId + ".db"); }

    public List<ActorRecord> actors() {
        return query("SELECT id, name, key, created FROM actor ORDER BY created", r ->
                new ActorRecord(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))));
    }

    /** Records a new actor and makes its empty filesystem, both durable on return. */
    public void addActor(ActorRecord a, InstantSource clock) {
        Path file = actorFile(a.id());
        if (!Files.exists(file)) StoreFileSystem.create(file, clock);
        update("INSERT INTO actor(id, name, key, created) VALUES (?,?,?,?)", a.id(), a.name(), a.key(), a.created().toEpochMilli());
    }

    /** Forgets an actor: its record, tokens, previews and files. */
    public void removeActor(String id) {
        update("DELETE FROM actor WHERE id = ?", id);
        update("DELETE FROM token WHERE actor_id = ?", id);
        update("DELETE FROM preview WHERE actor_id = ?", id);
        update("DELETE FROM output WHERE actor_id = ?", id);
        update("DELETE FROM session_event WHERE actor_id = ?", id);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(actorFile(id) + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + actorFile(id) + suffix + ": " + e.getMessage(), e);
            }
        }
    }

    public void addToken(String token, String actorId) {
        update("INSERT OR REPLACE INTO token(token, actor_id) VALUES (?,?)", token, actorId);
    }

    /** Every per-actor token, to its actor id. */
    public Map<String, String> tokens() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : query("SELECT token, actor_id FROM token", r -> new String[] {r.getString(1), r.getString(2)})) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    public void putPreview(PreviewRecord p) {
        update("INSERT OR REPLACE INTO preview(token, actor_id, port, expires) VALUES (?,?,?,?)",
                p.token(), p.actorId(), p.port(), p.expiresAt().toEpochMilli());
    }

    public void removePreview(String token) {
        update("DELETE FROM preview WHERE token = ?", token);
    }

    public List<PreviewRecord> previews(String actorId) {
        return query("SELECT token, actor_id, port, expires FROM preview WHERE actor_id = ?",
                r -> new PreviewRecord(r.getString(1), r.getString(2), r.getInt(3), Instant.ofEpochMilli(r.getLong(4))), actorId);
    }

    /** Saves one process's retained output (a JSON page, as readProcessOutput answers it). */
    public void saveOutput(String actorId, int pid, String pageJson) {
        update("INSERT OR REPLACE INTO output(actor_id, pid, page) VALUES (?,?,?)", actorId, pid, pageJson);
    }

    public void dropOutput(String actorId, int pid) {
        update("DELETE FROM output WHERE actor_id = ? AND pid = ?", actorId, pid);
    }

    /** The saved output pages of an actor's processes, as JSON. */
    public List<String> outputs(String actorId) {
        return query("SELECT page FROM output WHERE actor_id = ? ORDER BY pid", r -> r.getString(1), actorId);
    }

    /** One stored session event: its number, the JSON-RPC notification as text, and when it was made. */
    public record SessionEventRow(long seq, String eventJson, Instant created) {}

    public void appendSessionEvent(String actorId, String sessionId, long seq, String eventJson, Instant created) {
        update("INSERT OR REPLACE INTO session_event(actor_id, session_id, seq, event, created) VALUES (?,?,?,?,?)",
                actorId, sessionId, seq, eventJson, created.toEpochMilli());
    }

    public List<SessionEventRow> sessionEvents(String actorId, String sessionId, long afterSeq) {
        return query("SELECT seq, event, created FROM session_event WHERE actor_id = ? AND session_id = ? AND seq > ? ORDER BY seq",
                r -> new SessionEventRow(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))), actorId, sessionId, afterSeq);
    }

    public long lastSessionSeq(String actorId, String sessionId) {
        List<Long> r = query("SELECT COALESCE(MAX(seq), 0) FROM session_event WHERE actor_id = ? AND session_id = ?",
                x -> x.getLong(1), actorId, sessionId);
        return r.isEmpty() ? 0 : r.getFirst();
    }

    @Override public void close() {
        lock.lock();
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do
        } finally {
            lock.unlock();
        }
    }

    private interface RowReader<T> { T read(ResultSet r) throws SQLException; }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... args) {
        lock.lock();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            List<T> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(reader.read(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("server metadata: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void update(String sql, Object... args) {
        lock.lock();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("server metadata: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
