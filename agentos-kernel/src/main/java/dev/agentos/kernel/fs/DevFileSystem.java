package dev.agentos.kernel.fs;

import dev.agentos.kernel.io.Devices;
import dev.agentos.kernel.proc.Processes;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.tty.Ptys;
import dev.agentos.kernel.vfs.FileSystemBackend;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vnode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VM's /dev: null, zero, full, random, urandom, tty (the caller's controlling terminal), ptmx,
 * pts/N, and the stdin/stdout/stderr/fd links into /proc/self.
 */
public final class DevFileSystem implements FileSystemBackend {
    private final SyntheticDirectory root;

    public DevFileSystem(Ptys ptys, Processes processes, long bootNanos) {
        Map<String, Vnode> entries = new LinkedHashMap<>();
        entries.put("null", new DeviceNode(0666, 0, DeviceNode.dev(1, 3), bootNanos, Devices::nullDevice));
        entries.put("zero", new DeviceNode(0666, 0, DeviceNode.dev(1, 5), bootNanos, Devices::zero));
        entries.put("full", new DeviceNode(0666, 0, DeviceNode.dev(1, 7), bootNanos, Devices::full));
        entries.put("random", new DeviceNode(0666, 0, DeviceNode.dev(1, 8), bootNanos, Devices::random));
        entries.put("urandom", new DeviceNode(0666, 0, DeviceNode.dev(1, 9), bootNanos, Devices::urandom));
        entries.put("ptmx", new DeviceNode(0666, 0, DeviceNode.dev(5, 2), bootNanos, flags -> ptys.open().master()));
        // No controlling terminal leads nowhere, so open fails instead of reaching some other tty.
        entries.put("tty", new CallerDependentLink(bootNanos,
                c -> processes.controllingTty(c.pid()).orElse("/dev/.no-controlling-terminal")));
        entries.put("pts", new SyntheticDirectory(0755, 0, bootNanos, () -> ptsEntries(ptys, bootNanos)));
        entries.put("fd", new SyntheticLink(0, bootNanos, () -> "/proc/self/fd"));
        entries.put("stdin", new SyntheticLink(0, bootNanos, () -> "/proc/self/fd/0"));
        entries.put("stdout", new SyntheticLink(0, bootNanos, () -> "/proc/self/fd/1"));
        entries.put("stderr", new SyntheticLink(0, bootNanos, () -> "/proc/self/fd/2"));
        Map<String, Vnode> fixed = Collections.unmodifiableMap(entries);
        this.root = new SyntheticDirectory(0755, 0, bootNanos, () -> fixed);
    }

    private static Map<String, Vnode> ptsEntries(Ptys ptys, long bootNanos) {
        Map<String, Vnode> out = new LinkedHashMap<>();
        for (Pty p : ptys.list()) {
            if (p.isClosed()) continue;
            out.put(Integer.toString(p.index()), new DeviceNode(0620, 1000, DeviceNode.dev(136, p.index()), bootNanos,
                    flags -> p.openSlave(flags & ~OpenFlags.O_CLOEXEC)));
        }
        return out;
    }

    @Override public Vnode root() { return root; }
    @Override public String type() { return "devtmpfs"; }
    @Override public FsUsage usage() { return new FsUsage(0, 0, 0, 0); }
}
