package dev.agentos.kernel;

import dev.agentos.kernel.fs.DevFileSystem;
import dev.agentos.kernel.fs.ProcFileSystem;
import dev.agentos.kernel.io.Fifos;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.limit.PipeQuota;
import dev.agentos.kernel.net.LoopbackNetwork;
import dev.agentos.kernel.proc.KernelServices;
import dev.agentos.kernel.proc.Processes;
import dev.agentos.kernel.tty.Ptys;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.FileSystemBackend;
import dev.agentos.kernel.vfs.MemoryFileSystem;
import dev.agentos.kernel.vfs.OverlayFileSystem;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;

/**
 * One VM's kernel: its filesystem (a private writable layer over the shared base image, plus /dev and
 * /proc), process table, pipes, PTYs and loopback network, under one set of limits. Booting allocates
 * a handful of objects; nothing is copied from the image until a guest writes.
 */
public final class Kernel implements AutoCloseable {
    private final KernelConfig config;
    private final Vfs vfs;
    private final Processes processes;
    private final LoopbackNetwork network;
    private final Ptys ptys;
    private final PipeQuota pipes;
    private volatile boolean closed;

    private Kernel(KernelConfig config, FileSystemBackend rootUpper) {
        this.config = config;
        Limits limits = config.limits();
        FileSystemBackend upper = rootUpper != null ? rootUpper
                : new MemoryFileSystem(config.clock(), limits.fsMaxBytes(), limits.fsMaxInodes());
        this.vfs = new Vfs(new OverlayFileSystem(upper, BaseImage.of(config.programs()).filesystem()), config.clock());
        this.network = new LoopbackNetwork(limits.maxSockets(), config.egress());
        this.network.setHostname(config.hostname());
        this.pipes = new PipeQuota(limits.maxPipes());
        Fifos fifos = new Fifos();
        vfs.setFifoOpener(fifos);
        // Ptys needs the process table's signal sink and the table needs Ptys: the sink is bound late.
        LateSignalSink sink = new LateSignalSink();
        this.ptys = new Ptys(sink, limits.maxPtys());
        KernelServices services = new KernelServices(vfs, network, ptys, fifos, pipes, config.programs(),
                config.clock(), limits);
        this.processes = new Processes(services, Credentials.AGENTOS);
        sink.bind(processes.signals());
        long bootNanos = config.clock().millis() * 1_000_000L;
        vfs.mount("/dev", new DevFileSystem(ptys, processes, bootNanos), false);
        vfs.mount("/proc", new ProcFileSystem(processes, () -> vfs, config.clock(), config.hostname()), true);
        if (!config.hostname().equals(BaseImage.DEFAULT_HOSTNAME)) {
            writeRootFile("/etc/hostname", config.hostname() + "\n");
            writeRootFile("/etc/hosts", BaseImage.hosts(config.hostname()));
        }
    }

    public static Kernel boot(KernelConfig config) {
        return new Kernel(config, null);
    }

    /**
     * Boots with {@code rootUpper} as the writable layer of the root overlay instead of a fresh in-memory
     * one: a durable store keeps the VM's own files across VMs. The backend enforces its own quotas.
     */
    public static Kernel boot(KernelConfig config, FileSystemBackend rootUpper) {
        return new Kernel(config, java.util.Objects.requireNonNull(rootUpper));
    }

    public Vfs vfs() { return vfs; }
    public Processes processes() { return processes; }
    public LoopbackNetwork network() { return network; }
    public Ptys ptys() { return ptys; }
    public PipeQuota pipes() { return pipes; }
    public Limits limits() { return config.limits(); }
    public InstantSource clock() { return config.clock(); }
    public String hostname() { return config.hostname(); }
    public boolean isClosed() { return closed; }

    /** Kills every process and closes its host sockets; the filesystem stays readable for whoever still holds it. */
    @Override public void close() {
        if (closed) return;
        closed = true;
        processes.killAll();
        network.close();
    }

    private void writeRootFile(String path, String text) {
        var f = vfs.open(Caller.host(Credentials.ROOT, "/"), path, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC | OpenFlags.O_CREAT, 0644);
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            f.write(b, 0, b.length);
        } finally {
            f.close();
        }
    }

    /** Forwards to the process table once it exists. */
    private static final class LateSignalSink implements SignalSink {
        private volatile SignalSink target = SignalSink.NONE;

        void bind(SignalSink s) { target = s; }

        @Override public void signalGroup(int pgid, Signal signal) { target.signalGroup(pgid, signal); }
        @Override public void signalProcess(int pid, Signal signal) { target.signalProcess(pid, signal); }
    }
}
