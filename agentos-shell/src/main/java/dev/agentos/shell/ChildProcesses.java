package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs what needs a process of its own: external programs, scripts without #!, subshells, background jobs,
 * and waits for them in the foreground with the terminal handed over.
 */
final class ChildProcesses {
    final Shell sh;

    ChildProcesses(Shell sh) {
        this.sh = sh;
    }

    int execExternal(Simple s, List<String> argv) {
        Map<String, Variables.Var> savedVars = null;
        Map<String, String> env;
        if (s.assigns().isEmpty()) env = sh.exportedEnv();
        else {
            savedVars = new HashMap<>();
            for (Assign a : s.assigns()) {
                Variables.Var old = sh.vars.get(a.name());
                if (!savedVars.containsKey(a.name())) savedVars.put(a.name(), old == null ? null : old.copy());
            }
            try {
                for (Assign a : s.assigns()) {
                    sh.simple.assign(a, false);
                    sh.vars.getOrCreate(a.name()).exported = true;
                }
            } catch (Shell.CommandFailed f) {
                sh.simple.restoreVars(savedVars);
                return f.status;
            }
            env = sh.exportedEnv();
            sh.simple.restoreVars(savedVars);
        }
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(sh, s.redirs());
        } catch (Shell.CommandFailed f) {
            return f.status;
        }
        try {
            return spawnAndWait(argv, env);
        } finally {
            saved.restore();
            if (!sh.expander.procSubFds.isEmpty()) sh.expander.closeProcSubs();
        }
    }

    int spawnAndWait(List<String> argv, Map<String, String> env) {
        String name = argv.get(0);
        SpawnRequest req = new SpawnRequest(name, argv, Optional.of(env), Optional.empty(), List.of(),
                sh.opts.monitor && sh.interactive ? SpawnRequest.ProcessGroup.NEW : SpawnRequest.ProcessGroup.INHERIT, Optional.empty());
        int pid;
        try {
            pid = sh.ctx.spawn(req);
        } catch (AgentOsException e) {
            return spawnFailed(e, argv, env);
        }
        if (sh.opts.monitor && sh.interactive) {
            Jobs.Job job = sh.jobs.add(List.of(pid), pid, String.join(" ", argv));
            return foreground(job);
        }
        return waitFor(pid);
    }

    int spawnFailed(AgentOsException e, List<String> argv, Map<String, String> env) {
        String name = argv.get(0);
        if (e.is(Errno.ENOENT)) {
            if (name.contains("/")) sh.error(name + ": No such file or directory");
            else sh.error(name + ": command not found");
            return 127;
        }
        if (e.is(Errno.ENOEXEC)) return runScriptFile(name, argv);
        if (e.is(Errno.EACCES)) {
            try {
                FileStat st = sh.ctx.stat(name);
                if (st.isDirectory() && name.contains("/")) { sh.error(name + ": Is a directory"); return 126; }
            } catch (AgentOsException ignored) {
                // report the spawn failure
            }
            if (!name.contains("/")) {
                sh.error(name + ": Permission denied");
                return 126;
            }
            sh.error(name + ": Permission denied");
            return 126;
        }
        sh.error(name + ": " + Shell.strerror(e));
        return 126;
    }

    /** ENOEXEC: bash runs a file without #! as a shell script in a subshell. */
    int runScriptFile(String name, List<String> argv) {
        String path = name;
        if (!name.contains("/")) {
            String found = LookupBuiltins.searchPath(sh, name);
            if (found != null) path = found;
        }
        String text;
        try {
            text = Redirections.readFile(sh, path);
        } catch (AgentOsException e) {
            sh.error(name + ": " + Shell.strerror(e));
            return 126;
        }
        final String script = text;
        final String p = path;
        int pid = forkProgram(child -> {
            child.functions.clear();
            child.scriptName = p;
            child.arg0 = p;
            child.cMode = false;
            child.positional = new ArrayList<>(argv.subList(1, argv.size()));
            return child.runSource(script, p + ": ");
        }, List.of(), SpawnRequest.ProcessGroup.INHERIT);
        return waitFor(pid);
    }

    int waitFor(int pid) {
        while (true) {
            try {
                Optional<WaitResult> r = sh.ctx.waitpid(pid, WaitOptions.BLOCK);
                if (r.isEmpty()) return 0;
                ExitStatus es = r.get().status();
                if (es instanceof ExitStatus.Signaled sg && sh.reportSignals) reportSignal(sg.signal());
                return statusOf(es);
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR)) { sh.runPendingTraps(); continue; }
                if (e.is(Errno.ECHILD)) return 127;
                throw e;
            }
        }
    }

    static int statusOf(ExitStatus s) { return s.shellStatus(); }

    void reportSignal(Signal s) {
        String text = switch (s) {
            case SIGINT, SIGPIPE -> null;
            case SIGTERM -> "Terminated";
            case SIGKILL -> "Killed";
            case SIGHUP -> "Hangup";
            case SIGQUIT -> "Quit";
            case SIGABRT -> "Aborted";
            case SIGSEGV -> "Segmentation fault";
            case SIGUSR1 -> "User defined signal 1";
            case SIGUSR2 -> "User defined signal 2";
            case SIGALRM -> "Alarm clock";
            default -> s.name();
        };
        if (text != null) sh.writeErr(text + "\n");
    }

    /** Gives a job the terminal and waits until it ends or stops. */
    int foreground(Jobs.Job job) {
        return foreground(job, false);
    }

    /** Gives a job the terminal (then continues it, for fg) and waits until it ends or stops. */
    int foreground(Jobs.Job job, boolean resume) {
        boolean tty = sh.interactive && sh.opts.monitor && sh.ctx.isatty(0);
        if (tty) {
            try { sh.ctx.terminal(0).setForegroundGroup(job.pgid); } catch (AgentOsException ignored) { tty = false; }
        }
        if (resume) {
            try {
                sh.ctx.kill(-job.pgid, Signal.SIGCONT);
            } catch (AgentOsException e) {
                // already gone
            }
        }
        int st = 0;
        try {
            for (int i = 0; i < job.pids.size(); i++) {
                int pid = job.pids.get(i);
                if (job.done[i]) continue;
                while (true) {
                    try {
                        Optional<WaitResult> r = sh.ctx.waitpid(pid, WaitOptions.UNTRACED);
                        if (r.isPresent()) {
                            ExitStatus es = r.get().status();
                            if (tty && es instanceof ExitStatus.Stopped stop
                                    && (stop.signal() == Signal.SIGTTIN || stop.signal() == Signal.SIGTTOU)) {
                                // It touched the terminal between its spawn and our tcsetpgrp (bash closes this
                                // race by calling tcsetpgrp in the child too); it owns the terminal now.
                                try { sh.ctx.kill(-job.pgid, Signal.SIGCONT); } catch (AgentOsException gone) { /* exited */ }
                                continue;
                            }
                            if (es instanceof ExitStatus.Stopped) {
                                job.stopped = true;
                                sh.writeErr("\n[" + job.id + "]+  Stopped                 " + job.command + "\n");
                                return 128 + ((ExitStatus.Stopped) es).signal().number();
                            }
                            job.done[i] = true;
                            job.statuses[i] = es.shellStatus();
                            st = es.shellStatus();
                            if (es instanceof ExitStatus.Signaled sg && sg.signal() == Signal.SIGINT && sh.interactive) sh.writeErr("\n");
                        }
                        break;
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) { sh.runPendingTraps(); continue; }
                        if (e.is(Errno.ECHILD)) { job.done[i] = true; break; }
                        throw e;
                    }
                }
            }
            sh.jobs.remove(job);
            return st;
        } finally {
            if (tty) {
                try { sh.ctx.terminal(0).setForegroundGroup(sh.ctx.pgid()); } catch (AgentOsException ignored) { /* terminal gone */ }
            }
        }
    }

    /** A body run in a forked shell: returns the status. */
    interface ChildBody {
        int run(Shell child);
    }

    int forkProgram(ChildBody body, List<FdAction> actions, SpawnRequest.ProcessGroup group) {
        Shell copy = sh.fork();
        SpawnRequest req = new SpawnRequest(sh.arg0, List.of(sh.arg0), Optional.of(sh.exportedEnv()), Optional.empty(), actions, group,
                Optional.of(c -> copy.children.runChild(c, body)));
        return sh.ctx.spawn(req);
    }

    int runChild(ProcessContext c, ChildBody body) {
        sh.ctx = c;
        int st;
        try {
            st = body.run(sh);
        } catch (Shell.ExitException e) {
            st = e.status;
        } catch (Shell.CommandFailed f) {
            st = f.status;
        } catch (Shell.ReturnException r) {
            st = r.status;
        } catch (Shell.LoopControl l) {
            st = 0;
        } catch (StackOverflowError e) {
            sh.error("maximum function nesting level exceeded");
            st = 1;
        }
        sh.lastStatus = st;
        return runExitTrap(st);
    }

    int runExitTrap(int st) {
        String t = sh.traps.remove("EXIT");
        if (t != null && !t.isEmpty()) {
            sh.lastStatus = st;
            try {
                sh.runTrapText(t, st);
            } catch (Shell.ExitException e) {
                return e.status;
            }
        }
        return st;
    }

    int execSubshell(Subshell s) {
        sh.lineno = s.line();
        int pid = forkProgram(child -> child.exec(s.body()), List.of(), SpawnRequest.ProcessGroup.INHERIT);
        return waitFor(pid);
    }

    int execBackground(Background b) {
        List<FdAction> actions = new ArrayList<>();
        if (!sh.opts.monitor) actions.add(new FdAction.Open(0, "/dev/null", OpenFlags.O_RDONLY, 0));
        boolean explicitStdin = b.cmd() instanceof Simple s && s.redirs().stream().anyMatch(r -> r.fd() == 0 || r.op().startsWith("<"));
        if (explicitStdin || b.cmd() instanceof Pipeline) actions.clear();
        SpawnRequest.ProcessGroup group = sh.opts.monitor ? SpawnRequest.ProcessGroup.NEW : SpawnRequest.ProcessGroup.INHERIT;
        int pid = spawnDirect(b.cmd(), actions, group);
        if (pid < 0) pid = forkProgram(child -> child.exec(b.cmd()), actions, group);
        sh.lastBgPid = pid;
        Jobs.Job job = sh.jobs.add(List.of(pid), sh.opts.monitor ? pid : sh.ctx.pgid(), Quoting.describe(b.cmd()));
        job.background = true;
        if (sh.interactive) sh.writeErr("[" + job.id + "] " + pid + "\n");
        return 0;
    }

    /**
     * Spawns a simple command that names an external program straight from this shell, as bash's fork+exec
     * would leave it: $! and kill then reach the program itself. Returns -1 when the command is not one.
     */
    int spawnDirect(Command c, List<FdAction> base, SpawnRequest.ProcessGroup group) {
        if (!(c instanceof Simple s) || s.words().isEmpty()) return -1;
        String first = s.words().get(0).literal();
        if (first == null || first.isEmpty() || sh.functions.containsKey(first) || sh.builtins.isBuiltin(first)
                || Builtins.KEYWORDS.contains(first)) return -1;
        sh.lineno = s.line();
        List<Integer> toClose = new ArrayList<>();
        List<FdAction> acts = new ArrayList<>(base);
        List<String> argv;
        Map<String, String> env;
        try {
            argv = sh.expander.expandCommandWords(s.words());
            sh.assignArgs = Map.of();
            if (argv.isEmpty()) return -1;
            env = sh.simple.envWith(s.assigns());
            acts.addAll(Redirections.asActions(sh, s.redirs(), toClose));
        } catch (Shell.CommandFailed f) {
            for (int fd : toClose) sh.ctx.close(fd);
            final int st = f.status;
            return forkProgram(child -> st, base, group);
        }
        try {
            SpawnRequest req = new SpawnRequest(argv.get(0), argv, Optional.of(env), Optional.empty(), acts, group, Optional.empty());
            try {
                return sh.ctx.spawn(req);
            } catch (AgentOsException e) {
                if (e.is(Errno.ENOEXEC) || e.is(Errno.EACCES) || e.is(Errno.ENOENT)) {
                    final List<String> av = argv;
                    final Map<String, String> ev = env;
                    return forkProgram(child -> child.children.spawnFailed(e, av, ev), acts, group);
                }
                throw e;
            }
        } finally {
            for (int fd : toClose) sh.ctx.close(fd);
        }
    }
}
