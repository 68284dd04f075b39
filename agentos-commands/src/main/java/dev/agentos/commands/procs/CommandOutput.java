package dev.agentos.commands.procs;

import dev.agentos.commands.system.ChildProcess;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a command with stdout and stderr on a pipe and collects both, as watch does each interval. */
record CommandOutput(String text, ExitStatus status) {
    static CommandOutput run(ProcessContext ctx, List<String> argv) {
        int[] p = ctx.pipe();
        int pid;
        try {
            pid = ctx.spawn(SpawnRequest.of(argv.get(0), argv.subList(1, argv.size())).withFdActions(List.of(
                    new SpawnRequest.FdAction.Dup2(p[1], 1), new SpawnRequest.FdAction.Dup2(p[1], 2),
                    new SpawnRequest.FdAction.Close(p[0]), new SpawnRequest.FdAction.Close(p[1]))));
        } catch (RuntimeException e) {
            ctx.close(p[0]);
            throw e;
        } finally {
            ctx.close(p[1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            byte[] buf = new byte[8192];
            int n;
            while ((n = ctx.read(p[0], buf, 0, buf.length)) > 0) out.write(buf, 0, n);
        } finally {
            ctx.close(p[0]);
        }
        return new CommandOutput(out.toString(StandardCharsets.UTF_8), ChildProcess.waitFor(ctx, pid));
    }
}
