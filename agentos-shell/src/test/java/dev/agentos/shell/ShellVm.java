package dev.agentos.shell;

import dev.agentos.commands.Commands;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.KernelConfig;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.proc.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A VM with the commands and the shells, and helpers to run a script and collect what it printed. */
final class ShellVm implements AutoCloseable {
    static final ProgramRegistry PROGRAMS = ProgramRegistry.builder().addAll(Commands.registry()).addAll(Shells.registry()).build();
    static final String DIR = "/tmp/t";

    final Kernel kernel;

    ShellVm() {
        this(dev.agentos.kernel.limit.Limits.DEFAULT);
    }

    ShellVm(dev.agentos.kernel.limit.Limits limits) {
        KernelConfig defaults = KernelConfig.defaults(PROGRAMS);
        kernel = Kernel.boot(new KernelConfig(PROGRAMS, limits, defaults.clock(), defaults.hostname(), defaults.egress()));
        Result r = run(SpawnRequest.of("mkdir", List.of()).withProgram(ctx -> {
            ctx.mkdir(DIR, 0755);
            return 0;
        }), "");
        if (r.status() != 0) throw new IllegalStateException("mkdir failed: " + r);
    }

    /** What a run printed and how it ended. */
    record Result(String stdout, String stderr, int status) {}

    Result bash(String script) {
        return run(SpawnRequest.of("bash", List.of("-c", script))
                .withEnv(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/agentos", "LC_ALL", "C"))
                .withCwd(DIR), "");
    }

    Result run(SpawnRequest req, String stdin) {
        Pipe in = kernel.pipes().create();
        Pipe out = kernel.pipes().create();
        Pipe err = kernel.pipes().create();
        GuestProcess p = kernel.processes().spawn(req, Credentials.AGENTOS,
                Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd()));
        CompletableFuture<String> o = collect(out.readEnd());
        CompletableFuture<String> e = collect(err.readEnd());
        byte[] b = stdin.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0) in.writeEnd().write(b, 0, b.length);
        in.writeEnd().close();
        try {
            ExitStatus s = p.onExit().get(30, TimeUnit.SECONDS);
            return new Result(o.get(30, TimeUnit.SECONDS), e.get(30, TimeUnit.SECONDS), s.shellStatus());
        } catch (Exception ex) {
            throw new AssertionError("run did not finish: " + ex, ex);
        }
    }

    static CompletableFuture<String> collect(FileDescription f) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = f.read(buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
                result.complete(bytes.toString(StandardCharsets.UTF_8));
            } catch (RuntimeException ex) {
                result.completeExceptionally(ex);
            } finally {
                f.close();
            }
        });
        return result;
    }

    @Override public void close() {
        kernel.close();
    }
}
