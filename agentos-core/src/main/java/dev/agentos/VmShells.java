package dev.agentos;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.tty.WindowSize;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The shell group of the API: interactive programs on a PTY, driven through its master side. */
final class VmShells {
    private record Shell(String id, Pty pty, FileDescription master, GuestProcess process) {}

    private final Kernel kernel;
    private final EventBus events;
    private final Map<String, String> defaultEnv;
    private final Map<String, Shell> shells = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Closed shells stay reachable for waitShell for a while. */
    private final Map<String, Shell> closed = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Shell> e) { return size() > 256; }
    });

    VmShells(Kernel kernel, EventBus events, Map<String, String> defaultEnv) {
        this.kernel = kernel;
        this.events = events;
        this.defaultEnv = defaultEnv;
    }

    String open(ShellOptions options) {
        Pty pty = kernel.ptys().open();
        pty.terminal().setWindowSize(new WindowSize(options.cols(), options.rows()));
        FileDescription master = pty.master();
        FileDescription slave;
        try {
            slave = pty.openSlave(OpenFlags.O_RDWR);
        } catch (RuntimeException e) {
            master.close();
            throw e;
        }
        slave.retain();
        slave.retain();
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.put("TERM", "xterm-256color");
        env.putAll(options.env());
        String cwd = options.cwd().orElse(env.getOrDefault("HOME", "/"));
        env.put("PWD", cwd);
        SpawnRequest request = SpawnRequest.of(options.command(), options.args()).withEnv(env).withCwd(cwd)
                .withGroup(new SpawnRequest.ProcessGroup.NewSession(0));
        GuestProcess process;
        try {
            process = kernel.processes().spawn(request, Credentials.AGENTOS, Map.of(0, slave, 1, slave, 2, slave));
        } catch (RuntimeException e) {
            master.close();
            throw e;
        }
        String id = "shell-" + ids.incrementAndGet();
        AtomicLong seq = new AtomicLong();
        // The pump owns one reference to the master; the shell record keeps another for writes.
        master.retain();
        OutputPump pump = new OutputPump(master, b -> {
            options.onData().accept(b);
            events.publish(new AgentOsEvent.ShellData(id, b, seq.incrementAndGet()));
        });
        Shell shell = new Shell(id, pty, master, process);
        shells.put(id, shell);
        pump.start("vm-shell-" + id);
        process.onExit().thenAccept(status -> {
            pump.drainNow();
            int code = status.shellStatus();
            try {
                options.onExit().accept(code);
            } finally {
                events.publish(new AgentOsEvent.ShellExit(id, code));
            }
        });
        return id;
    }

    void write(String id, byte[] data) {
        Shell s = require(id);
        int off = 0;
        while (off < data.length) off += s.master().write(data, off, data.length - off);
    }

    void resize(String id, int cols, int rows) {
        require(id).pty().terminal().setWindowSize(new WindowSize(cols, rows));
    }

    /** Hangs up the terminal (SIGHUP to its processes) and forgets the shell once it ended. */
    void close(String id) {
        Shell s = shells.remove(id);
        if (s == null) throw notFound(id);
        closed.put(id, s);
        // hang up as the tty layer does: the session hears SIGHUP before its reads see end of file
        if (s.process().isAlive()) s.process().signal(Signal.SIGHUP);
        s.master().close();
    }

    int await(String id) {
        Shell s = shells.get(id);
        if (s == null) s = closed.get(id);
        if (s == null) throw notFound(id);
        return s.process().onExit().join().shellStatus();
    }

    void closeAll() {
        for (String id : shells.keySet()) {
            try {
                close(id);
            } catch (AgentOsException ignored) {
                // closed concurrently
            }
        }
    }

    private Shell require(String id) {
        Shell s = shells.get(id);
        if (s == null) throw notFound(id);
        return s;
    }

    private static AgentOsException notFound(String id) {
        return AgentOsException.errnoDetail(Errno.ENOENT, "shell '" + id + "' (no such shell)");
    }
}
