package dev.agentos.cron;

import dev.agentos.AgentOsException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The cron jobs of one VM: keeps the table, fires what is due (each run on its own virtual thread,
 * honouring the job's {@link Overlap}), reports {@link CronEvent}s and writes every change through
 * to its {@link CronStore}. Fires that fell while no scheduler was running are reported as
 * {@link CronEvent.Missed} when the table is loaded, never replayed.
 *
 * <p>{@link #start} runs a timer thread that sleeps until the next due fire; tests drive a scheduler
 * without one through {@link #runDue} and a clock of their own.
 */
public final class CronScheduler implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_MISSED_COUNTED = 100_000;

    private final InstantSource clock;
    private final CronStore store;
    private final CronRunner runner;
    private final Consumer<CronEvent> events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Thread timer;
    private boolean closed;

    private static final class Job {
        final CronSpec spec;
        final CronSchedule schedule;
        Instant nextRun;
        Instant lastRun;
        long runCount;
        long missedRuns;
        int running;
        final List<Instant> queued = new ArrayList<>();
        boolean cancelled;

        Job(CronSpec spec, CronSchedule schedule) {
            this.spec = spec;
            this.schedule = schedule;
        }

        String id() { return spec.id().orElseThrow(); }
    }

    private CronScheduler(InstantSource clock, CronStore store, CronRunner runner, Consumer<CronEvent> events) {
        this.clock = clock;
        this.store = store;
        this.runner = runner;
        this.events = events;
    }

    /** A scheduler with no timer: nothing fires until {@link #runDue} is called. Loads the store. */
    public static CronScheduler manual(InstantSource clock, CronStore store, CronRunner runner, Consumer<CronEvent> events) {
        CronScheduler s = new CronScheduler(clock, store, runner, events);
        s.load();
        return s;
    }

    /** Loads the store and starts the timer that fires jobs when they are due. */
    public static CronScheduler start(InstantSource clock, CronStore store, CronRunner runner, Consumer<CronEvent> events) {
        CronScheduler s = manual(clock, store, runner, events);
        s.timer = Thread.ofVirtual().name("cron-timer").start(s::timerLoop);
        return s;
    }

    private void load() {
        Instant now = clock.instant();
        List<CronEvent> report = new ArrayList<>();
        lock.lock();
        try {
            for (CronStore.StoredJob stored : store.load()) {
                CronSchedule schedule = CronSchedule.parse(stored.spec().schedule());
                Job job = new Job(stored.spec(), schedule);
                job.lastRun = stored.lastRun().orElse(null);
                job.runCount = stored.runCount();
                job.missedRuns = stored.missedRuns();
                job.nextRun = stored.nextRun().orElse(null);
                if (job.nextRun != null && job.nextRun.isBefore(now)) {
                    Instant first = job.nextRun;
                    Instant last = first;
                    long count = 0;
                    for (Optional<Instant> t = Optional.of(first); t.isPresent() && t.get().isBefore(now) && count < MAX_MISSED_COUNTED;
                         t = schedule.nextAfter(t.get())) {
                        last = t.get();
                        count++;
                    }
                    job.missedRuns += count;
                    job.nextRun = schedule.nextAfter(now).orElse(null);
                    report.add(new CronEvent.Missed(job.id(), first, last, count));
                }
                jobs.put(job.id(), job);
            }
            if (!report.isEmpty()) persist();
        } finally {
            lock.unlock();
        }
        report.forEach(this::emit);
    }

    /** Adds a job (or replaces the one with the same id) and returns its id. */
    public String schedule(CronSpec spec) {
        CronSchedule schedule = CronSchedule.parse(spec.schedule());
        String id = spec.id().orElseGet(CronScheduler::newId);
        if (id.isBlank()) throw new AgentOsException("cron", "EINVAL", "EINVAL: invalid argument, cron job id is empty");
        Instant now = clock.instant();
        Job job = new Job(spec.withId(id), schedule);
        job.nextRun = schedule instanceof CronSchedule.Once once ? once.at() : schedule.nextAfter(now).orElse(null);
        lock.lock();
        try {
            if (closed) throw new AgentOsException("cron", "ESHUTDOWN", "ESHUTDOWN: the VM is shutting down, scheduleCron");
            Job old = jobs.put(id, job);
            if (old != null) old.cancelled = true;
            persist();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return id;
    }

    public List<CronJobInfo> list() {
        lock.lock();
        try {
            return jobs.values().stream().map(j -> new CronJobInfo(j.id(), j.spec.schedule(), j.spec.action(), j.spec.overlap(),
                    Optional.ofNullable(j.lastRun), Optional.ofNullable(j.nextRun), j.runCount, j.running, j.missedRuns)).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Removes a job; a run in progress finishes, queued runs are dropped. */
    public void cancel(String id) {
        lock.lock();
        try {
            Job job = jobs.remove(id);
            if (job == null) throw new AgentOsException("cron", "ENOENT", "ENOENT: no such cron job, cancelCronJob '" + id + "'");
            job.cancelled = true;
            job.queued.clear();
            persist();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The earliest time a job is due, if any is scheduled. */
    public Optional<Instant> nextDue() {
        lock.lock();
        try {
            return earliestLocked();
        } finally {
            lock.unlock();
        }
    }

    private Optional<Instant> earliestLocked() {
        return jobs.values().stream().map(j -> j.nextRun).filter(t -> t != null).min(Instant::compareTo);
    }

    /** Fires every job due at {@code now} (once each, however late), then schedules its next fire. */
    public void runDue(Instant now) {
        List<Runnable> starts = new ArrayList<>();
        List<CronEvent> report = new ArrayList<>();
        lock.lock();
        try {
            for (Job job : jobs.values()) {
                if (job.nextRun == null || job.nextRun.isAfter(now)) continue;
                Instant at = job.nextRun;
                job.nextRun = job.schedule.nextAfter(now).orElse(null);
                if (job.running > 0 && job.spec.overlap() == Overlap.SKIP) {
                    report.add(new CronEvent.Skipped(job.id(), at));
                } else if (job.running > 0 && job.spec.overlap() == Overlap.QUEUE) {
                    job.queued.add(at);
                } else {
                    starts.add(begin(job, at));
                }
            }
            persist();
        } finally {
            lock.unlock();
        }
        report.forEach(this::emit);
        starts.forEach(Runnable::run);
    }

    /** Marks a run as started (under the lock) and returns what launches it (outside the lock). */
    private Runnable begin(Job job, Instant at) {
        job.running++;
        job.runCount++;
        job.lastRun = at;
        return () -> Thread.ofVirtual().name("cron-" + job.id()).start(() -> execute(job, at));
    }

    private void execute(Job job, Instant at) {
        emit(new CronEvent.Fired(job.id(), at));
        long t0 = System.nanoTime();
        CronEvent outcome;
        try {
            int code = runner.run(job.spec.action());
            outcome = new CronEvent.Completed(job.id(), at, millisSince(t0), code);
        } catch (Exception | StackOverflowError e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            outcome = new CronEvent.Failed(job.id(), at, millisSince(t0), msg);
        }
        emit(outcome);
        Runnable next = null;
        lock.lock();
        try {
            job.running--;
            if (!job.cancelled && !job.queued.isEmpty()) {
                next = begin(job, job.queued.remove(0));
            } else if (job.nextRun == null && job.running == 0 && job.missedRuns == 0 && jobs.get(job.id()) == job) {
                jobs.remove(job.id());    // a one-shot job that has run is done
            }
            persist();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (next != null) next.run();
    }

    private static long millisSince(long t0) { return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0); }

    private void timerLoop() {
        lock.lock();
        try {
            while (!closed) {
                Optional<Instant> due = earliestLocked();
                Instant now = clock.instant();
                if (due.isPresent() && !due.get().isAfter(now)) {
                    lock.unlock();
                    try {
                        runDue(now);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                try {
                    if (due.isEmpty()) changed.await();
                    else changed.awaitNanos(Math.max(1, Duration.between(now, due.get()).toNanos()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes the table through to the store; called with the lock held. */
    private void persist() {
        List<CronStore.StoredJob> out = new ArrayList<>(jobs.size());
        for (Job j : jobs.values()) {
            out.add(new CronStore.StoredJob(j.spec, Optional.ofNullable(j.nextRun), Optional.ofNullable(j.lastRun), j.runCount, j.missedRuns));
        }
        store.save(out);
    }

    private void emit(CronEvent e) {
        try {
            events.accept(e);
        } catch (RuntimeException ignored) {
            // a broken listener must not stop the schedule
        }
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "cron-" + HexFormat.of().formatHex(b);
    }

    /** Stops the timer; runs in progress are left to the VM (closing it kills them). */
    @Override public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
