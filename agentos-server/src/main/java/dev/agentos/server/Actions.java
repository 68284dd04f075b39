package dev.agentos.server;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.protocol.CronJobSpec;
import dev.agentos.protocol.DirEntryInfo;
import dev.agentos.protocol.ErrorBody;
import dev.agentos.protocol.ExecOptions;
import dev.agentos.protocol.FetchOptions;
import dev.agentos.protocol.FetchResponse;
import dev.agentos.protocol.FileEntry;
import dev.agentos.protocol.FileInfo;
import dev.agentos.protocol.MountInfo;
import dev.agentos.protocol.ProcessInfo;
import dev.agentos.protocol.ProcessTreeNode;
import dev.agentos.protocol.ReadResult;
import dev.agentos.protocol.ShellOptions;
import dev.agentos.protocol.SoftwareInfo;
import dev.agentos.protocol.SpawnOptions;
import dev.agentos.protocol.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every action of the wire, as a table from name to handler. A handler first reads its arguments
 * (failing with {@code request/invalid_args}), and only then returns the call that touches the VM,
 * so nothing reaches a VM half-parsed. Encodings are documented in docs/protocol.md.
 */
final class Actions {
    /** Reads and checks the arguments; the returned call runs against the actor. */
    interface Action {
        Call bind(Args args);
    }

    interface Call {
        Object run(Actor actor);
    }

    record Spec(int minArgs, int maxArgs, Action action) {}

    private static final Map<String, Spec> TABLE = new LinkedHashMap<>();

    static void def(String name, int min, int max, Action action) {
        TABLE.put(name, new Spec(min, max, action));
    }

    static Optional<Spec> find(String name) { return Optional.ofNullable(TABLE.get(name)); }

    static List<String> names() { return List.copyOf(TABLE.keySet()); }

    static Object none() { return null; }

