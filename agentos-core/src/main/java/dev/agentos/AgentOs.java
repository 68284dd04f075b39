package dev.agentos;

import dev.agentos.cron.CronJobInfo;
import dev.agentos.cron.CronRunner;
import dev.agentos.cron.CronScheduler;
import dev.agentos.cron.CronSpec;
import dev.agentos.cron.CronStore;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.KernelConfig;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.vfs.Caller;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An agentOS VM embedded in this JVM: a POSIX-like filesystem, processes, pipes, terminals and a
 * loopback network, driven by direct method calls. {@code create} takes microseconds; {@code close}
 * kills every process. Operations act as the VM's user {@code agentos} from {@code /home/agentos};
 * failures are {@link AgentOsException}s worded like Linux.
 */
public final class AgentOs implements AutoCloseable {
    static final String HOME = "/home/agentos";
    private static final Map<ProgramRegistry, ProgramRegistry> MERGED = new ConcurrentHashMap<>();

    private final Kernel kernel;
    private final EventBus events = new EventBus();
    private final VmProcesses processes;
    private final VmFiles files;
    private final VmShells shells;
    private final AgentOsOptions options;
    private CronScheduler cron;   // started by the first scheduleCron
    private final VmNetwork network;
    private final dev.agentos.session.Sessions sessions;

    private AgentOs(AgentOsOptions options) {
        this.options = options;
        ProgramRegistry programs = options.extraPrograms().entries().isEmpty() ? BaseSoftware.registry()
                : MERGED.computeIfAbsent(options.extraPrograms(),
                        extra -> ProgramRegistry.builder().addAll(BaseSoftware.registry()).addAll(extra).build());
        KernelConfig config = new KernelConfig(programs, options.limits(), options.clock(), options.hostname(),
                options.egress());
        this.kernel = options.rootUpper().isPresent() ? Kernel.boot(config, options.rootUpper().get()) : Kernel.boot(config);
        for (Mount m : options.mounts()) kernel.vfs().mount(m.path(), m.backend().get(), m.readOnly());
        Map<String, String> env = defaultEnv(options);
        this.processes = new VmProcesses(kernel, events, env);
        this.files = new VmFiles(kernel.vfs(), new Caller(0, Credentials.AGENTOS, HOME, 022));
        this.shells = new VmShells(kernel, events, env);
        this.network = new VmNetwork(kernel.network(), options.limits().maxOutputBytes());
        this.sessions = new dev.agentos.session.Sessions(this, kernel, options.sessions(), env, options.clock(),
                events::publish, events::anyoneAnswersPermissions);
    }

    /** Boots a VM with default options. */
    public static AgentOs create() {
        return new AgentOs(AgentOsOptions.DEFAULT);
    }

    public static AgentOs create(AgentOsOptions options) {
        return new AgentOs(options);
    }

    private static Map<String, String> defaultEnv(AgentOsOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/opt/agentos/bin");
        env.put("HOME", HOME);
        env.put("USER", "agentos");
        env.put("LOGNAME", "agentos");
        env.put("SHELL", "/bin/bash");
        env.put("HOSTNAME", options.hostname());
        env.put("LANG", "C.UTF-8");
        env.putAll(options.env());
        return OrderedCopy.of(env);
    }

    /** The kernel underneath, for programs and tools built on this library. */
    public Kernel kernel() { return kernel; }

    /** Registers a listener for every event of this VM; close the returned handle to stop. */
    public AutoCloseable onEvent(Consumer<AgentOsEvent> listener) { return events.subscribe(listener); }

    /**
     * Registers a listener that answers permission requests only while {@code answersPermissions} says
     * so (a server relaying events answers only while a client is connected); when no listener answers,
     * the session permission policy decides.
     */
    public AutoCloseable onEvent(Consumer<AgentOsEvent> listener, java.util.function.BooleanSupplier answersPermissions) {
        return events.subscribe(listener, answersPermissions);
    }

    // ---- process ----

    /** Runs {@code /bin/sh -c commandLine} and waits for it. */
    public ExecResult exec(String commandLine) { return exec(commandLine, ExecOptions.DEFAULT); }

    public ExecResult exec(String commandLine, ExecOptions options) {
        try {
            return processes.execArgv("/bin/sh", List.of("-c", commandLine), options);
        } catch (AgentOsException e) {
            if (e.is(Errno.ENOENT) && e.path().filter("/bin/sh"::equals).isPresent()) {
                throw new AgentOsException("process", "ENOENT",
                        "ENOENT: no such file or directory, spawn '/bin/sh' (sh: not installed in this VM's image)");
            }
            throw e;
        }
    }

