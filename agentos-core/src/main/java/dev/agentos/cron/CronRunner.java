package dev.agentos.cron;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsException;
import dev.agentos.session.PromptResult;
import dev.agentos.session.SessionOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Carries out a job's action against a VM and returns its exit code. */
@FunctionalInterface
public interface CronRunner {
    int run(CronAction action) throws Exception;

    /**
     * Runs actions on the VM the supplier returns at fire time (the server's wakes a sleeping actor). A
     * session action opens a session of its agent on first use and sends its prompt to that same session
     * on every later fire while it lives; the exit code is 0 when the agent's turn ended normally
     * ({@code end_turn}), 1 otherwise.
     */
    static CronRunner forVm(Supplier<AgentOs> vm) {
        Map<CronAction.Session, String> sessions = new ConcurrentHashMap<>();
        return action -> switch (action) {
            case CronAction.Exec e when e.args().isEmpty() -> vm.get().exec(e.command()).exitCode();
            case CronAction.Exec e -> vm.get().execArgv(e.command(), e.args()).exitCode();
            case CronAction.Session s -> prompt(vm.get(), s, sessions);
        };
    }

    private static int prompt(AgentOs vm, CronAction.Session s, Map<CronAction.Session, String> sessions) {
        String known = sessions.get(s);
        boolean alive = known != null && vm.listSessions().stream()
                .anyMatch(r -> r.sessionId().equals(known) && (r.state().equals("ready") || r.state().equals("prompting")));
        String id = known;
        if (!alive) {
            id = vm.createSession(s.agentType(), sessionOptions(s.options())).sessionId();
            sessions.put(s, id);
        }
        PromptResult r = vm.sendPrompt(id, s.prompt());
        return "end_turn".equals(r.response().path("stopReason").asText()) ? 0 : 1;
    }

    /** A session action's {@code options}: {@code cwd}, {@code env} and {@code additionalInstructions}. */
    private static SessionOptions sessionOptions(Map<String, Object> o) {
        SessionOptions.Builder b = SessionOptions.builder();
        if (o.get("cwd") instanceof String cwd) b.cwd(cwd);
        if (o.get("additionalInstructions") instanceof String text) b.additionalInstructions(text);
        if (o.get("env") instanceof Map<?, ?> env) env.forEach((k, v) -> b.env(String.valueOf(k), String.valueOf(v)));
        return b.build();
    }

    /** Fails for actions a VM cannot run, so that scheduling them is refused up front: an agent it does not have. */
    static void requireSupported(CronAction action, Supplier<AgentOs> vm) {
        if (!(action instanceof CronAction.Session s)) return;   // exec needs no VM to check (and must not wake one)
        var agents = vm.get().listAgents();
        if (agents.stream().noneMatch(a -> a.name().equals(s.agentType()))) {
            throw new AgentOsException("cron", "ENOENT", "ENOENT: no such agent, cron action type 'session' (agent '"
                    + s.agentType() + "'; installed: " + agents.stream().map(a -> a.name()).toList() + ")");
        }
    }
}