    static {
        // ---- process ----
        def("exec", 1, 2, a -> {
            String cmd = a.string(0);
            ExecOptions o = a.object(1, ExecOptions.class, ExecOptions.DEFAULT);
            return actor -> wire(actor.vm().exec(cmd, core(o)));
        });
        def("execArgv", 1, 3, a -> {
            String cmd = a.string(0);
            List<String> args = a.strings(1, List.of());
            ExecOptions o = a.object(2, ExecOptions.class, ExecOptions.DEFAULT);
            return actor -> wire(actor.vm().execArgv(cmd, args, core(o)));
        });
        def("spawn", 1, 3, a -> {
            String cmd = a.string(0);
            List<String> args = a.strings(1, List.of());
            SpawnOptions o = a.object(2, SpawnOptions.class, SpawnOptions.DEFAULT);
            return actor -> {
                dev.agentos.SpawnOptions.Builder b = dev.agentos.SpawnOptions.builder().env(o.env());
                o.cwd().ifPresent(b::cwd);
                int pid = actor.vm().spawn(cmd, args, b.build());
                actor.output.started(pid);
                return Map.of("pid", pid);
            };
        });
        def("writeProcessStdin", 2, 2, a -> {
            int pid = a.integer(0);
            byte[] data = a.bytes(1);
            return actor -> { actor.vm().writeProcessStdin(pid, data); return none(); };
        });
        def("closeProcessStdin", 1, 1, a -> {
            int pid = a.integer(0);
            return actor -> { actor.vm().closeProcessStdin(pid); return none(); };
        });
        def("waitProcess", 1, 1, a -> {
            int pid = a.integer(0);
            return actor -> actor.vm().waitProcess(pid);
        });
        def("stopProcess", 1, 1, a -> {
            int pid = a.integer(0);
            return actor -> { actor.vm().stopProcess(pid); return none(); };
        });
        def("killProcess", 1, 1, a -> {
            int pid = a.integer(0);
            return actor -> { actor.vm().killProcess(pid); return none(); };
        });
        def("listProcesses", 0, 0, a -> actor -> actor.vm().listProcesses().stream().map(Actions::wire).toList());
        def("getProcess", 1, 1, a -> {
            int pid = a.integer(0);
            return actor -> actor.vm().getProcess(pid).map(Actions::wire).orElse(null);
        });
        def("processTree", 0, 0, a -> actor -> actor.vm().processTree().stream().map(Actions::wire).toList());
        def("readProcessOutput", 1, 2, a -> {
            int pid = a.integer(0);
            long after = a.longInteger(1, 0);
            return actor -> { actor.vm(); return actor.output.read(pid, after); };
        });

        def("listProcessOutputs", 0, 1, a -> {
            long after = a.longInteger(0, 0);
            return actor -> { actor.vm(); return actor.output.list(after); };
        });

        // ---- filesystem ----
        def("readFile", 1, 1, a -> {
            String path = a.string(0);
            return actor -> actor.vm().readFile(path);
        });
        def("readFiles", 1, 1, a -> {
            List<String> paths = a.strings(0);
            return actor -> actor.vm().readFiles(paths).stream()
                    .map(r -> new ReadResult(r.path(), r.content(), r.error().map(Actions::errorBody))).toList();
        });
        def("writeFile", 2, 2, a -> {
            String path = a.string(0);
            byte[] content = a.bytes(1);
            return actor -> { actor.vm().writeFile(path, content); return none(); };
        });
        def("writeFiles", 1, 1, a -> {
            List<FileEntry> entries = a.objects(0, FileEntry.class);
            for (FileEntry e : entries) {
                if (e.path() == null || e.content() == null) throw WireError.invalidArgs("writeFiles: every entry needs path and content");
            }
            return actor -> actor.vm().writeFiles(entries.stream().map(e -> new dev.agentos.FileEntry(e.path(), e.content())).toList())
                    .stream().map(r -> new WriteResult(r.path(), r.success(), r.error().map(Actions::errorBody))).toList();
        });
        def("mkdir", 1, 2, a -> {
            String path = a.string(0);
            boolean recursive = a.bool(1, false);
            return actor -> { actor.vm().mkdir(path, recursive); return none(); };
        });
        def("readdir", 1, 1, a -> {
            String path = a.string(0);
            return actor -> actor.vm().readdir(path);
        });
        def("readdirRecursive", 1, 2, a -> {
            String path = a.string(0);
            int depth = a.integer(1, Integer.MAX_VALUE);
            return actor -> actor.vm().readdirRecursive(path, depth).stream()
                    .map(e -> new DirEntryInfo(e.path(), e.type(), e.size())).toList();
        });
        def("stat", 1, 1, a -> {
            String path = a.string(0);
            return actor -> {
                dev.agentos.FileInfo f = actor.vm().stat(path);
                return new FileInfo(f.type(), f.size(), f.mode(), f.uid(), f.gid(), f.ino(), f.nlink(),
                        f.atime(), f.mtime(), f.ctime(), f.birthtime());
            };
        });
        def("exists", 1, 1, a -> {
            String path = a.string(0);
            return actor -> actor.vm().exists(path);
        });
        def("move", 2, 2, a -> {
            String from = a.string(0);
            String to = a.string(1);
            return actor -> { actor.vm().move(from, to); return none(); };
        });
        def("deleteFile", 1, 2, a -> {
            String path = a.string(0);
            boolean recursive = a.bool(1, false);
            return actor -> { actor.vm().deleteFile(path, recursive); return none(); };
        });

        // ---- shell ----
        def("openShell", 0, 1, a -> {
            ShellOptions o = a.object(0, ShellOptions.class, ShellOptions.DEFAULT);
            return actor -> {
                dev.agentos.ShellOptions.Builder b = dev.agentos.ShellOptions.builder().env(o.env());
                if (o.command().isPresent()) b.command(o.command().get(), o.args());
                o.cwd().ifPresent(b::cwd);
                b.size(o.cols().orElse(80), o.rows().orElse(24));
                return Map.of("shellId", actor.vm().openShell(b.build()));
            };
        });
        def("writeShell", 2, 2, a -> {
            String id = a.string(0);
            byte[] data = a.bytes(1);
            return actor -> { actor.vm().writeShell(id, data); return none(); };
        });
        def("resizeShell", 3, 3, a -> {
            String id = a.string(0);
            int cols = a.integer(1);
            int rows = a.integer(2);
            return actor -> { actor.vm().resizeShell(id, cols, rows); return none(); };
        });
        def("closeShell", 1, 1, a -> {
            String id = a.string(0);
            return actor -> { actor.vm().closeShell(id); return none(); };
        });
        def("waitShell", 1, 1, a -> {
            String id = a.string(0);
            return actor -> actor.vm().waitShell(id);
        });

        // ---- network ----
        def("vmFetch", 2, 3, a -> {
            int port = a.integer(0);
            String path = a.string(1);
            FetchOptions o = a.object(2, FetchOptions.class, FetchOptions.DEFAULT);
            if (port < 1 || port > 65535) throw WireError.invalidArgs("vmFetch: port out of range: " + port);
            dev.agentos.VmFetchOptions core;
            try {
                core = new dev.agentos.VmFetchOptions(o.method().orElse("GET"), o.headers(), o.body());
            } catch (IllegalArgumentException e) {
                throw WireError.invalidArgs("vmFetch: " + e.getMessage());
            }
            return actor -> {
                dev.agentos.VmFetchResponse r = actor.vm().vmFetch(port, path, core);
                return new FetchResponse(r.status(), r.statusText(), r.headers(), r.body());
            };
        });
        def("createSignedPreviewUrl", 1, 2, a -> {
            int port = a.integer(0);
            long ttl = a.longInteger(1, -1);
            return actor -> actor.previews.create(actor.id, port, ttl < 0 ? Optional.empty() : Optional.of(ttl));
        });
        def("expireSignedPreviewUrl", 1, 1, a -> {
            String token = a.string(0);
            return actor -> { actor.previews.expire(token); return none(); };
        });

        // ---- cron ----
        def("scheduleCron", 1, 1, a -> {
            dev.agentos.cron.CronSpec spec = CronWire.spec(a.object(0, CronJobSpec.class));
            return actor -> {
                dev.agentos.cron.CronRunner.requireSupported(spec.action(), actor::vm);
                return Map.of("id", actor.cron.schedule(spec));
            };
        });
        def("listCronJobs", 0, 0, a -> actor -> actor.cron.list().stream().map(CronWire::info).toList());
        def("cancelCronJob", 1, 1, a -> {
            String id = a.string(0);
            return actor -> { actor.cron.cancel(id); return none(); };
        });

        // ---- software ----
        def("listSoftware", 0, 0, a -> actor -> software(actor.vm()));
        def("listMounts", 0, 0, a -> actor -> actor.vm().kernel().vfs().mounts().stream()
                .map(m -> new MountInfo(m.path(), m.type(), m.readOnly(), m.usage().totalBytes(), m.usage().usedBytes(),
                        m.usage().totalInodes(), m.usage().usedInodes())).toList());

        SessionActions.define();
    }

