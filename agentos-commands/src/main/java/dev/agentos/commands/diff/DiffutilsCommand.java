package dev.agentos.commands.diff;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.IOException;
import java.util.List;

/**
 * The frame diffutils and patch share: getopt_long parsing, {@code --help}, {@code --version}, and
 * their usage-error wording, where the "Try" line also carries the program name (unlike coreutils).
 */
abstract class DiffutilsCommand implements Program {
    /** A usage error: reported with the "Try ... --help" line and the command's trouble status. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    abstract String name();

    abstract String usage();

    /** The first line of --version. */
    abstract String versionLine(ProcessContext ctx);

    abstract Getopt options();

    /** The status of trouble (2 for diff, cmp and patch). */
    int troubleStatus() { return 2; }

    abstract int execute(ProcessContext ctx, Getopt.Parsed parsed, List<String> rawArgs) throws IOException, UsageError;

    @Override
    public final int run(ProcessContext ctx) throws IOException {
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        Getopt.Parsed parsed;
        try {
            parsed = options().flag((char) 0, "help", "--help").flag(versionShort(), "version", "--version")
                    .parse(args, ctx.environment());
        } catch (Getopt.UsageError e) {
            return usageError(ctx, e.getMessage());
        }
        if (parsed.has("--help")) {
            Gnu.print(ctx.stdout(), usage());
            return 0;
        }
        if (parsed.has("--version")) {
            Gnu.print(ctx.stdout(), versionLine(ctx) + "\n");
            return 0;
        }
        try {
            return execute(ctx, parsed, args);
        } catch (UsageError e) {
            return usageError(ctx, e.getMessage());
        }
    }

    /** diff and cmp take -v for --version; patch takes it too. */
    char versionShort() { return 'v'; }

    private int usageError(ProcessContext ctx, String message) {
        Gnu.print(ctx.stderr(), name() + ": " + message + "\n" + name() + ": Try '" + name() + " --help' for more information.\n");
        return troubleStatus();
    }
}
