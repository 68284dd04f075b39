package dev.agentos.kernel.proc;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.SignalSink;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VM's process subsystem: spawning (from a guest or from the host), signals, and the table
 * /proc and ps read. Guest programs run on virtual threads; a process's end is decided by the kernel
 * (exit status or signal), not by when its thread happens to return.
 */
public final class Processes {
    private final KernelServices services;
    private final ProcessTable table;
    private final ProgramResolver resolver;

    public Processes(KernelServices services, Credentials initCredentials) {
        this.services = services;
        this.table = new ProcessTable(services.limits().maxProcesses(), initCredentials, services.clock().millis());
        this.resolver = new ProgramResolver(services.vfs(), services.programs());
    }

    /** Where terminals and the host send signals. */
    public SignalSink signals() { return table; }

    /**
     * Starts a process as a child of init from the host. {@code fds} become its descriptors (the
     * process takes over those references, also when spawning fails). Env and cwd should be given.
     */
    public GuestProcess spawn(SpawnRequest request, Credentials credentials, Map<Integer, FileDescription> fds) {
        FdTable table0 = new FdTable(services.limits().maxOpenFiles());
        for (var e : fds.entrySet()) table0.installAt(e.getKey(), e.getValue(), false);
        KernelProcess init = table.init();
        KernelProcess child = spawn(init, credentials, request, table0);
        return new GuestProcess(child, table);
    }

    public Optional<GuestProcess> find(int pid) {
        return table.find(pid).filter(p -> p.pid != ProcessTable.INIT_PID).map(p -> new GuestProcess(p, table));
    }

    public List<ProcessInfo> list() {
        return table.all().stream().map(Processes::info).toList();
    }

    /** kill(2) from the host: ESRCH when no such live process. */
    public void kill(int pid, Signal signal) {
        KernelProcess p = table.find(pid).filter(q -> !q.exited() && q.pid != ProcessTable.INIT_PID)
                .orElseThrow(() -> AgentOsException.errnoDetail(Errno.ESRCH, "kill " + pid));
        table.deliver(p, signal);
    }

    /** SIGKILL to every process (VM shutdown). */
    public void killAll() {
        for (KernelProcess p : table.all()) if (p.pid != ProcessTable.INIT_PID) table.deliver(p, Signal.SIGKILL);
    }

    public int liveCount() { return table.liveCount(); }

    /** The open files of a process, for /proc/PID/fd. */
    public List<Integer> openFds(int pid) {
        return table.find(pid).map(p -> p.fds.openFds()).orElse(List.of());
    }

    /** The description behind a process's fd (a new reference the caller must close). */
    public FileDescription openFd(int pid, int fd) {
        KernelProcess p = table.find(pid).orElseThrow(() -> AgentOsException.errnoDetail(Errno.ENOENT, "/proc/" + pid));
        FileDescription f = p.fds.get(fd);
        f.retain();
        return f;
    }

    /** The description behind a process's fd, without taking a reference (for stat and readlink). */
    public FileDescription peekFd(int pid, int fd) {
        KernelProcess p = table.find(pid).orElseThrow(() -> AgentOsException.errnoDetail(Errno.ENOENT, "/proc/" + pid));
        return p.fds.get(fd);
    }

    public Map<String, String> environment(int pid) {
        return table.find(pid).map(KernelProcess::environment).orElse(Map.of());
    }

    /** The slave path of a process's controlling terminal. */
    public Optional<String> controllingTty(int pid) {
        return table.find(pid).map(p -> p.controllingTerminal).map(Terminal::name);
    }

    static ProcessInfo info(KernelProcess p) {
        Terminal t = p.controllingTerminal;
        // a running process parked in a blocking wait is asleep, as Linux's S state says
        ProcessState state = p.state == ProcessState.RUNNING && p.waiting() ? ProcessState.SLEEPING : p.state;
        return new ProcessInfo(p.pid, p.ppid, p.pgid, p.sid, p.credentials.uid(), state, p.argv, p.cwd(),
                Optional.ofNullable(t).map(Terminal::name), p.startTimeMillis, Optional.ofNullable(p.exitStatus),
                p.cpuNanos(), p.nice);
    }

    // ---- guest-side spawn ----

    KernelProcess spawn(KernelProcess parent, Credentials credentials, SpawnRequest request, FdTable givenFds) {
        FdTable fds = givenFds;
        boolean pidTaken = false;
        try {
            Map<String, String> env = request.env().orElseGet(parent::environment);
            checkArgvEnv(request.argv(), env);
            Caller caller = new Caller(parent.pid, credentials, parent.cwd(), parent.umask());
            String cwd = request.cwd().map(c -> absolute(parent.cwd(), c)).orElse(parent.cwd());
            FileStat cwdStat = services.vfs().stat(caller, cwd);
            if (!cwdStat.isDirectory()) throw AgentOsException.errno(Errno.ENOTDIR, "chdir", cwd);
            ProgramResolver.Resolved resolved = request.program()
                    .map(p -> new ProgramResolver.Resolved(p, request.command(), request.argv()))
                    .orElseGet(() -> resolver.resolve(caller, request.command(), request.argv(), Optional.ofNullable(env.get("PATH"))));
            int pid = table.allocatePid();
            pidTaken = true;
            if (fds == null) fds = parent.fds.inherit(services.limits().maxOpenFiles());
            applyFdActions(fds, request.fdActions(), new Caller(pid, credentials, cwd, parent.umask()));
            KernelProcess child = newChild(parent, pid, credentials, request, resolved.argv(), env, cwd, fds);
            start(child, resolved.program());
            return child;
        } catch (RuntimeException | Error e) {
            if (fds != null) fds.closeAll();
            if (pidTaken) table.releasePid();
            throw e;
        }
    }

