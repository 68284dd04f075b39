package dev.agentos.commands.search;

import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.WaitOptions;
import java.util.List;

/** Runs a command as a child of the calling process and waits for it (find -exec, xargs). */
public final class ChildProcess {
    private ChildProcess() {}

    /** Spawns argv (argv[0] looked up on PATH), optionally in {@code cwd}; returns the wait status. */
    public static ExitStatus run(ProcessContext ctx, List<String> argv, String cwd) {
        SpawnRequest req = SpawnRequest.of(argv.get(0), argv.subList(1, argv.size()));
        if (cwd != null) req = req.withCwd(cwd);
        int pid = ctx.spawn(req);
        return ctx.waitpid(pid, WaitOptions.BLOCK).orElseThrow().status();
    }
}
