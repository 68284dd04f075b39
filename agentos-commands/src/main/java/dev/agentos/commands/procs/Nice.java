package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import dev.agentos.commands.system.ChildProcess;
import dev.agentos.kernel.proc.ProcessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nice (GNU coreutils): prints the niceness, or runs a command with it raised by N (default 10).
 * The kernel records niceness per process and children inherit it; ps -o ni and /proc/PID/stat show
 * it. It does not change scheduling: virtual threads have no priorities.
 */
final class Nice implements dev.agentos.kernel.proc.Program {
    private final Command command = new Command();

    @Override public int run(ProcessContext ctx) throws java.io.IOException {
        // GNU nice takes "-N" (and "--N", "-+N") as an adjustment before getopt sees the options
        List<String> args = new ArrayList<>();
        List<String> given = ctx.argv().subList(1, ctx.argv().size());
        int i = 0;
        for (; i < given.size(); i++) {
            String a = given.get(i);
            if (a.matches("-[+-]?\\d+")) {
                args.add("-n");
                args.add(a.substring(1));
            } else if (a.equals("--") || !a.startsWith("-") || a.equals("-")) {
                break;
            } else {
                args.add(a);
                if ((a.equals("-n") || a.equals("--adjustment")) && i + 1 < given.size()) args.add(given.get(++i));
            }
        }
        args.addAll(given.subList(i, given.size()));
        return command.run(ctx, args);
    }

    private static final class Command extends GnuCommand {
        @Override protected String name() { return "nice"; }
        @Override protected int usageStatus() { return 125; }

        @Override protected String usage() {
            return """
                    Usage: nice [OPTION] [COMMAND [ARG]...]
                    Run COMMAND with an adjusted niceness, which affects process scheduling.
                    With no COMMAND, print the current niceness.  Niceness values range from
                    -20 (most favorable to the process) to 19 (least favorable to the process).

                    Mandatory arguments to long options are mandatory for short options too.
                      -n, --adjustment=N   add integer N to the niceness (default 10)
                          --help        display this help and exit
                          --version     output version information and exit

                    NOTE: your shell may have its own version of nice, which usually supersedes
                    the version described here.  Please refer to your shell's documentation
                    for details about the options it supports.

                    GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
                    Full documentation <https://www.gnu.org/software/coreutils/nice>
                    or available locally via: info '(coreutils) nice invocation'
                    """;
        }

        @Override protected Getopt options() {
            return Getopt.create().noPermute().withArg('n', "adjustment", "n");
        }

        @Override protected int execute(Invocation inv) throws java.io.IOException {
            ProcessContext ctx = inv.ctx();
            Optional<String> adjustment = inv.options().last("n");
            List<String> command = inv.operands();
            int adjust = 10;
            if (adjustment.isPresent()) {
                try {
                    adjust = (int) Math.max(-1000, Math.min(1000, Long.parseLong(adjustment.get().strip())));
                } catch (NumberFormatException e) {
                    inv.error("invalid adjustment " + Invocation.quote(adjustment.get()));
                    return 125;
                }
            }
            if (command.isEmpty()) {
                if (adjustment.isPresent()) {
                    inv.error("a command must be given with an adjustment\nTry 'nice --help' for more information.");
                    return 125;
                }
                inv.print(ctx.nice() + "\n");
                return 0;
            }
            try {
                ctx.setNice(ctx.nice() + adjust);
            } catch (AgentOsException e) {
                inv.error("cannot set niceness: " + ChildProcess.reason(e)); // a warning: the command still runs
            }
            inv.out().flush();
            int pid;
            try {
                pid = ChildProcess.spawn(ctx, command, Optional.empty());
            } catch (AgentOsException e) {
                inv.error(Invocation.quote(command.get(0)) + ": " + ChildProcess.reason(e));
                return ChildProcess.execFailureStatus(e);
            }
            return ChildProcess.waitAndMirror(ctx, pid);
        }
    }
}