    private Actions() {}

    private static List<SoftwareInfo> software(AgentOs vm) {
        Map<String, SoftwareInfo> out = new LinkedHashMap<>();
        for (String dir : List.of("/opt/agentos/bin", "/usr/local/bin", "/usr/bin", "/bin")) {
            if (!vm.exists(dir)) continue;
            for (String n : vm.readdir(dir)) out.putIfAbsent(n, new SoftwareInfo(n, dir + "/" + n));
        }
        List<SoftwareInfo> list = new ArrayList<>(out.values());
        list.sort((x, y) -> x.name().compareTo(y.name()));
        return list;
    }

    private static dev.agentos.ExecOptions core(ExecOptions o) {
        dev.agentos.ExecOptions.Builder b = dev.agentos.ExecOptions.builder().env(o.env());
        o.cwd().ifPresent(b::cwd);
        o.stdin().ifPresent(b::stdin);
        o.timeoutMs().ifPresent(ms -> b.timeout(Duration.ofMillis(ms)));
        return b.build();
    }

    private static dev.agentos.protocol.ExecResult wire(dev.agentos.ExecResult r) {
        return new dev.agentos.protocol.ExecResult(r.exitCode(), r.stdout(), r.stderr());
    }

    static ProcessInfo wire(dev.agentos.kernel.proc.ProcessInfo p) {
        return new ProcessInfo(p.pid(), p.ppid(), p.pgid(), p.sid(), p.uid(), p.state().name(), p.argv(), p.cwd(), p.tty(),
                p.startTimeMillis(), p.exitStatus().filter(s -> s instanceof ExitStatus.Exited || s instanceof ExitStatus.Signaled)
                        .map(ExitStatus::shellStatus));
    }

    private static ProcessTreeNode wire(dev.agentos.ProcessTreeNode n) {
        return new ProcessTreeNode(wire(n.process()), n.children().stream().map(Actions::wire).toList());
    }

    static ErrorBody errorBody(AgentOsException e) {
        return WireError.of(e).body;
    }
}
