package dev.agentos.server;

import dev.agentos.cron.CronAction;
import dev.agentos.cron.CronEvent;
import dev.agentos.cron.CronJobInfo;
import dev.agentos.cron.CronSpec;
import dev.agentos.cron.Overlap;
import dev.agentos.protocol.CronActionSpec;
import dev.agentos.protocol.CronEventData;
import dev.agentos.protocol.CronJobSpec;
import java.util.Optional;

/** Translates cron jobs and events between the wire's records and the scheduler's. */
final class CronWire {
    private CronWire() {}

    /** The scheduler's spec for a wire spec; a malformed one is {@code request/invalid_args}. */
    static CronSpec spec(CronJobSpec w) {
        if (w.schedule() == null) throw WireError.invalidArgs("scheduleCron: \"schedule\" is required");
        if (w.action() == null) throw WireError.invalidArgs("scheduleCron: \"action\" is required");
        Overlap overlap;
        try {
            overlap = w.overlap().map(Overlap::parse).orElse(Overlap.ALLOW);
        } catch (RuntimeException e) {
            throw WireError.invalidArgs("scheduleCron: " + e.getMessage());
        }
        return new CronSpec(w.id(), w.schedule(), action(w.action()), overlap);
    }

    static CronAction action(CronActionSpec a) {
        String type = a.type() == null ? "" : a.type();
        return switch (type) {
            case "exec" -> new CronAction.Exec(a.command().orElseThrow(
                    () -> WireError.invalidArgs("scheduleCron: an exec action needs \"command\"")), a.args());
            case "session" -> new CronAction.Session(
                    a.agentType().orElseThrow(() -> WireError.invalidArgs("scheduleCron: a session action needs \"agentType\"")),
                    a.prompt().orElseThrow(() -> WireError.invalidArgs("scheduleCron: a session action needs \"prompt\"")),
                    a.options());
            default -> throw WireError.invalidArgs("scheduleCron: action type must be \"exec\" or \"session\", got \"" + type + "\"");
        };
    }

    static CronActionSpec action(CronAction a) {
        return switch (a) {
            case CronAction.Exec e -> CronActionSpec.exec(e.command(), e.args());
            case CronAction.Session s -> CronActionSpec.session(s.agentType(), s.prompt(), s.options());
        };
    }

    static CronJobSpec spec(CronSpec s) {
        return new CronJobSpec(s.id(), s.schedule(), action(s.action()), Optional.of(s.overlap().wireName()));
    }

    static dev.agentos.protocol.CronJobInfo info(CronJobInfo j) {
        return new dev.agentos.protocol.CronJobInfo(j.id(), j.schedule(), action(j.action()), j.overlap().wireName(),
                j.lastRun(), j.nextRun(), j.runCount(), j.running(), j.missedRuns());
    }

    static CronEventData event(CronEvent e) {
        Optional<Long> none = Optional.empty();
        return switch (e) {
            case CronEvent.Fired f -> new CronEventData("fire", f.jobId(), f.at(), Optional.empty(), none, Optional.empty(), Optional.empty(), none);
            case CronEvent.Completed c -> new CronEventData("complete", c.jobId(), c.at(), Optional.empty(), Optional.of(c.durationMillis()),
                    Optional.of(c.exitCode()), Optional.empty(), none);
            case CronEvent.Failed f -> new CronEventData("error", f.jobId(), f.at(), Optional.empty(), Optional.of(f.durationMillis()),
                    Optional.empty(), Optional.of(f.message()), none);
            case CronEvent.Skipped s -> new CronEventData("skip", s.jobId(), s.at(), Optional.empty(), none, Optional.empty(),
                    Optional.of("the previous run was still going"), none);
            case CronEvent.Missed m -> new CronEventData("missed", m.jobId(), m.at(), Optional.of(m.last()), none, Optional.empty(),
                    Optional.of(m.count() + " fire(s) fell while the server was down; not replayed"), Optional.of(m.count()));
        };
    }
}
