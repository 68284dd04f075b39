package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;

/** printenv: prints the whole environment or the values of the named variables. */
final class Printenv extends GnuCommand {
    @Override protected String name() { return "printenv"; }

    @Override protected int usageStatus() { return 2; }

    @Override protected Getopt options() { return Getopt.create().flag('0', "null", "0"); }

    @Override protected String usage() {
        return """
                Usage: printenv [OPTION]... [VARIABLE]...
                Print the values of the specified environment VARIABLE(s).
                If no VARIABLE is specified, print name and value pairs for them all.

                  -0, --null     end each output line with NUL, not newline
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        char end = inv.has("0") ? '\0' : '\n';
        var env = inv.ctx().environment();
        if (inv.operands().isEmpty()) {
            env.forEach((k, v) -> inv.print(k + "=" + v + end));
            return 0;
        }
        int missing = 0;
        for (String name : inv.operands()) {
            String v = name.contains("=") ? null : env.get(name);
            if (v == null) missing++;
            else inv.print(v + end);
        }
        return missing == 0 ? 0 : 1;
    }
}
