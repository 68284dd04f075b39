package dev.agentos.server;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agentos.AgentOsException;
import dev.agentos.cron.CronStore;
import dev.agentos.protocol.CronJobSpec;
import dev.agentos.protocol.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An actor's cron jobs as one JSON file under the data directory, replaced atomically (write, fsync,
 * rename) on every change so a crash leaves either the old table or the new one.
 */
final class CronFile implements CronStore {
    /** A stored job in the file's format (the wire's spec plus where its schedule stands). */
    record Entry(CronJobSpec job, Optional<Instant> nextRun, Optional<Instant> lastRun, long runCount, long missedRuns) {}

    private final Path file;

    CronFile(Path file) { this.file = file; }

    static Path of(Path dataDir, String actorId) { return dataDir.resolve("cron").resolve(actorId + ".json"); }

    @Override public List<StoredJob> load() {
        if (!Files.exists(file)) return List.of();
        try {
            List<Entry> entries = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
            return entries.stream().map(e -> new StoredJob(CronWire.spec(e.job()), e.nextRun(), e.lastRun(), e.runCount(), e.missedRuns())).toList();
        } catch (IOException | RuntimeException e) {
            throw new AgentOsException("actor", "store_corrupt", "cannot read cron jobs from " + file + ": " + e.getMessage());
        }
    }

    @Override public synchronized void save(List<StoredJob> jobs) {
        List<Entry> entries = jobs.stream()
                .map(j -> new Entry(CronWire.spec(j.spec()), j.nextRun(), j.lastRun(), j.runCount(), j.missedRuns())).toList();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(entries));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AgentOsException("actor", "store_failed", "cannot save cron jobs to " + file + ": " + e.getMessage());
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the actor is gone either way; a stale file only reappears if the same id is reused, which ids never are
        }
    }
}