    /** Runs a program with arguments, no shell involved, and waits for it. */
    public ExecResult execArgv(String command, List<String> args) { return execArgv(command, args, ExecOptions.DEFAULT); }

    public ExecResult execArgv(String command, List<String> args, ExecOptions options) {
        return processes.execArgv(command, args, options);
    }

    /** Starts a program and returns its pid; output arrives through callbacks and events. */
    public int spawn(String command, List<String> args) { return spawn(command, args, SpawnOptions.DEFAULT); }

    public int spawn(String command, List<String> args, SpawnOptions options) {
        return processes.spawn(command, args, options);
    }

    public void writeProcessStdin(int pid, byte[] data) { processes.writeStdin(pid, data); }

    public void writeProcessStdin(int pid, String data) { writeProcessStdin(pid, data.getBytes(StandardCharsets.UTF_8)); }

    public void closeProcessStdin(int pid) { processes.closeStdin(pid); }

    /** Waits for a process to end; returns its exit code (128+N when killed by signal N). */
    public int waitProcess(int pid) { return processes.waitProcess(pid); }

    /** Sends SIGTERM. */
    public void stopProcess(int pid) { processes.signal(pid, Signal.SIGTERM); }

    /** Sends SIGKILL: the process ends at once, whatever it is doing. */
    public void killProcess(int pid) { processes.signal(pid, Signal.SIGKILL); }

    /** Sends any signal. */
    public void signalProcess(int pid, Signal signal) { processes.signal(pid, signal); }

    public List<ProcessInfo> listProcesses() { return processes.list(); }

    public Optional<ProcessInfo> getProcess(int pid) { return processes.get(pid); }

    public List<ProcessTreeNode> processTree() { return processes.tree(); }

    // ---- filesystem ----

    public byte[] readFile(String path) { return files.readFile(path); }

    /** The file as UTF-8 text. */
    public String readFileText(String path) { return new String(readFile(path), StandardCharsets.UTF_8); }

    public List<ReadResult> readFiles(List<String> paths) { return files.readFiles(paths); }

    public void writeFile(String path, byte[] content) { files.writeFile(path, content); }

    public void writeFile(String path, String content) { writeFile(path, content.getBytes(StandardCharsets.UTF_8)); }

    /** Writes each entry; one failing entry does not stop the others. */
    public List<WriteResult> writeFiles(List<FileEntry> entries) { return files.writeFiles(entries); }

    public void mkdir(String path) { mkdir(path, false); }

    public void mkdir(String path, boolean recursive) { files.mkdir(path, recursive); }

    /** Names in a directory, sorted, without "." and "..". */
    public List<String> readdir(String path) { return files.readdir(path); }

    public List<DirEntryInfo> readdirRecursive(String path) { return readdirRecursive(path, Integer.MAX_VALUE); }

    public List<DirEntryInfo> readdirRecursive(String path, int maxDepth) { return files.readdirRecursive(path, maxDepth); }

    public FileInfo stat(String path) { return files.stat(path); }

    public boolean exists(String path) { return files.exists(path); }

    public void move(String from, String to) { files.move(from, to); }

    public void deleteFile(String path) { deleteFile(path, false); }

    public void deleteFile(String path, boolean recursive) { files.delete(path, recursive); }

    // ---- shell ----

    /** Opens an interactive shell on a new PTY and returns its id. */
    public String openShell() { return openShell(ShellOptions.DEFAULT); }

    public String openShell(ShellOptions options) { return shells.open(options); }

    public void writeShell(String shellId, byte[] data) { shells.write(shellId, data); }

    public void writeShell(String shellId, String data) { writeShell(shellId, data.getBytes(StandardCharsets.UTF_8)); }

    public void resizeShell(String shellId, int cols, int rows) { shells.resize(shellId, cols, rows); }

    /** Hangs up the shell's terminal. */
    public void closeShell(String shellId) { shells.close(shellId); }

    /** Waits for the shell's program to end; returns its exit code. */
    public int waitShell(String shellId) { return shells.await(shellId); }

    // ---- cron ----

    /**
     * Schedules a job (replacing the one with the same id) and returns its id. Jobs of an embedded VM
     * live as long as it does; the actor server keeps them across restarts.
     */
    public String scheduleCron(CronSpec spec) {
        CronRunner.requireSupported(spec.action(), () -> this);
        return cron(true).schedule(spec);
    }

    public List<CronJobInfo> listCronJobs() {
        CronScheduler c = cron(false);
        return c == null ? List.of() : c.list();
    }

    public void cancelCronJob(String id) {
        CronScheduler c = cron(false);
        if (c == null) throw new AgentOsException("cron", "ENOENT", "ENOENT: no such cron job, cancelCronJob '" + id + "'");
        c.cancel(id);
    }

