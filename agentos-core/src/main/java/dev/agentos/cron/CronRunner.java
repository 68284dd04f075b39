package dev.agentos.cron;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsException;
import java.util.function.Supplier;

/** Carries out a job's action against a VM and returns its exit code. */
@FunctionalInterface
public interface CronRunner {
    int run(CronAction action) throws Exception;

    /** Runs actions on the VM the supplier returns at fire time (the server's wakes a sleeping actor). */
    static CronRunner forVm(Supplier<AgentOs> vm) {
        return action -> switch (action) {
            case CronAction.Exec e when e.args().isEmpty() -> vm.get().exec(e.command()).exitCode();
            case CronAction.Exec e -> vm.get().execArgv(e.command(), e.args()).exitCode();
            case CronAction.Session s -> throw unsupported(s);
        };
    }

    /** Fails for actions this build cannot run, so that scheduling them is refused up front. */
    static void requireSupported(CronAction action) {
        if (action instanceof CronAction.Session s) throw unsupported(s);
    }

    private static AgentOsException unsupported(CronAction.Session s) {
        return new AgentOsException("cron", "ENOTSUP", "ENOTSUP: operation not supported, cron action type 'session' (agent '"
                + s.agentType() + "'): agent sessions are not in this build yet");
    }
}
