package dev.agentos.kernel;

import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.net.EgressPolicy;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.proc.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A kernel with test programs, and host-side helpers to run them and collect their output. */
public final class TestVm implements AutoCloseable {
    public final Kernel kernel;

    public TestVm(ProgramRegistry programs) {
        this(programs, Limits.DEFAULT);
    }

    public TestVm(ProgramRegistry programs, Limits limits) {
        this(programs, limits, EgressPolicy.DENY_ALL);
    }

    public TestVm(ProgramRegistry programs, Limits limits, EgressPolicy egress) {
        this.kernel = Kernel.boot(new KernelConfig(programs, limits, InstantSource.system(), "agentos", egress));
    }

    /** A finished run: exit status and both outputs. */
    public record Run(ExitStatus status, String stdout, String stderr) {
        public int code() { return status.shellStatus(); }
    }

    /** A started run whose output is being collected. */
    public record Started(GuestProcess process, FileDescription stdin, Collector stdout, Collector stderr) {
        public Run await() {
            ExitStatus s = process.onExit().join();
            return new Run(s, stdout.result().join(), stderr.result().join());
        }

        /** Blocks until stdout contains {@code text}. */
        public void awaitStdout(String text) {
            stdout.awaitContains(text);
        }

        public void write(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            stdin.write(b, 0, b.length);
        }
    }

    public Started start(String command, String... args) {
        return start(SpawnRequest.of(command, List.of(args)).withEnv(Map.of("PATH", "/bin:/usr/bin", "HOME", "/home/agentos"))
                .withCwd("/home/agentos"));
    }

    public Started start(SpawnRequest request) {
        Pipe in = kernel.pipes().create();
        Pipe out = kernel.pipes().create();
        Pipe err = kernel.pipes().create();
        GuestProcess p = kernel.processes().spawn(request, Credentials.AGENTOS,
                Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd()));
        return new Started(p, in.writeEnd(), collect(out.readEnd()), collect(err.readEnd()));
    }

    public Run run(String command, String... args) {
        Started s = start(command, args);
        s.stdin().close();
        return s.await();
    }

    /** Reads a pipe to EOF on a virtual thread; tests can wait for text to appear. */
    public static final class Collector {
        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<String> result = new CompletableFuture<>();

        Collector(FileDescription f) {
            Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = f.read(buf, 0, buf.length)) > 0) {
                        synchronized (this) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            notifyAll();
                        }
                    }
                    synchronized (this) {
                        result.complete(text.toString());
                        notifyAll();
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    f.close();
                }
            });
        }

        public CompletableFuture<String> result() { return result; }

        public synchronized void awaitContains(String s) {
            while (text.indexOf(s) < 0) {
                if (result.isDone()) throw new AssertionError("output ended without '" + s + "': " + text);
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    public static Collector collect(FileDescription f) {
        return new Collector(f);
    }

    /** Writes text to fd 1 of a program. */
    public static void out(dev.agentos.kernel.proc.ProcessContext ctx, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ctx.write(1, b, 0, b.length);
    }

    public static void err(dev.agentos.kernel.proc.ProcessContext ctx, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    /** Reads fd 0 to EOF. */
    public static String readAll(dev.agentos.kernel.proc.ProcessContext ctx, int fd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public static ProgramRegistry.Builder programs() {
        return ProgramRegistry.builder();
    }

    public static Program program(Program p) { return p; }

    @Override public void close() {
        kernel.close();
    }
}
