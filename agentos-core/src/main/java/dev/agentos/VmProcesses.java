package dev.agentos;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The process group of the API: exec, spawn, stdin, wait, signals, listings. */
final class VmProcesses {
    /** Exited API processes kept for waitProcess/getProcess after they ended. */
    private static final int RETAIN_EXITED = 1024;

    private final Kernel kernel;
    private final EventBus events;
    private final Map<String, String> defaultEnv;
    private final Map<Integer, HostProcess> live = new ConcurrentHashMap<>();
    private final Map<Integer, HostProcess> exited = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, HostProcess> e) { return size() > RETAIN_EXITED; }
    };

    VmProcesses(Kernel kernel, EventBus events, Map<String, String> defaultEnv) {
        this.kernel = kernel;
        this.events = events;
        this.defaultEnv = defaultEnv;
    }

    ExecResult execArgv(String command, List<String> args, ExecOptions options) {
        long max = kernel.limits().maxOutputBytes();
        Capture out = new Capture(max);
        Capture err = new Capture(max);
        HostProcess p = start(command, args, options.env(), options.cwd(), out::add, err::add, c -> { });
        if (options.stdin().isPresent()) {
            byte[] in = options.stdin().get();
            Thread.ofVirtual().name("vm-in-" + p.pid()).start(() -> {
                try {
                    p.writeStdin(in);
                } catch (AgentOsException e) {
                    // the command stopped reading (EPIPE): what it read is what it gets
                } finally {
                    p.closeStdin();
                }
            });
        } else {
            p.closeStdin();
        }
        Optional<Duration> timeout = options.timeout().or(() -> kernel.limits().maxExecWallTime());
        int code;
        String note = "";
        try {
            code = timeout.isPresent() ? p.done().get(timeout.get().toNanos(), TimeUnit.NANOSECONDS) : p.done().get();
        } catch (TimeoutException e) {
            p.guest().signal(Signal.SIGKILL);
            code = p.done().join();
            note = "agentos: " + command + ": killed after the " + describe(timeout.get()) + " time limit\n";
        } catch (InterruptedException e) {
            p.guest().signal(Signal.SIGKILL);
            Thread.currentThread().interrupt();
            throw new AgentOsException("process", "EINTR", "EINTR: interrupted while waiting for " + command);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (out.truncated || err.truncated) {
            note += "agentos: output truncated at " + max + " bytes per stream (limit maxOutputBytes)\n";
        }
        return new ExecResult(code, out.text(), err.text() + note);
    }

    int spawn(String command, List<String> args, SpawnOptions options) {
        HostProcess p = start(command, args, options.env(), options.cwd(), options.onStdout(), options.onStderr(), options.onExit());
        return p.pid();
    }

    private HostProcess start(String command, List<String> args, Map<String, String> env, Optional<String> cwd,
                              Consumer<byte[]> onStdout, Consumer<byte[]> onStderr, IntConsumer onExit) {
        Pipe in = kernel.pipes().create();
        Pipe out = kernel.pipes().create();
        Pipe err = kernel.pipes().create();
        Map<String, String> fullEnv = new LinkedHashMap<>(defaultEnv);
        fullEnv.putAll(env);
        String dir = cwd.orElse(fullEnv.getOrDefault("HOME", "/"));
        fullEnv.put("PWD", dir);
        SpawnRequest request = SpawnRequest.of(command, args).withEnv(fullEnv).withCwd(dir);
        Map<Integer, FileDescription> fds = Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd());
        GuestProcess guest;
        try {
            guest = kernel.processes().spawn(request, Credentials.AGENTOS, fds);
        } catch (RuntimeException e) {
            in.writeEnd().close();
            out.readEnd().close();
            err.readEnd().close();
            throw e;
        }
        HostProcess[] self = new HostProcess[1];
        OutputPump stdout = new OutputPump(out.readEnd(), b -> {
            onStdout.accept(b);
            events.publish(new AgentOsEvent.ProcessOutput(guest.pid(), "stdout", b, self[0].nextSeq()));
        });
        OutputPump stderr = new OutputPump(err.readEnd(), b -> {
            onStderr.accept(b);
            events.publish(new AgentOsEvent.ProcessOutput(guest.pid(), "stderr", b, self[0].nextSeq()));
        });
        HostProcess p = new HostProcess(guest, in.writeEnd(), stdout, stderr);
        self[0] = p;
        live.put(p.pid(), p);
        p.start(code -> {
            // remembered before it is forgotten, so waitProcess always finds it in one of the two
            synchronized (exited) {
                exited.put(p.pid(), p);
            }
            live.remove(p.pid());
            try {
                onExit.accept(code);
            } finally {
                events.publish(new AgentOsEvent.ProcessExit(p.pid(), code));
            }
        });
        return p;
    }

    void writeStdin(int pid, byte[] data) { requireLive(pid).writeStdin(data); }

    void closeStdin(int pid) { requireLive(pid).closeStdin(); }

    int waitProcess(int pid) {
        HostProcess p = find(pid);
        if (p != null) return p.done().join();
        GuestProcess g = kernel.processes().find(pid)
                .orElseThrow(() -> AgentOsException.errnoDetail(Errno.ESRCH, "wait " + pid));
        return g.onExit().join().shellStatus();
    }

    void signal(int pid, Signal signal) { kernel.processes().kill(pid, signal); }

    List<ProcessInfo> list() { return kernel.processes().list(); }

    Optional<ProcessInfo> get(int pid) {
        Optional<ProcessInfo> liveInfo = kernel.processes().find(pid).map(GuestProcess::info);
        if (liveInfo.isPresent()) return liveInfo;
        return Optional.ofNullable(find(pid)).map(HostProcess::info);
    }

    List<ProcessTreeNode> tree() {
        List<ProcessInfo> all = list();
        Map<Integer, List<ProcessInfo>> byParent = new LinkedHashMap<>();
        for (ProcessInfo p : all) byParent.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        List<ProcessTreeNode> roots = new ArrayList<>();
        for (ProcessInfo p : all) {
            boolean hasParent = all.stream().anyMatch(q -> q.pid() == p.ppid());
            if (!hasParent) roots.add(node(p, byParent));
        }
        return roots;
    }

    private static ProcessTreeNode node(ProcessInfo p, Map<Integer, List<ProcessInfo>> byParent) {
        List<ProcessTreeNode> children = byParent.getOrDefault(p.pid(), List.of()).stream()
                .sorted(Comparator.comparingInt(ProcessInfo::pid)).map(c -> node(c, byParent)).toList();
        return new ProcessTreeNode(p, children);
    }

    private HostProcess find(int pid) {
        HostProcess p = live.get(pid);
        if (p != null) return p;
        synchronized (exited) {
            return exited.get(pid);
        }
    }

    private HostProcess requireLive(int pid) {
        HostProcess p = live.get(pid);
        if (p == null) {
            throw AgentOsException.errnoDetail(Errno.ESRCH, "process " + pid + " is not running or was not started through the API");
        }
        return p;
    }

    Collection<HostProcess> running() { return live.values(); }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Collects one stream of an exec, up to the output limit. */
    private static final class Capture {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        Capture(long max) { this.max = max; }

        synchronized void add(byte[] b) {
            long room = max - bytes.size();
            if (room >= b.length) {
                bytes.write(b, 0, b.length);
            } else {
                if (room > 0) bytes.write(b, 0, (int) room);
                truncated = true;
            }
        }

        synchronized String text() { return bytes.toString(StandardCharsets.UTF_8); }
    }
}
