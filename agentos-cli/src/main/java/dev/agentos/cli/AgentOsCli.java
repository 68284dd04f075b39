package dev.agentos.cli;

import dev.agentos.AgentOsException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code agentos} command. Each subcommand is one class listed in {@code subcommands}; it reaches
 * the terminal through {@link #in()}, {@link #out()} and {@link #err()} so tests can run it in-process.
 */
@Command(name = "agentos",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "agentOS for Java: an operating system for AI agents, inside the JVM.",
        subcommands = {RunCommand.class, ServeCommand.class, ExecCommand.class, ShellCommand.class, CpCommand.class,
            FileCommands.Ls.class, FileCommands.Cat.class, FileCommands.Rm.class, FileCommands.Mkdir.class,
            ProcessCommands.Ps.class, ProcessCommands.Kill.class, ProcessCommands.Preview.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
public final class AgentOsCli implements Runnable {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public AgentOsCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = commandLine(System.in, System.out, System.err).execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The configured command line over the given terminal streams; {@code execute(args)} returns the exit code. */
    public static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new AgentOsCli(in, out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        // `agentos run ls -la`: everything after the program name belongs to the program.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("agentos: " + describe(ex));
            err.flush();
            return ex instanceof AgentOsException a ? exitCodeFor(a) : 1;
        });
        return cl;
    }

    /** 126 when the command cannot be executed, 127 when it is not found, 1 for any other failure (as a shell does). */
    static int exitCodeFor(AgentOsException e) {
        return switch (e.code()) {
            case "EACCES" -> 126;
            case "ENOENT" -> 127;
            default -> 1;
        };
    }

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        // `agentos` alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    InputStream in() { return in; }

    PrintStream out() { return out; }

    PrintStream err() { return err; }

    /** True when the streams are this process's own (not a test's), so the local terminal may be probed. */
    boolean onRealTerminal() { return in == System.in && out == System.out; }
}
