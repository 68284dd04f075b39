package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentos shell} on a real terminal: tmux gives the CLI a PTY, types into it and reads the screen.
 * Raw mode, the initial size, a resize, the exit code and the terminal's restoration are all observed.
 */
class ShellOnATerminalTest {
    @Test void shellOnAPtyIsRawFollowsResizesAndRestoresTheTerminal(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
        String session = "agentos-shell-" + ProcessHandle.current().pid();
        try (Registry server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            String cli = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.agentos.cli.AgentOsCli shell --endpoint http://127.0.0.1:"
                    + server.port() + " tty1";
            String script = "stty -g > " + tmp.resolve("before") + "; " + cli + "; echo $? > " + tmp.resolve("code.tmp") + "; stty -g > "
                    + tmp.resolve("after") + "; mv " + tmp.resolve("code.tmp") + " " + tmp.resolve("code") + "; exec cat";
            tmux("new-session", "-d", "-s", session, "-x", "90", "-y", "25", "sh", "-c", script);
            try {
                screenShows(session, s -> s.contains("$"));   // the VM's prompt
                tmux("send-keys", "-t", session, "stty size; echo sum=$((40+2))", "Enter");
                screenShows(session, s -> s.contains("sum=42"));
                assertThat(screen(session)).contains("25 90");
                tmux("resize-window", "-t", session, "-x", "100", "-y", "30");
                // the resize reaches the VM's terminal within a poll; ask until it shows
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!screen(session).contains("30 100")) {
                    assertThat(System.nanoTime()).as("resize never reached the VM").isLessThan(deadline);
                    tmux("send-keys", "-t", session, "stty size", "Enter");
                    screenShows(session, s -> true);
                }
                tmux("send-keys", "-t", session, "exit 7", "Enter");
                waitFor(() -> Files.exists(tmp.resolve("code")));
                assertThat(Files.readString(tmp.resolve("code")).trim()).isEqualTo("7");
                assertThat(Files.readString(tmp.resolve("after"))).isEqualTo(Files.readString(tmp.resolve("before")));
            } finally {
                new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
            }
        }
    }

    private static void tmux(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    private static String screen(String session) throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).start();
        String s = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return s;
    }

    private static void screenShows(String session, Predicate<String> want) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String s;
        while (!want.test(s = screen(session))) {
            assertThat(System.nanoTime()).as("screen never showed it:\n" + s).isLessThan(deadline);
            Thread.sleep(20);   // polling another process's screen; there is nothing to wait on
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!cond.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);   // likewise: a file another process writes
        }
    }
}
