package dev.agentos.cli;

import dev.agentos.protocol.PreviewUrl;
import dev.agentos.protocol.ProcessInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ps}, {@code kill} and {@code preview} on a server's VM. */
final class ProcessCommands {
    private ProcessCommands() {}

    @Command(name = "ps", mixinStandardHelpOptions = true, description = {"List the processes of a server's VM.", "  agentos ps my-agent"})
    static final class Ps implements Callable<Integer> {
        @ParentCommand private AgentOsCli cli;
        @Mixin private Remote remote;
        @Parameters(paramLabel = "KEY", description = "The VM's key.") private String key;

        @Override public Integer call() {
            cli.out().printf("%7s %7s %-8s %s%n", "PID", "PPID", "STATE", "COMMAND");
            for (ProcessInfo p : remote.vm(key).listProcesses()) {
                cli.out().printf("%7d %7d %-8s %s%n", p.pid(), p.ppid(), p.state(), String.join(" ", p.argv()));
            }
            return 0;
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = {"Signal a process of a server's VM (TERM or KILL).",
        "  agentos kill my-agent 42", "  agentos kill -s KILL my-agent 42"})
    static final class Kill implements Callable<Integer> {
        @Mixin private Remote remote;
        @Spec private CommandSpec spec;
        @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "TERM (default) or KILL (also 15, 9, SIGTERM, SIGKILL).")
        private String signal = "TERM";
        @Parameters(index = "0", paramLabel = "KEY") private String key;
        @Parameters(index = "1", paramLabel = "PID") private int pid;

        @Override public Integer call() {
            String s = signal.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
            switch (s) {
                case "TERM", "15" -> remote.vm(key).stopProcess(pid);
                case "KILL", "9" -> remote.vm(key).killProcess(pid);
                default -> throw new ParameterException(spec.commandLine(), "unsupported signal '" + signal + "': the server sends TERM or KILL");
            }
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = {
        "Print a signed URL that reaches a port of a server's VM (HTTP and WebSocket), with no other credential.",
        "  agentos preview my-agent 3000 --ttl 600"})
    static final class Preview implements Callable<Integer> {
        @ParentCommand private AgentOsCli cli;
        @Mixin private Remote remote;
        @Option(names = "--ttl", paramLabel = "SECONDS", description = "Lifetime (default: the server's, 1 hour unless configured).")
        private Long ttl;
        @Parameters(index = "0", paramLabel = "KEY") private String key;
        @Parameters(index = "1", paramLabel = "PORT") private int port;

        @Override public Integer call() {
            var vm = remote.vm(key);
            PreviewUrl u = ttl == null ? vm.createSignedPreviewUrl(port) : vm.createSignedPreviewUrl(port, ttl);
            String base = remote.endpoint().replaceFirst("/+$", "");
            cli.out().println(base + u.path());
            cli.err().println("expires " + u.expiresAt());
            return 0;
        }
    }
}
