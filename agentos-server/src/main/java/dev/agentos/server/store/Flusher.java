package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for one store. Changes wait in memory until someone needs them durable (an action's
 * reply, a close, an fsync: {@link #await}, which commits in the caller's thread) or until the oldest
 * has waited the flush interval (this class's thread commits then); either way everything changed so
 * far goes to SQLite in one transaction. Callers that ask while a commit runs share the next one, so
 * many concurrent writers cost few commits.
 *
 * <p>A platform thread, not a virtual one: SQLite is native code and would pin a carrier anyway.
 */
final class Flusher {
    private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);
    /** WAL pages after which the log is copied into the database, off the commit path. */
    private static final long CHECKPOINT_PAGES = 4096;

    private final StoreFileSystem fs;
    private final StoreDatabase db;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition committed = lock.newCondition();
    private final Thread thread;
    private volatile long durable;
    private long failedUpTo = -1;
    private String failure;
    private boolean stopping;
    private boolean backOff;
    /** A commit (by the flusher or a caller) holds the writer connection. */
    private boolean committing;
    private volatile boolean checkpointDue;
    private boolean stopped;

    Flusher(StoreFileSystem fs, StoreDatabase db, long intervalNanos, long startSeq) {
        this.fs = fs;
        this.db = db;
        this.intervalNanos = intervalNanos;
        this.durable = startSeq;
        this.thread = Thread.ofPlatform().daemon().name("agentos-store-" + db.file().getFileName()).unstarted(this::run);
    }

    void start() { thread.start(); }

    /**
     * Returns once every change up to {@code seq} is committed; EIO if the commit failed. When no commit
     * is running the caller commits itself (no hand-off to another thread, which costs a scheduling
     * delay on a busy machine); callers arriving meanwhile wait and share the next commit.
     */
    void await(long seq) {
        if (seq <= durable) return;
        lock.lock();
        try {
            while (durable < seq) {
                if (failure != null && failedUpTo >= seq) {
                    throw AgentOsException.errnoDetail(Errno.EIO, "store commit failed: " + failure + " (" + db.file() + ")");
                }
                if (stopped) throw AgentOsException.errnoDetail(Errno.EIO, "store closed: " + db.file());
                if (!committing) {
                    committing = true;
                    lock.unlock();
                    try {
                        commitOnce();
                    } finally {
                        lock.lock();
                        committing = false;
                        committed.signalAll();
                    }
                } else {
                    committed.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code body} as the only user of the writer connection. */
    private void exclusive(Runnable body) {
        lock.lock();
        try {
            while (committing) committed.awaitUninterruptibly();
            committing = true;
        } finally {
            lock.unlock();
        }
        try {
            body.run();
        } finally {
            lock.lock();
            try {
                committing = false;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The first change after a commit: start the flush-interval clock. */
    void changesPending() {
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Commits what is left and stops the thread. */
    void stop() {
        lock.lock();
        try {
            stopping = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (waitForWork()) {
                exclusive(this::commitOnce);
                if (checkpointDue) exclusive(this::checkpoint);
            }
            exclusive(this::commitOnce); // what changed before stop
        } catch (RuntimeException | Error e) {
            LOG.error("store flusher for {} died", db.file(), e);
        } finally {
            lock.lock();
            try {
                stopped = true;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until a commit is due; false when stopping. */
    private boolean waitForWork() {
        lock.lock();
        try {
            while (!stopping) {
                if (backOff) {
                    // After a failed commit, retry at the flush interval rather than spin.
                    backOff = false;
                    work.awaitNanos(intervalNanos);
                    continue;
                }
                if (checkpointDue) return true;
                long since = fs.pendingSinceNanos();
                if (since != 0) {
                    long wait = since + intervalNanos - System.nanoTime();
                    if (wait <= 0) return true;
                    work.awaitNanos(wait);
                } else {
                    work.await();
                }
            }
            return false;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void commitOnce() {
        StoreFileSystem.Taken taken = fs.takeChanges();
        String error = null;
        if (!taken.batch().isEmpty()) {
            try {
                db.write(taken.batch());
            } catch (SQLException | RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                fs.restoreChanges(taken.changes());
                LOG.warn("store commit failed for {}: {}", db.file(), error);
            }
        }
        lock.lock();
        try {
            if (error == null) {
                durable = Math.max(durable, taken.batch().seq());
                failure = null;
            } else {
                failure = error;
                failedUpTo = Math.max(failedUpTo, taken.batch().seq());
                backOff = true;
            }
            committed.signalAll();
        } finally {
            lock.unlock();
        }
        if (error == null && db.checkpointDue(CHECKPOINT_PAGES)) {
            checkpointDue = true;
            changesPending(); // the flusher thread checkpoints, not the caller waiting for its reply
        }
    }

    private void checkpoint() {
        checkpointDue = false;
        try {
            db.checkpoint();
        } catch (SQLException e) {
            LOG.debug("checkpoint of {} failed: {}", db.file(), e.getMessage());
        }
    }

}
