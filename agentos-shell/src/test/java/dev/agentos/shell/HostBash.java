package dev.agentos.shell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The host's real bash, run the way the VM runs its own: bash -c SCRIPT in a fresh directory, LC_ALL=C. */
final class HostBash {
    private HostBash() {}

    static boolean available() {
        return new File("/bin/bash").canExecute();
    }

    static ShellVm.Result run(String script) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shdiff");
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("HOME", "/home/agentos");
            pb.environment().put("LC_ALL", "C");
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            var out = p.getInputStream();
            var err = p.getErrorStream();
            var fo = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(out));
            var fe = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(err));
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("host bash timed out");
            }
            String d = dir.toRealPath().toString();
            return new ShellVm.Result(fo.get().replace(d, ShellVm.DIR), fe.get().replace(d, ShellVm.DIR), p.exitValue());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
