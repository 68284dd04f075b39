package dev.agentos.cli;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsException;
import dev.agentos.ExecOptions;
import dev.agentos.ExecResult;
import dev.agentos.SpawnOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code agentos run}: boots a throwaway VM, runs one command in it and exits with the command's
 * exit code. One argument is a shell command line ({@code /bin/sh -c}); several arguments (after
 * {@code --}) or {@code --argv} run the program directly, streaming its output as it comes.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a command in a fresh, in-memory VM and exit with its exit code.",
            "  agentos run 'echo hello | tr a-z A-Z'   (a shell command line)",
            "  agentos run -- ls -la /                 (argv, no shell; output streams live)"
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private AgentOsCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable (repeatable).")
    private Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"-C", "--cwd"}, paramLabel = "DIR", description = "Working directory inside the VM.")
    private String cwd;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Kill the command with SIGKILL after this many seconds (exit status 137).")
    private Double timeoutSeconds;

    @Option(names = "--argv", description = "Run the arguments as program and argv, without a shell, even when there is only one.")
    private boolean argv;

    @Option(names = {"-i", "--interactive"}, description = "Pass this terminal's stdin to the command (otherwise it reads end-of-file).")
    private boolean interactive;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "A shell command line, or (with -- or --argv) a program and its arguments.")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Duration timeout = timeout();
        AgentOs vm = AgentOs.create();
        try {
            long start = System.nanoTime();
            int code = argv || command.size() > 1 ? runArgv(vm, timeout) : runShell(vm, timeout);
            if (timeout != null && code == 137 && System.nanoTime() - start >= timeout.toNanos()) {
                cli.err().println("agentos: killed after the " + seconds(timeoutSeconds) + "s timeout");
            }
            return code & 0xff;
        } finally {
            vm.close();
        }
    }

    private int runShell(AgentOs vm, Duration timeout) throws IOException {
        var options = ExecOptions.builder();
        if (!env.isEmpty()) {
            options.env(env);
        }
        if (cwd != null) {
            options.cwd(cwd);
        }
        if (timeout != null) {
            options.timeout(timeout);
        }
        if (interactive) {
            options.stdin(cli.in().readAllBytes());
        }
        ExecResult result = vm.exec(command.get(0), options.build());
        write(cli.out(), result.stdout().getBytes(StandardCharsets.UTF_8));
        write(cli.err(), result.stderr().getBytes(StandardCharsets.UTF_8));
        return result.exitCode();
    }

    private int runArgv(AgentOs vm, Duration timeout) {
        // The exit code comes from onExit, which runs once the output is drained.
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        var options = SpawnOptions.builder()
                .onStdout(bytes -> write(cli.out(), bytes))
                .onStderr(bytes -> write(cli.err(), bytes))
                .onExit(exit::complete);
        if (!env.isEmpty()) {
            options.env(env);
        }
        if (cwd != null) {
            options.cwd(cwd);
        }
        int pid = vm.spawn(command.get(0), command.subList(1, command.size()), options.build());
        AtomicBoolean done = new AtomicBoolean();
        if (interactive) {
            Thread.ofVirtual().name("agentos-stdin").start(() -> pumpStdin(vm, pid, done));
        } else {
            closeStdin(vm, pid);
        }
        Thread killer = timeout == null ? null : Thread.ofVirtual().name("agentos-timeout").start(() -> {
            try {
                Thread.sleep(timeout);
                if (!done.get()) {
                    vm.killProcess(pid);
                }
            } catch (InterruptedException e) {
                // the command finished first
            } catch (RuntimeException e) {
                // it exited between the check and the kill
            }
        });
        try {
            return exit.join();
        } finally {
            done.set(true);
            if (killer != null) {
                killer.interrupt();
            }
        }
    }

    private void pumpStdin(AgentOs vm, int pid, AtomicBoolean done) {
        InputStream in = cli.in();
        byte[] buf = new byte[8192];
        try {
            for (int n; !done.get() && (n = in.read(buf)) >= 0; ) {
                if (n > 0) {
                    vm.writeProcessStdin(pid, Arrays.copyOf(buf, n));
                }
            }
            closeStdin(vm, pid);
        } catch (IOException | RuntimeException e) {
            // the process exited or closed its stdin: nothing more to deliver
        }
    }

    private static void closeStdin(AgentOs vm, int pid) {
        try {
            vm.closeProcessStdin(pid);
        } catch (AgentOsException e) {
            // already exited (ESRCH): its stdin is gone with it
        }
    }

    private Duration timeout() {
        if (timeoutSeconds == null) {
            return null;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds.isInfinite()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, not " + timeoutSeconds);
        }
        return Duration.ofNanos((long) (timeoutSeconds * 1e9));
    }

    private static String seconds(double s) {
        return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    private static void write(PrintStream stream, byte[] bytes) {
        if (bytes.length > 0) {
            stream.write(bytes, 0, bytes.length);
            stream.flush();
        }
    }
}
