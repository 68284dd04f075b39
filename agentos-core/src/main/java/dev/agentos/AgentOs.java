package dev.agentos;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.KernelConfig;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.net.EgressPolicy;
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

    private AgentOs(AgentOsOptions options) {
        ProgramRegistry programs = options.extraPrograms().entries().isEmpty() ? BaseSoftware.registry()
                : MERGED.computeIfAbsent(options.extraPrograms(),
                        extra -> ProgramRegistry.builder().addAll(BaseSoftware.registry()).addAll(extra).build());
        KernelConfig config = new KernelConfig(programs, options.limits(), options.clock(), options.hostname(),
                EgressPolicy.DENY_ALL);
        this.kernel = options.rootUpper().isPresent() ? Kernel.boot(config, options.rootUpper().get()) : Kernel.boot(config);
        for (Mount m : options.mounts()) kernel.vfs().mount(m.path(), m.backend().get(), m.readOnly());
        Map<String, String> env = defaultEnv(options);
        this.processes = new VmProcesses(kernel, events, env);
        this.files = new VmFiles(kernel.vfs(), new Caller(0, Credentials.AGENTOS, HOME, 022));
        this.shells = new VmShells(kernel, events, env);
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

    /** Kills every process and hangs up every shell. */
    @Override public void close() {
        shells.closeAll();
        kernel.close();
    }
}
