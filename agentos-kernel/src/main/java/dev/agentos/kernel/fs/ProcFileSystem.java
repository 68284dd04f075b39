package dev.agentos.kernel.fs;

import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.Processes;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileSystemBackend;
import dev.agentos.kernel.vfs.MagicLink;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vfs;
import dev.agentos.kernel.vfs.Vnode;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The VM's /proc: {@code self}, one directory per process (cmdline, environ, cwd, fd/, status, stat,
 * comm), and the system files tools read (uptime, loadavg, meminfo, cpuinfo, mounts, version).
 */
public final class ProcFileSystem implements FileSystemBackend {
    private final Processes processes;
    private final Supplier<Vfs> vfs;
    private final InstantSource clock;
    private final long bootNanos;
    private final long bootMillis;
    private final String hostname;
    private final SyntheticDirectory root;

    public ProcFileSystem(Processes processes, Supplier<Vfs> vfs, InstantSource clock, String hostname) {
        this.processes = processes;
        this.vfs = vfs;
        this.clock = clock;
        this.bootMillis = clock.millis();
        this.bootNanos = bootMillis * 1_000_000L;
        this.hostname = hostname;
        Map<String, Vnode> fixed = new LinkedHashMap<>();
        fixed.put("self", new CallerDependentLink(bootNanos, c -> Integer.toString(c.pid())));
        fixed.put("uptime", file(this::uptime));
        fixed.put("loadavg", file(this::loadavg));
        fixed.put("meminfo", file(ProcFileSystem::meminfo));
        fixed.put("cpuinfo", file(ProcFileSystem::cpuinfo));
        fixed.put("mounts", file(this::mounts));
        fixed.put("version", file(() -> "Linux version 6.1.0-agentos (agentos@" + hostname + ") #1 SMP agentOS for Java\n"));
        fixed.put("filesystems", file(() -> "nodev\tproc\nnodev\tdevtmpfs\nnodev\ttmpfs\nnodev\toverlay\n"));
        this.root = new SyntheticDirectory(0555, 0, bootNanos, () -> {
            Map<String, Vnode> all = new LinkedHashMap<>(fixed);
            for (ProcessInfo p : processes.list()) all.put(Integer.toString(p.pid()), processDir(p.pid()));
            return all;
        });
    }

    private SyntheticFile file(Supplier<String> text) {
        return new SyntheticFile(0444, 0, bootNanos, () -> SyntheticNode.utf8(text.get()));
    }

    private Optional<ProcessInfo> info(int pid) {
        return processes.list().stream().filter(p -> p.pid() == pid).findFirst();
    }

    private SyntheticDirectory processDir(int pid) {
        return new SyntheticDirectory(0555, 0, bootNanos, () -> {
            Map<String, Vnode> m = new LinkedHashMap<>();
            Optional<ProcessInfo> info = info(pid);
            if (info.isEmpty()) return m;
            int uid = info.get().uid();
            m.put("cmdline", new SyntheticFile(0444, uid, bootNanos, () -> SyntheticNode.utf8(
                    info(pid).map(p -> String.join("\0", p.argv()) + "\0").orElse(""))));
            m.put("comm", new SyntheticFile(0444, uid, bootNanos, () -> SyntheticNode.utf8(
                    info(pid).map(p -> p.command() + "\n").orElse(""))));
            m.put("environ", new SyntheticFile(0400, uid, bootNanos, () -> SyntheticNode.utf8(environ(pid))));
            m.put("cwd", new SyntheticLink(uid, bootNanos, () -> info(pid).map(ProcessInfo::cwd).orElse("/")));
            m.put("status", new SyntheticFile(0444, uid, bootNanos, () -> SyntheticNode.utf8(status(pid))));
            m.put("stat", new SyntheticFile(0444, uid, bootNanos, () -> SyntheticNode.utf8(stat(pid))));
            m.put("fd", new SyntheticDirectory(0500, uid, bootNanos, () -> fdEntries(pid, uid)));
            return m;
        });
    }

    private Map<String, Vnode> fdEntries(int pid, int uid) {
        Map<String, Vnode> m = new LinkedHashMap<>();
        for (int fd : processes.openFds(pid)) m.put(Integer.toString(fd), new FdLink(pid, fd, uid));
        return m;
    }

    /** /proc/PID/fd/N: leads to the open file itself, so unlinked files and pipes stay reachable. */
    private final class FdLink extends SyntheticNode implements MagicLink {
        private final int pid;
        private final int fd;

        FdLink(int pid, int fd, int uid) {
            super(FileType.SYMLINK, 0700, uid, 0, bootNanos);
            this.pid = pid;
            this.fd = fd;
        }

        @Override public String readlink() { return processes.peekFd(pid, fd).describe(); }
        @Override public FileDescription openTarget(int flags) { return processes.openFd(pid, fd); }
        @Override public FileStat targetStat() { return processes.peekFd(pid, fd).stat(); }
    }

    private String environ(int pid) {
        StringBuilder sb = new StringBuilder();
        processes.environment(pid).forEach((k, v) -> sb.append(k).append('=').append(v).append('\0'));
        return sb.toString();
    }

    private String status(int pid) {
        return info(pid).map(p -> "Name:\t" + p.command() + "\nState:\t" + p.state().letter() + " ("
                + p.state().name().toLowerCase(java.util.Locale.ROOT) + ")\nTgid:\t" + p.pid() + "\nPid:\t" + p.pid()
                + "\nPPid:\t" + p.ppid() + "\nUid:\t" + p.uid() + "\t" + p.uid() + "\t" + p.uid() + "\t" + p.uid()
                + "\nThreads:\t1\n").orElse("");
    }

    private String stat(int pid) {
        return info(pid).map(p -> p.pid() + " (" + p.command() + ") " + p.state().letter() + " " + p.ppid() + " "
                + p.pgid() + " " + p.sid() + " 0 -1 0 0 0 0 0 " + p.cpuTimeNanos() / 10_000_000 + " 0 0 0 "
                + (20 + p.nice()) + " " + p.nice() + " 1 0 "
                + (p.startTimeMillis() - bootMillis) / 10 + " 0 0\n").orElse("");
    }

    private String uptime() {
        double up = (clock.millis() - bootMillis) / 1000.0;
        return String.format(java.util.Locale.ROOT, "%.2f %.2f%n", up, up);
    }

    private String loadavg() {
        var list = processes.list();
        int last = list.isEmpty() ? 0 : list.get(list.size() - 1).pid();
        return "0.00 0.00 0.00 1/" + list.size() + " " + last + "\n";
    }

    private static String meminfo() {
        Runtime rt = Runtime.getRuntime();
        long total = rt.maxMemory() / 1024;
        long free = (rt.maxMemory() - rt.totalMemory() + rt.freeMemory()) / 1024;
        return "MemTotal:       " + total + " kB\nMemFree:        " + free + " kB\nMemAvailable:   " + free + " kB\n";
    }

    private static String cpuinfo() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            sb.append("processor\t: ").append(i).append("\nmodel name\t: agentOS virtual CPU\n\n");
        }
        return sb.toString();
    }

    private String mounts() {
        StringBuilder sb = new StringBuilder();
        for (Vfs.MountInfo m : vfs.get().mounts()) {
            sb.append(m.type()).append(' ').append(m.path()).append(' ').append(m.type()).append(' ')
                    .append(m.readOnly() ? "ro" : "rw").append(" 0 0\n");
        }
        return sb.toString();
    }

    @Override public Vnode root() { return root; }
    @Override public String type() { return "proc"; }
    @Override public FsUsage usage() { return new FsUsage(0, 0, 0, 0); }
}
