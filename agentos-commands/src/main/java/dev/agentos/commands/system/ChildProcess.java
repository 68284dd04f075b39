package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.WaitOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What env, nohup and timeout share: running the command they were given as if they exec'd it. */
public final class ChildProcess {
    private ChildProcess() {}

    /** posix_spawn of {@code argv}, with the environment replaced when {@code env} is present. */
    public static int spawn(ProcessContext ctx, List<String> argv, Optional<Map<String, String>> env) {
        SpawnRequest r = SpawnRequest.of(argv.get(0), argv.subList(1, argv.size()));
        if (env.isPresent()) r = r.withEnv(env.get());
        return ctx.spawn(r);
    }

    /** 127 when the command was not found, 126 when it could not be run: the exec failure statuses. */
    public static int execFailureStatus(AgentOsException e) {
        return e.is(Errno.ENOENT) ? 127 : 126;
    }

    public static String reason(AgentOsException e) {
        return e.errno().map(Errno::strerror).orElse(e.getMessage());
    }

    /** Waits for the child and ends the way it did: the same exit code, or killed by the same signal. */
    public static int waitAndMirror(ProcessContext ctx, int pid) {
        return mirror(ctx, waitFor(ctx, pid));
    }

    public static ExitStatus waitFor(ProcessContext ctx, int pid) {
        while (true) {
            try {
                var r = ctx.waitpid(pid, WaitOptions.BLOCK);
                if (r.isPresent()) return r.get().status();
            } catch (AgentOsException e) {
                if (!e.is(Errno.EINTR)) throw e;
            }
        }
    }

    public static int mirror(ProcessContext ctx, ExitStatus status) {
        if (status instanceof ExitStatus.Signaled(var sig)) {
            if (!sig.uncatchable()) ctx.signalDisposition(sig, SignalDisposition.DEFAULT);
            ctx.kill(ctx.pid(), sig);
            ctx.checkSignals();
        }
        return status.shellStatus();
    }
}
