package dev.agentos.commands;

import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.util.List;

/**
 * The frame GNU-style commands share: getopt_long parsing with GNU's usage errors, {@code --help}
 * and {@code --version}, buffered standard output flushed at the end, and error wording. A command
 * declares its options and implements {@link #execute}.
 */
public abstract class GnuCommand implements Program {
    /** The command's name as GNU prints it in messages ({@code ls}, {@code grep}). */
    protected abstract String name();

    /** The {@code --help} text when there is no {@code help/NAME.txt} resource (see {@link Gnu#helpText}). */
    protected abstract String usage();

    /** The options this command takes (--help and --version are added). */
    protected abstract Getopt options();

    /** The exit status of a usage error: 1 for most coreutils, 2 for grep, diff, ls... */
    protected int usageStatus() { return 1; }

    /** The package name in {@code --version} output. */
    protected String packageName() { return "GNU coreutils"; }

    protected abstract int execute(Invocation inv) throws IOException;

    @Override
    public final int run(ProcessContext ctx) throws IOException {
        return run(ctx, ctx.argv().subList(1, ctx.argv().size()));
    }

    /**
     * Runs with {@code args} (argv without argv[0]) instead of the process's own: for commands that take
     * some operands out before getopt sees them, such as chmod's {@code -w}.
     */
    public final int run(ProcessContext ctx, List<String> args) throws IOException {
        Getopt.Parsed parsed;
        try {
            parsed = options().flag((char) 0, "help", "--help").flag((char) 0, "version", "--version")
                    .parse(args, ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), name() + ": " + e.getMessage() + "\nTry '" + name() + " --help' for more information.\n");
            return usageStatus();
        }
        Invocation inv = new Invocation(ctx, name(), parsed);
        try {
            if (parsed.has("--help")) {
                inv.out().write(Gnu.helpText(name()).orElseGet(this::usage).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return 0;
            }
            if (parsed.has("--version")) {
                inv.print(name() + " (" + packageName() + ") " + Gnu.VERSION + "\n");
                return 0;
            }
            return execute(inv);
        } finally {
            inv.out().flush();
        }
    }
}
