package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.Optional;

/** nohup: runs a command immune to hangups, moving terminal output to nohup.out. */
final class Nohup extends GnuCommand {
    private static final int FAILURE = 125;

    @Override protected String name() { return "nohup"; }

    @Override protected int usageStatus() { return FAILURE; }

    @Override protected Getopt options() { return Getopt.create().noPermute(); }

    @Override protected String usage() {
        return """
                Usage: nohup COMMAND [ARG]...
                  or:  nohup OPTION
                Run COMMAND, ignoring hangup signals.

                      --help        display this help and exit
                      --version     output version information and exit

                If standard input is a terminal, redirect it from an unreadable file.
                If standard output is a terminal, append output to 'nohup.out' if possible,
                '$HOME/nohup.out' otherwise.
                If standard error is a terminal, redirect it to standard output.
                To save output to FILE, use 'nohup COMMAND > FILE'.
                """;
    }

    @Override protected int execute(Invocation inv) {
        ProcessContext ctx = inv.ctx();
        if (inv.operands().isEmpty()) {
            inv.error("missing operand\nTry 'nohup --help' for more information.");
            return FAILURE;
        }
        boolean ignoringInput = ctx.isatty(0);
        boolean redirectingStdout = ctx.isatty(1);
        boolean redirectingStderr = ctx.isatty(2);
        if (ignoringInput) {
            int fd = ctx.open("/dev/null", OpenFlags.O_WRONLY, 0);
            ctx.dup2(fd, 0);
            ctx.close(fd);
            if (!redirectingStdout && !redirectingStderr) inv.error("ignoring input");
        }
        if (redirectingStdout) {
            String file = "nohup.out";
            int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND;
            int fd;
            try {
                fd = ctx.open(file, flags, 0600);
            } catch (AgentOsException first) {
                Optional<String> home = ctx.getenv("HOME");
                if (home.isEmpty()) {
                    inv.error("failed to open " + Invocation.quote(file) + ": " + ChildProcess.reason(first));
                    return FAILURE;
                }
                file = home.get() + "/nohup.out";
                try {
                    fd = ctx.open(file, flags, 0600);
                } catch (AgentOsException second) {
                    inv.error("failed to open " + Invocation.quote(file) + ": " + ChildProcess.reason(second));
                    return FAILURE;
                }
            }
            inv.error((ignoringInput ? "ignoring input and appending output to " : "appending output to ")
                    + Invocation.quote(file));
            ctx.dup2(fd, 1);
            ctx.close(fd);
        }
        if (redirectingStderr) {
            if (!redirectingStdout) {
                inv.error(ignoringInput ? "ignoring input and redirecting stderr to stdout" : "redirecting stderr to stdout");
            }
            ctx.dup2(1, 2);
        }
        // IGNORE is inherited by the child, as across exec
        ctx.signalDisposition(Signal.SIGHUP, SignalDisposition.IGNORE);
        int pid;
        try {
            pid = ChildProcess.spawn(ctx, inv.operands(), Optional.empty());
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "nohup: failed to run command " + Invocation.quote(inv.operands().get(0)) + ": "
                    + ChildProcess.reason(e) + "\n");
            return ChildProcess.execFailureStatus(e);
        }
        return ChildProcess.waitAndMirror(ctx, pid);
    }
}
