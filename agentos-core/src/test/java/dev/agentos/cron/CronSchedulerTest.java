package dev.agentos.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CronSchedulerTest {
    private final ManualClock clock = new ManualClock("2026-11-24T10:00:30Z");
    private final BlockingQueue<CronEvent> events = new LinkedBlockingQueue<>();
    private static final CronAction ECHO = CronAction.Exec.shell("echo hi");

    /** A store that keeps what was saved, like a file would across a restart. */
    static final class KeepingStore implements CronStore {
        volatile List<StoredJob> saved = List.of();
        public List<StoredJob> load() { return saved; }
        public void save(List<StoredJob> jobs) { saved = List.copyOf(jobs); }
    }

    private CronEvent next() throws InterruptedException {
        CronEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within 10 s").isNotNull();
        return e;
    }

    @Test void aDueJobFiresAndReportsItsExitCodeAndDuration() throws Exception {
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> 3, events::add);
        String id = s.schedule(CronSpec.of("* * * * *", ECHO).withId("every-minute"));
        assertThat(id).isEqualTo("every-minute");
        assertThat(s.nextDue()).contains(Instant.parse("2026-11-24T10:01:00Z"));

        s.runDue(clock.instant());
        assertThat(events).isEmpty();   // not due yet

        Instant due = clock.advance(Duration.ofSeconds(30));
        s.runDue(due);
        assertThat(next()).isEqualTo(new CronEvent.Fired("every-minute", due));
        CronEvent done = next();
        assertThat(done).isInstanceOf(CronEvent.Completed.class);
        assertThat(((CronEvent.Completed) done).exitCode()).isEqualTo(3);

        CronJobInfo info = s.list().getFirst();
        assertThat(info.runCount()).isEqualTo(1);
        assertThat(info.lastRun()).contains(due);
        assertThat(info.nextRun()).contains(Instant.parse("2026-11-24T10:02:00Z"));
    }

    @Test void aLateTimerFiresOnceNotOncePerMissedMinute() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> runs.incrementAndGet(), events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j"));
        s.runDue(clock.advance(Duration.ofMinutes(10)));
        next();
        next();
        assertThat(runs).hasValue(1);
        assertThat(s.list().getFirst().nextRun()).contains(Instant.parse("2026-11-24T10:11:00Z"));
    }

    @Test void aFailingRunIsReportedAndTheJobStaysScheduled() throws Exception {
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> { throw new IllegalStateException("boom"); }, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j"));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        assertThat(next()).isInstanceOf(CronEvent.Fired.class);
        CronEvent failed = next();
        assertThat(failed).isInstanceOf(CronEvent.Failed.class);
        assertThat(((CronEvent.Failed) failed).message()).isEqualTo("boom");
        assertThat(s.list()).hasSize(1);
    }

    /** A runner whose runs block until the test releases them. */
    static final class GatedRunner implements CronRunner {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();
        public int run(CronAction action) throws Exception {
            started.incrementAndGet();
            release.await();
            return 0;
        }
    }

    @Test void overlapSkipDropsAFireWhileTheLastRunIsGoing() throws Exception {
        GatedRunner runner = new GatedRunner();
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), runner, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j").withOverlap(Overlap.SKIP));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        Instant first = Instant.parse("2026-11-24T10:01:00Z");
        assertThat(next()).isEqualTo(new CronEvent.Fired("j", first));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        Instant second = Instant.parse("2026-11-24T10:02:00Z");
        assertThat(next()).isEqualTo(new CronEvent.Skipped("j", second));
        runner.release.countDown();
        assertThat(next()).isInstanceOf(CronEvent.Completed.class);
        assertThat(runner.started).hasValue(1);
        assertThat(s.list().getFirst().runCount()).isEqualTo(1);
    }

    @Test void overlapQueueRunsTheFireAfterTheCurrentRunEnds() throws Exception {
        GatedRunner runner = new GatedRunner();
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), runner, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j").withOverlap(Overlap.QUEUE));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        Instant first = Instant.parse("2026-11-24T10:01:00Z");
        assertThat(next()).isEqualTo(new CronEvent.Fired("j", first));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        Instant second = Instant.parse("2026-11-24T10:02:00Z");
        assertThat(events.poll()).isNull();
        assertThat(runner.started).hasValue(1);
        runner.release.countDown();
        List<CronEvent> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) rest.add(next());
        assertThat(rest).filteredOn(e -> e instanceof CronEvent.Fired).containsExactly(new CronEvent.Fired("j", second));
        assertThat(rest).filteredOn(e -> e instanceof CronEvent.Completed).hasSize(2);
        assertThat(runner.started).hasValue(2);
    }

    @Test void overlapAllowRunsConcurrently() throws Exception {
        GatedRunner runner = new GatedRunner();
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), runner, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j"));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        s.runDue(clock.advance(Duration.ofMinutes(1)));
        assertThat(next()).isInstanceOf(CronEvent.Fired.class);
        assertThat(next()).isInstanceOf(CronEvent.Fired.class);
        assertThat(s.list().getFirst().running()).isEqualTo(2);
        runner.release.countDown();
        assertThat(next()).isInstanceOf(CronEvent.Completed.class);
        assertThat(next()).isInstanceOf(CronEvent.Completed.class);
    }

    @Test void aOneShotJobRunsOnceThenLeavesTheTable() throws Exception {
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> 0, events::add);
        s.schedule(CronSpec.of("2026-11-24T10:05:00Z", ECHO).withId("once"));
        s.runDue(clock.advance(Duration.ofMinutes(10)));
        assertThat(next()).isEqualTo(new CronEvent.Fired("once", Instant.parse("2026-11-24T10:05:00Z")));
        assertThat(next()).isInstanceOf(CronEvent.Completed.class);
        s.runDue(clock.advance(Duration.ofMinutes(10)));
        assertThat(events.poll()).isNull();
        assertThat(s.list()).isEmpty();
    }

    @Test void cancelRemovesAJobAndUnknownIdsAreEnoent() {
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> 0, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j"));
        s.cancel("j");
        assertThat(s.list()).isEmpty();
        s.runDue(clock.advance(Duration.ofMinutes(5)));
        assertThat(events).isEmpty();
        assertThatThrownBy(() -> s.cancel("j")).hasMessage("ENOENT: no such cron job, cancelCronJob 'j'");
    }

    @Test void schedulingTheSameIdReplacesTheJob() {
        CronScheduler s = CronScheduler.manual(clock, CronStore.none(), a -> 0, events::add);
        s.schedule(CronSpec.of("* * * * *", ECHO).withId("j"));
        s.schedule(CronSpec.of("0 12 * * *", ECHO).withId("j"));
        assertThat(s.list()).singleElement().satisfies(j -> {
            assertThat(j.schedule()).isEqualTo("0 12 * * *");
            assertThat(j.nextRun()).contains(Instant.parse("2026-11-24T12:00:00Z"));
        });
    }

    @Test void jobsSurviveARestartAndFiresMissedMeanwhileAreReportedNotReplayed() throws Exception {
        KeepingStore store = new KeepingStore();
        AtomicInteger runs = new AtomicInteger();
        CronScheduler before = CronScheduler.manual(clock, store, a -> runs.incrementAndGet(), events::add);
        before.schedule(CronSpec.of("*/10 * * * *", ECHO).withId("every-10").withOverlap(Overlap.SKIP));
        before.schedule(CronSpec.of("2026-11-24T10:30:00Z", ECHO).withId("once"));
        before.close();

        clock.advance(Duration.ofMinutes(45));   // 10:45:30: fires at 10:10, 10:20, 10:30, 10:40 and the one-shot were missed
        CronScheduler after = CronScheduler.manual(clock, store, a -> runs.incrementAndGet(), events::add);
        List<CronEvent> report = List.of(next(), next());
        assertThat(report).containsExactlyInAnyOrder(
                new CronEvent.Missed("every-10", Instant.parse("2026-11-24T10:10:00Z"), Instant.parse("2026-11-24T10:40:00Z"), 4),
                new CronEvent.Missed("once", Instant.parse("2026-11-24T10:30:00Z"), Instant.parse("2026-11-24T10:30:00Z"), 1));
        assertThat(runs).hasValue(0);
        assertThat(after.list()).extracting(CronJobInfo::id).containsExactly("every-10", "once");
        CronJobInfo every = after.list().getFirst();
        assertThat(every.overlap()).isEqualTo(Overlap.SKIP);
        assertThat(every.missedRuns()).isEqualTo(4);
        assertThat(every.nextRun()).contains(Instant.parse("2026-11-24T10:50:00Z"));
        assertThat(after.list().get(1).nextRun()).isEmpty();

        after.runDue(clock.advance(Duration.ofMinutes(5)));
        assertThat(next()).isEqualTo(new CronEvent.Fired("every-10", Instant.parse("2026-11-24T10:50:00Z")));
    }
}