    private synchronized CronScheduler cron(boolean create) {
        if (cron == null && create) {
            cron = CronScheduler.start(options.clock(), CronStore.none(), CronRunner.forVm(() -> this),
                    e -> events.publish(new AgentOsEvent.Cron(e)));
        }
        return cron;
    }

    // ---- network ----

    /** GET {@code pathOrUrl} from the guest server listening on VM port {@code port}. */
    public VmFetchResponse vmFetch(int port, String pathOrUrl) { return vmFetch(port, pathOrUrl, VmFetchOptions.DEFAULT); }

    /**
     * One HTTP/1.1 request to the guest server listening on VM port {@code port}, over the VM's loopback
     * network; the whole response is read (at most {@code maxOutputBytes} of body, else EFBIG).
     * ECONNREFUSED names the port when nothing listens there; EPROTO when the answer is not HTTP.
     */
    public VmFetchResponse vmFetch(int port, String pathOrUrl, VmFetchOptions options) {
        return network.fetch(port, pathOrUrl, options);
    }

    /**
     * Like {@link #vmFetch} but returns once the response head has arrived, the body streaming: for
     * proxies. With {@code upgrade} the caller's {@code Connection}/{@code Upgrade} headers are sent
     * as they are, and a 101 answer hands the connection over (see {@link VmHttpExchange}).
     */
    public VmHttpExchange vmFetchStreaming(int port, String pathOrUrl, VmFetchOptions options, boolean upgrade) {
        return network.open(port, pathOrUrl, options, upgrade);
    }


    // ---- sessions ----

    /** The installed agents {@code createSession} can start. */
    public List<dev.agentos.session.AgentDefinition> listAgents() { return sessions.listAgents(); }

    /**
     * Starts an agent as a guest process, speaks ACP to it ({@code initialize}, {@code session/new})
     * and returns the new session; its events arrive as {@link AgentOsEvent.SessionEvent}s.
     */
    public dev.agentos.session.SessionRecord createSession(String agentType) {
        return createSession(agentType, dev.agentos.session.SessionOptions.DEFAULT);
    }

    public dev.agentos.session.SessionRecord createSession(String agentType, dev.agentos.session.SessionOptions options) {
        return sessions.createSession(agentType, options);
    }

    /** Sends a prompt and waits for the agent's turn to end: its response and the text it streamed. */
    public dev.agentos.session.PromptResult sendPrompt(String sessionId, String text) { return sessions.sendPrompt(sessionId, text); }

    /** Cancels the running prompt ({@code session/cancel}); pending permission requests are answered cancelled. */
    public void cancelPrompt(String sessionId) { sessions.cancelPrompt(sessionId); }

    public void setMode(String sessionId, String modeId) { sessions.setMode(sessionId, modeId); }

    public dev.agentos.session.SessionModes getModes(String sessionId) { return sessions.getModes(sessionId); }

    public void setModel(String sessionId, String modelId) { sessions.setModel(sessionId, modelId); }

    /** Answers a permission request: {@code once}, {@code always} (this kind, for the session's life) or {@code reject}. */
    public void respondPermission(String sessionId, String permissionId, dev.agentos.session.PermissionReply reply) {
        sessions.respondPermission(sessionId, permissionId, reply);
    }

    public void respondPermission(String sessionId, String permissionId, String reply) {
        respondPermission(sessionId, permissionId, dev.agentos.session.PermissionReply.parse(reply));
    }

    /** Permission requests of a session waiting for an answer. */
    public List<dev.agentos.session.PermissionRequest> pendingPermissions(String sessionId) {
        return sessions.pendingPermissions(sessionId);
    }

    public void closeSession(String sessionId) { sessions.closeSession(sessionId); }

    public List<dev.agentos.session.SessionRecord> listSessions() { return sessions.listSessions(); }

    public dev.agentos.session.SessionRecord getSession(String sessionId) { return sessions.getSession(sessionId); }

    /** Every event of a session, in order (also after it closed or its agent died). */
    public List<dev.agentos.session.SessionEvent> getSessionEvents(String sessionId) { return sessions.getSessionEvents(sessionId, 0); }

    /** The events of a session with {@code seq > afterSeq}. */
    public List<dev.agentos.session.SessionEvent> getSessionEvents(String sessionId, long afterSeq) {
        return sessions.getSessionEvents(sessionId, afterSeq);
    }

    /** Stops cron, closes sessions, kills every process and hangs up every shell. */
    @Override public void close() {
        synchronized (this) {
            if (cron != null) cron.close();
        }
        sessions.close();
        shells.closeAll();
        kernel.close();
    }
}
