package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;

/** Runs pipelines (with PIPESTATUS, pipefail and time) and command substitutions. */
final class Pipelines {
    final Shell sh;

    Pipelines(Shell sh) {
        this.sh = sh;
    }

    int execPipeline(Pipeline p) {
        sh.lineno = p.line();
        long start = System.nanoTime();
        long cpuStart = p.timed() ? cpuNanos() : 0;
        int st;
        List<Command> cmds = p.cmds();
        if (cmds.size() == 1) {
            if (p.bang()) sh.noErrexit++;
            try {
                st = sh.exec(cmds.get(0));
            } finally {
                if (p.bang()) sh.noErrexit--;
            }
            sh.pipeStatus = List.of(st);
        } else {
            st = runPipeline(cmds, p);
        }
        if (p.timed()) reportTime(start, cpuStart);
        if (p.bang()) return st == 0 ? 1 : 0;
        return cmds.size() > 1 ? sh.checkErrexit(st) : st;
    }

    /** The shell's own runnable time plus its reaped children's: what bash's time keyword reports as user. */
    private long cpuNanos() {
        var t = sh.ctx.times();
        return t.cpuNanos() + t.childrenCpuNanos();
    }

    void reportTime(long start, long cpuStart) {
        double real = (System.nanoTime() - start) / 1e9;
        double user = Math.max(0, cpuNanos() - cpuStart) / 1e9;
        sh.writeErr(String.format("\nreal\t%dm%.3fs\nuser\t%dm%.3fs\nsys\t0m0.000s\n", (int) (real / 60), real % 60,
                (int) (user / 60), user % 60));
    }

    int runPipeline(List<Command> cmds, Pipeline p) {
        int n = cmds.size();
        List<Integer> pids = new ArrayList<>();
        int prevRead = -1;
        boolean monitor = sh.opts.monitor && sh.interactive;
        int pgid = 0;
        try {
            for (int i = 0; i < n; i++) {
                int[] pipe = i < n - 1 ? sh.ctx.pipe() : null;
                List<FdAction> actions = new ArrayList<>();
                if (prevRead >= 0) { actions.add(new FdAction.Dup2(prevRead, 0)); actions.add(new FdAction.Close(prevRead)); }
                if (pipe != null) {
                    actions.add(new FdAction.Dup2(pipe[1], 1));
                    actions.add(new FdAction.Close(pipe[1]));
                    actions.add(new FdAction.Close(pipe[0]));
                }
                Command c = cmds.get(i);
                SpawnRequest.ProcessGroup group = !monitor ? SpawnRequest.ProcessGroup.INHERIT
                        : pgid == 0 ? SpawnRequest.ProcessGroup.NEW : new SpawnRequest.ProcessGroup.Join(pgid);
                int pid;
                try {
                    pid = sh.children.spawnDirect(c, actions, group);
                    if (pid < 0) pid = sh.children.forkProgram(child -> child.exec(c), actions, group);
                } finally {
                    if (prevRead >= 0) sh.ctx.close(prevRead);
                    if (pipe != null) sh.ctx.close(pipe[1]);
                }
                if (pgid == 0) pgid = pid;
                pids.add(pid);
                prevRead = pipe == null ? -1 : pipe[0];
            }
        } catch (AgentOsException e) {
            if (prevRead >= 0) sh.ctx.close(prevRead);
            sh.error(Shell.strerror(e));
            for (int pid : pids) sh.children.waitFor(pid);
            return 1;
        }
        List<Integer> statuses = new ArrayList<>();
        if (monitor) {
            Jobs.Job job = sh.jobs.add(pids, pgid, Quoting.describe(p));
            sh.children.foreground(job);
            for (int s : job.statuses) statuses.add(s);
        } else {
            for (int pid : pids) statuses.add(sh.children.waitFor(pid));
        }
        sh.pipeStatus = statuses;
        int st = statuses.get(n - 1);
        if (sh.opts.pipefail) for (int s : statuses) if (s != 0) st = s;
        return st;
    }

    String commandSubstitution(Command body) {
        int[] pipe = sh.ctx.pipe();
        int pid;
        try {
            pid = sh.children.forkProgram(child -> {
                child.traps.remove("EXIT");
                child.opts.errexit = false;
                return child.exec(body);
            }, List.of(new FdAction.Dup2(pipe[1], 1), new FdAction.Close(pipe[1]), new FdAction.Close(pipe[0])),
                    SpawnRequest.ProcessGroup.INHERIT);
        } finally {
            sh.ctx.close(pipe[1]);
        }
        String out;
        try {
            out = Redirections.readAll(sh, pipe[0]);
        } finally {
            sh.ctx.close(pipe[0]);
        }
        sh.lastSubStatus = sh.children.waitFor(pid);
        sh.lastStatus = sh.lastSubStatus;
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        return out.substring(0, end);
    }
}
