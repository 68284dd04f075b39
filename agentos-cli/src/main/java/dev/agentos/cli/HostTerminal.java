package dev.agentos.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The local terminal the CLI runs in, driven through the host's {@code stty} (the JDK has no termios):
 * whether a standard stream is a terminal, raw mode and its undoing, and the window size.
 */
final class HostTerminal {
    private HostTerminal() {}

    /** Whether this JVM's fd (0, 1 or 2) is a terminal. */
    static boolean isTty(int fd) {
        try {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "test -t " + fd);
            if (fd == 0) pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
            if (fd == 1) pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            if (fd == 2) pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return pb.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs stty on the terminal at fd 0; its output, or empty when it failed. */
    static Optional<String> stty(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {cols, rows} of the terminal at fd 0. */
    static Optional<int[]> size() {
        return stty("size").map(s -> s.split("\\s+")).filter(a -> a.length == 2)
                .map(a -> new int[] {Integer.parseInt(a[1]), Integer.parseInt(a[0])})
                .filter(a -> a[0] > 0 && a[1] > 0);
    }
}
