package dev.agentos.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.KernelConfig;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Differential testing of a command: the same argv over the same files, in a VM (directory
 * {@code /tmp/t}) and on the host (a fresh temp directory, {@code LC_ALL=C}, {@code TZ=UTC}), with
 * stdout, stderr and exit status compared. Set files up with {@link #file}, {@link #dir},
 * {@link #symlink} before running.
 */
public final class CommandDiff implements AutoCloseable {
    /** What one side produced. */
    public record Outcome(int exitCode, String stdout, String stderr) {}

    public static final String VM_DIR = "/tmp/t";

    private final Kernel kernel;
    private final Path hostDir;
    private final Caller caller;

    public CommandDiff() {
        this(Commands.registry());
    }

    public CommandDiff(ProgramRegistry programs) {
        this.kernel = Kernel.boot(KernelConfig.defaults(programs));
        this.caller = new Caller(0, Credentials.AGENTOS, "/", 022);
        kernel.vfs().mkdir(caller, VM_DIR, 0755);
        try {
            this.hostDir = Files.createTempDirectory("agentos-diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the host has the tool, so the host half can run. */
    public static boolean hostHas(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    public Kernel kernel() { return kernel; }
    public Path hostDir() { return hostDir; }

    public CommandDiff file(String relPath, String content) {
        return file(relPath, content.getBytes(StandardCharsets.UTF_8));
    }

    public CommandDiff file(String relPath, byte[] content) {
        var f = kernel.vfs().open(caller, VM_DIR + "/" + relPath, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try {
            int off = 0;
            while (off < content.length) off += f.write(content, off, content.length - off);
        } finally {
            f.close();
        }
        try {
            Files.write(hostDir.resolve(relPath), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CommandDiff dir(String relPath) {
        kernel.vfs().mkdir(caller, VM_DIR + "/" + relPath, 0755);
        try {
            Files.createDirectories(hostDir.resolve(relPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CommandDiff symlink(String target, String relPath) {
        kernel.vfs().symlink(caller, target, VM_DIR + "/" + relPath);
        try {
            Files.createSymbolicLink(hostDir.resolve(relPath), Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs argv in the VM with {@code stdin} as standard input. */
    public Outcome vm(String stdin, List<String> argv) {
        Pipe in = kernel.pipes().create();
        Pipe out = kernel.pipes().create();
        Pipe err = kernel.pipes().create();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", "/home/agentos");
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        GuestProcess p;
        try {
            p = kernel.processes().spawn(SpawnRequest.of(argv.get(0), argv.subList(1, argv.size())).withEnv(env).withCwd(VM_DIR),
                    Credentials.AGENTOS, Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd()));
        } catch (dev.agentos.AgentOsException e) {
            in.writeEnd().close();
            out.readEnd().close();
            err.readEnd().close();
            return new Outcome(e.is(dev.agentos.kernel.Errno.ENOENT) ? 127 : 126, "", e.getMessage() + "\n");
        }
        CompletableFuture<String> o = collect(out.readEnd());
        CompletableFuture<String> e = collect(err.readEnd());
        FileDescription w = in.writeEnd();
        Thread.ofVirtual().start(() -> {
            try {
                byte[] b = stdin.getBytes(StandardCharsets.UTF_8);
                int off = 0;
                while (off < b.length) off += w.write(b, off, b.length - off);
            } catch (RuntimeException ignored) {
                // the command stopped reading
            } finally {
                w.close();
            }
        });
        int code = p.onExit().join().shellStatus();
        return new Outcome(code, o.join(), e.join());
    }

    /** Runs argv on the host in the twin directory. */
    public Outcome host(String stdin, List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(hostDir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "UTC");
        pb.environment().remove("POSIXLY_CORRECT");
        try {
            Process proc = pb.start();
            CompletableFuture<String> o = CompletableFuture.supplyAsync(() -> readAll(proc.getInputStream()));
            CompletableFuture<String> e = CompletableFuture.supplyAsync(() -> readAll(proc.getErrorStream()));
            try (var w = proc.getOutputStream()) {
                w.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // the command stopped reading
            }
            int code = proc.waitFor();
            return new Outcome(code, o.join(), e.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the VM and the host agree on stdout, stderr and exit status. */
    public Outcome assertSame(String... argv) {
        return assertSameWithStdin("", argv);
    }

    public Outcome assertSameWithStdin(String stdin, String... argv) {
        Outcome vm = vm(stdin, List.of(argv));
        Outcome host = host(stdin, List.of(argv));
        assertThat(vm).as("VM vs host for %s", String.join(" ", argv)).isEqualTo(host);
        return vm;
    }

    private static CompletableFuture<String> collect(FileDescription f) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = f.read(buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
                result.complete(bytes.toString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                f.close();
            }
        });
        return result;
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kernel.close();
        try (Stream<Path> walk = Files.walk(hostDir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