    private KernelProcess newChild(KernelProcess parent, int pid, Credentials credentials, SpawnRequest request,
                                   List<String> argv, Map<String, String> env, String cwd, FdTable fds) {
        int pgid = parent.pgid;
        int sid = parent.sid;
        Terminal ctty = parent.controllingTerminal;
        switch (request.group()) {
            case SpawnRequest.ProcessGroup.Inherit i -> { }
            case SpawnRequest.ProcessGroup.Join j -> {
                if (j.pgid() == 0) pgid = pid;
                else if (table.all().stream().anyMatch(q -> q.pgid == j.pgid() && q.sid == parent.sid && !q.exited())) pgid = j.pgid();
                else throw AgentOsException.errnoDetail(Errno.EPERM, "setpgid " + pid + " " + j.pgid());
            }
            case SpawnRequest.ProcessGroup.NewSession s -> {
                pgid = pid;
                sid = pid;
                ctty = null;
                if (s.controllingTtyFd() >= 0) {
                    Terminal t = fds.get(s.controllingTtyFd()).terminal()
                            .orElseThrow(() -> AgentOsException.errnoDetail(Errno.ENOTTY, "TIOCSCTTY fd " + s.controllingTtyFd()));
                    t.setSession(pid);
                    t.setForegroundGroup(pid);
                    ctty = t;
                }
            }
        }
        KernelProcess child = new KernelProcess(pid, parent.pid, pgid, sid, credentials, argv, env, cwd,
                parent.umask(), fds, services.clock().millis());
        child.controllingTerminal = ctty;
        child.nice = parent.nice;
        child.inheritDispositions(parent.inheritableDispositions());
        return child;
    }

    private void start(KernelProcess p, Program program) {
        KernelProcessContext ctx = new KernelProcessContext(this, services, table, p);
        Thread t = Thread.ofVirtual().name("vm-pid-" + p.pid + "-" + p.name()).unstarted(() -> run(p, program, ctx));
        p.thread = t;
        table.add(p);
        t.start();
    }

    private void run(KernelProcess p, Program program, KernelProcessContext ctx) {
        int status;
        try {
            status = program.run(ctx);
        } catch (ProcessUnwind u) {
            status = p.requestedExit;
        } catch (AgentOsException e) {
            status = reportCrash(ctx, p.name() + ": " + e.getMessage() + "\n");
        } catch (Throwable t) {
            status = reportCrash(ctx, p.name() + ": internal error: " + stackTop(t) + "\n");
        }
        table.exit(p, new ExitStatus.Exited(status & 0xff));
    }

    private static int reportCrash(KernelProcessContext ctx, String message) {
        try {
            byte[] b = message.getBytes(StandardCharsets.UTF_8);
            ctx.write(2, b, 0, b.length);
        } catch (RuntimeException | ProcessUnwind ignored) {
            // no stderr, or killed meanwhile: the status still says it failed
        }
        return 1;
    }

    private static String stackTop(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse(t.toString());
    }

    private void checkArgvEnv(List<String> argv, Map<String, String> env) {
        long bytes = 0;
        for (String a : argv) bytes += a.length() + 1L;
        for (var e : env.entrySet()) bytes += e.getKey().length() + e.getValue().length() + 2L;
        long max = services.limits().maxArgvEnvBytes();
        if (bytes > max) {
            throw AgentOsException.errnoDetail(Errno.E2BIG, "spawn (argv and environment are " + bytes + " bytes, limit " + max + ")");
        }
    }

    private void applyFdActions(FdTable fds, List<SpawnRequest.FdAction> actions, Caller caller) {
        for (SpawnRequest.FdAction a : actions) {
            switch (a) {
                case SpawnRequest.FdAction.Dup2 d -> fds.dup2(d.from(), d.to());
                case SpawnRequest.FdAction.Close c -> { if (fds.isOpen(c.fd())) fds.close(c.fd()); }
                case SpawnRequest.FdAction.Open o -> {
                    FileDescription f = services.vfs().open(caller, o.path(), o.flags() & ~OpenFlags.O_CLOEXEC, o.mode());
                    fds.installAt(o.fd(), f, (o.flags() & OpenFlags.O_CLOEXEC) != 0);
                }
            }
        }
    }

    /** Joins a possibly relative path onto a directory, lexically. */
    static String absolute(String cwd, String path) {
        if (path.startsWith("/")) return path;
        return cwd.endsWith("/") ? cwd + path : cwd + "/" + path;
    }
}
