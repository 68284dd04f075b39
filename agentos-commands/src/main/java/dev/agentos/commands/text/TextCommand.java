package dev.agentos.commands.text;

import dev.agentos.commands.Getopt;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The frame of this package's commands: like {@code GnuCommand} (getopt_long, GNU usage errors,
 * --help/--version, buffered stdout) plus a hook to rewrite obsolete syntax ({@code head -5},
 * {@code uniq +2}) before parsing, which several text tools still accept.
 */
abstract class TextCommand implements Program {
    abstract String name();

    abstract Getopt options();

    int usageStatus() { return 1; }

    String packageName() { return "GNU coreutils"; }

    String version() { return "9.1"; }

    /** Rewrites obsolete forms into modern options; the default leaves args alone. */
    List<String> normalize(List<String> args) throws BadUsage { return args; }

    /** A usage error found while normalizing, with GNU's message. */
    static final class BadUsage extends Exception {
        private static final long serialVersionUID = 1L;

        BadUsage(String message) {
            super(message, null, false, false);
        }
    }

    abstract int execute(Run run) throws IOException;

    @Override
    public final int run(ProcessContext ctx) throws IOException {
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        Getopt.Parsed parsed;
        try {
            parsed = options().flag((char) 0, "help", "--help").flag((char) 0, "version", "--version")
                    .parse(normalize(args), ctx.environment());
        } catch (Getopt.UsageError | BadUsage e) {
            tryHelp(ctx, e.getMessage());
            return usageStatus();
        }
        Run run = new Run(ctx, name(), parsed);
        try {
            if (parsed.has("--help")) {
                run.print(usage());
                return 0;
            }
            if (parsed.has("--version")) {
                run.print(name() + " (" + packageName() + ") " + version() + "\n");
                return 0;
            }
            return execute(run);
        } catch (Run.Failure f) {
            return f.status;
        } finally {
            run.out.flush();
        }
    }

    private void tryHelp(ProcessContext ctx, String message) {
        String text = (message == null ? "" : name() + ": " + message + "\n") + "Try '" + name() + " --help' for more information.\n";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    /** The --help text: GNU's (see {@link dev.agentos.commands.Gnu#helpText}). */
    String usage() {
        return dev.agentos.commands.Gnu.helpText(name()).orElse("Usage: " + name() + " [OPTION]... [FILE]...\n");
    }
}
