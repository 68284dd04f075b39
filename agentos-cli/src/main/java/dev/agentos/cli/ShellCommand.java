package dev.agentos.cli;

import dev.agentos.client.AgentOsConnection;
import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.ShellOptions;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code agentos shell KEY}: an interactive terminal on the server's VM. On a local terminal it goes
 * raw (keys, ^C and ^D reach the VM's line discipline), follows window resizes, and puts the terminal
 * back as it was on exit. Exits with the shell's exit code.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open an interactive shell on a server's VM (exit it with 'exit' or ^D).",
            "  agentos shell my-agent"})
final class ShellCommand implements Callable<Integer> {
    /** How often the window size is checked: the JDK cannot catch SIGWINCH, so it is polled. */
    private static final long RESIZE_POLL_MS = 250;

    @ParentCommand private AgentOsCli cli;
    @Mixin private Remote remote;

    @Parameters(index = "0", paramLabel = "KEY", description = "The VM's key.")
    private String key;

    @Override public Integer call() throws Exception {
        boolean tty = cli.onRealTerminal() && HostTerminal.isTty(0);
        int[] size = tty ? HostTerminal.size().orElse(new int[] {80, 24}) : new int[] {80, 24};
        AgentOsHandle vm = remote.vm(key);
        LinkedBlockingQueue<AgentOsEvent> events = new LinkedBlockingQueue<>();
        Optional<String> saved = tty ? HostTerminal.stty("-g") : Optional.empty();
        try (AgentOsConnection conn = vm.connect()) {
            conn.onShellData(events::add);
            conn.onShellExit(events::add);
            String id = vm.openShell(new ShellOptions(Optional.empty(), java.util.List.of(), Map.of(), Optional.empty(),
                    Optional.of(size[0]), Optional.of(size[1])));
            if (saved.isPresent()) HostTerminal.stty("raw", "-echo");
            Thread input = Thread.ofVirtual().name("shell-stdin").start(() -> pumpInput(conn, id, cli.in()));
            Thread resizer = tty ? Thread.ofVirtual().name("shell-resize").start(() -> followResizes(vm, id, size)) : null;
            try {
                while (true) {
                    AgentOsEvent e = events.take();
                    if (e instanceof AgentOsEvent.ShellData d && d.shellId().equals(id)) {
                        cli.out().write(d.data());
                        cli.out().flush();
                    } else if (e instanceof AgentOsEvent.ShellExit x && x.shellId().equals(id)) {
                        return x.exitCode();
                    }
                }
            } finally {
                input.interrupt();
                if (resizer != null) resizer.interrupt();
            }
        } finally {
            saved.ifPresent(HostTerminal::stty);
        }
    }

    /** Keys go over the WebSocket, in order, without an HTTP round trip each. */
    private static void pumpInput(AgentOsConnection conn, String id, InputStream in) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                conn.call("writeShell", id, Base64.getEncoder().encodeToString(Arrays.copyOf(buf, n))).join();
            }
            // local EOF (stdin not a terminal, or closed): the terminal's EOF key, after everything typed before it
            conn.call("writeShell", id, Base64.getEncoder().encodeToString(new byte[] {4})).join();
        } catch (Exception e) {
            // the shell ended or the connection closed
        }
    }

    private static void followResizes(AgentOsHandle vm, String id, int[] initial) {
        int[] last = initial;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(RESIZE_POLL_MS);
                Optional<int[]> now = HostTerminal.size();
                if (now.isPresent() && !Arrays.equals(now.get(), last)) {
                    last = now.get();
                    vm.resizeShell(id, last[0], last[1]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the shell is gone
        }
    }
}
