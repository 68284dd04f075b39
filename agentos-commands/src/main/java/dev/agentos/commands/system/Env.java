package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** env: runs a command in a changed environment, or prints the environment. */
final class Env extends GnuCommand {
    @Override protected String name() { return "env"; }

    @Override protected int usageStatus() { return 125; }

    @Override protected Getopt options() {
        return Getopt.create().noPermute()
                .flag('i', "ignore-environment", "i")
                .flag('0', "null", "0")
                .withArg('u', "unset", "u")
                .withArg('C', "chdir", "C")
                .flag('v', "debug", "v");
    }

    @Override protected String usage() {
        return """
                Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
                Set each NAME to VALUE in the environment and run COMMAND.

                Mandatory arguments to long options are mandatory for short options too.
                  -i, --ignore-environment  start with an empty environment
                  -0, --null           end each output line with NUL, not newline
                  -u, --unset=NAME     remove variable from the environment
                  -C, --chdir=DIR      change working directory to DIR
                  -v, --debug          print verbose information for each processing step
                      --help        display this help and exit
                      --version     output version information and exit

                A mere - implies -i.  If no COMMAND, print the resulting environment.

                Exit status:
                  125  if the env command itself fails
                  126  if COMMAND is found but cannot be invoked
                  127  if COMMAND cannot be found
                  -    the exit status of COMMAND otherwise
                """;
    }

    @Override protected int execute(Invocation inv) {
        var ctx = inv.ctx();
        List<String> rest = new ArrayList<>(inv.operands());
        boolean ignore = inv.has("i");
        if (!rest.isEmpty() && rest.get(0).equals("-")) {
            ignore = true;
            rest.remove(0);
        }
        Map<String, String> env = ignore ? new LinkedHashMap<>() : new LinkedHashMap<>(ctx.environment());
        for (var o : inv.options().options()) {
            if (!o.key().equals("u")) continue;
            String name = o.value().orElse("");
            if (name.isEmpty() || name.contains("=")) {
                inv.error("cannot unset " + Invocation.quote(name) + ": Invalid argument");
                return 125;
            }
            env.remove(name);
        }
        int i = 0;
        for (; i < rest.size() && rest.get(i).indexOf('=') > 0; i++) {
            String a = rest.get(i);
            int eq = a.indexOf('=');
            env.remove(a.substring(0, eq));
            env.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<String> command = rest.subList(i, rest.size());
        Optional<String> dir = inv.options().last("C");
        if (command.isEmpty()) {
            if (dir.isPresent()) return usageError(inv, "must specify command with --chdir (-C)");
            char end = inv.has("0") ? '\0' : '\n';
            env.forEach((k, v) -> inv.print(k + "=" + v + end));
            return 0;
        }
        if (inv.has("0")) return usageError(inv, "cannot specify --null (-0) with command");
        if (dir.isPresent()) {
            try {
                ctx.chdir(dir.get());
            } catch (AgentOsException e) {
                inv.error("cannot change directory to " + Invocation.quote(dir.get()) + ": " + ChildProcess.reason(e));
                return 125;
            }
        }
        int pid;
        try {
            pid = ChildProcess.spawn(ctx, command, Optional.of(env));
        } catch (AgentOsException e) {
            inv.error(Invocation.quote(command.get(0)) + ": " + ChildProcess.reason(e));
            return ChildProcess.execFailureStatus(e);
        }
        return ChildProcess.waitAndMirror(ctx, pid);
    }

    private int usageError(Invocation inv, String message) {
        inv.error(message + "\nTry 'env --help' for more information.");
        return 125;
    }
}
