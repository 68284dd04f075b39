package dev.agentos.cli;

import dev.agentos.client.AgentOsConnection;
import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.protocol.SpawnOptions;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code agentos exec KEY -- CMD...}: runs a command in the server's VM {@code KEY}, streaming its
 * output as it comes, and exits with its exit code. One word is a shell command line.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a command in a server's VM, streaming its output; exits with the command's code.",
            "  agentos exec my-agent -- ls -la /          (argv, no shell)",
            "  agentos exec my-agent 'echo hi | wc -c'    (one word: a shell command line)"})
final class ExecCommand implements Callable<Integer> {
    @ParentCommand private AgentOsCli cli;
    @Mixin private Remote remote;
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable (repeatable).")
    private Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"-C", "--cwd"}, paramLabel = "DIR", description = "Working directory inside the VM.")
    private String cwd;

    @Option(names = {"-i", "--stdin"}, description = "Pass this terminal's standard input to the command.")
    private boolean stdin;

    @Parameters(index = "0", paramLabel = "KEY", description = "The VM's key.")
    private String key;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
    private List<String> command;

    @Override public Integer call() throws Exception {
        // with stop-at-positional, a "--" after KEY arrives as a word
        List<String> command = this.command.get(0).equals("--") ? this.command.subList(1, this.command.size()) : this.command;
        if (command.isEmpty()) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing CMD");
        AgentOsHandle vm = remote.vm(key);
        LinkedBlockingQueue<AgentOsEvent> events = new LinkedBlockingQueue<>();
        try (AgentOsConnection conn = vm.connect()) {
            conn.onProcessOutput(events::add);
            conn.onProcessExit(events::add);
            String program = command.size() == 1 ? "/bin/sh" : command.get(0);
            List<String> args = command.size() == 1 ? List.of("-c", command.get(0)) : command.subList(1, command.size());
            int pid = vm.spawn(program, args, new SpawnOptions(env, Optional.ofNullable(cwd)));
            if (stdin) {
                Thread.ofVirtual().name("exec-stdin").start(() -> pumpStdin(vm, pid, cli.in()));
            } else {
                try {
                    vm.closeProcessStdin(pid);
                } catch (dev.agentos.protocol.AgentOsClientException e) {
                    if (!e.code().equals("ESRCH")) throw e;   // it already ended: its output and exit are on their way
                }
            }
            while (true) {
                AgentOsEvent e = events.take();
                if (e instanceof AgentOsEvent.ProcessOutput o && o.pid() == pid) {
                    (o.stream().equals("stderr") ? cli.err() : cli.out()).write(o.data());
                    (o.stream().equals("stderr") ? cli.err() : cli.out()).flush();
                } else if (e instanceof AgentOsEvent.ProcessExit x && x.pid() == pid) {
                    cli.out().flush();
                    return x.exitCode();
                }
            }
        }
    }

    private static void pumpStdin(AgentOsHandle vm, int pid, InputStream in) {
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buf)) > 0; ) vm.writeProcessStdin(pid, java.util.Arrays.copyOf(buf, n));
        } catch (Exception e) {
            // the process ended or the terminal went away: stop forwarding
        }
        try {
            vm.closeProcessStdin(pid);
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
