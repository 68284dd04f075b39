package dev.agentos.commands.net;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One VM for network tests: runs commands in {@code /tmp/t} and starts guest servers beside them. */
final class NetVm implements AutoCloseable {
    final CommandDiff diff = new CommandDiff();

    NetVm file(String path, String content) {
        diff.file(path, content);
        return this;
    }

    NetVm dir(String path) {
        diff.dir(path);
        return this;
    }

    CommandDiff.Outcome run(String... argv) {
        return diff.vm("", Arrays.asList(argv));
    }

    CommandDiff.Outcome runWithStdin(String stdin, String... argv) {
        return diff.vm(stdin, Arrays.asList(argv));
    }

    /** Starts a program as a VM process with no standard streams, not waiting for it. */
    GuestProcess start(Program program, String name) {
        return diff.kernel().processes().spawn(SpawnRequest.of(name, List.of()).withProgram(program).withCwd(CommandDiff.VM_DIR),
                Credentials.AGENTOS, Map.of());
    }

    /** Serves {@code script} on VM {@code port} and returns once the port listens. */
    GuestProcess serve(ScriptedHttp script, int port) throws InterruptedException {
        GuestProcess p = start(new GuestScriptedServer(script, port), "scripted-server");
        script.listening.await();
        return p;
    }

    /** A VM file's content (relative paths are under /tmp/t). */
    String read(String path) {
        String abs = path.startsWith("/") ? path : CommandDiff.VM_DIR + "/" + path;
        var f = diff.kernel().vfs().open(new Caller(0, Credentials.AGENTOS, "/", 022), abs, OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = f.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            f.close();
        }
    }

    boolean exists(String path) {
        String abs = path.startsWith("/") ? path : CommandDiff.VM_DIR + "/" + path;
        try {
            diff.kernel().vfs().stat(new Caller(0, Credentials.AGENTOS, "/", 022), abs);
            return true;
        } catch (dev.agentos.AgentOsException e) {
            return false;
        }
    }

    /** A command running in the background with its output collected as it comes. */
    static final class Running {
        final GuestProcess process;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        private final java.util.concurrent.CompletableFuture<Void> outDone;
        private final java.util.concurrent.CompletableFuture<Void> errDone;

        private Running(GuestProcess process, dev.agentos.kernel.io.FileDescription stdout, dev.agentos.kernel.io.FileDescription stderr) {
            this.process = process;
            this.outDone = collect(stdout, out);
            this.errDone = collect(stderr, err);
        }

        private java.util.concurrent.CompletableFuture<Void> collect(dev.agentos.kernel.io.FileDescription f, StringBuilder into) {
            return java.util.concurrent.CompletableFuture.runAsync(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = f.read(buf, 0, buf.length)) > 0) {
                        synchronized (this) {
                            into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            notifyAll();
                        }
                    }
                } finally {
                    f.close();
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        }

        /** Waits until stderr contains {@code text} (a server saying it listens), or the process ends. */
        synchronized void awaitStderr(String text) throws InterruptedException {
            while (!err.toString().contains(text) && !errDone.isDone()) wait();
            if (!err.toString().contains(text)) throw new AssertionError("stderr never said " + text + ": " + err);
        }

        /** Waits for the exit and all output. */
        dev.agentos.commands.CommandDiff.Outcome join() {
            int code = process.onExit().join().shellStatus();
            outDone.join();
            errDone.join();
            synchronized (this) {
                return new dev.agentos.commands.CommandDiff.Outcome(code, out.toString(), err.toString());
            }
        }
    }

    /** Starts argv in the background with {@code stdin} as its whole input. */
    Running spawn(String stdin, String... argv) {
        var kernel = diff.kernel();
        var in = kernel.pipes().create();
        var out = kernel.pipes().create();
        var err = kernel.pipes().create();
        GuestProcess p = kernel.processes().spawn(SpawnRequest.of(argv[0], Arrays.asList(argv).subList(1, argv.length))
                        .withEnv(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/agentos", "LC_ALL", "C")).withCwd(CommandDiff.VM_DIR),
                Credentials.AGENTOS, Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd()));
        var w = in.writeEnd();
        byte[] b = stdin.getBytes(StandardCharsets.UTF_8);
        int off = 0;
        while (off < b.length) off += w.write(b, off, b.length - off);
        w.close();
        return new Running(p, out.readEnd(), err.readEnd());
    }

    @Override public void close() {
        diff.close();
    }
}
