package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;

/** tty: the name of the terminal on standard input, or "not a tty" (status 1). */
final class Tty extends GnuCommand {
    @Override protected String name() { return "tty"; }

    @Override protected int usageStatus() { return 2; }

    @Override protected Getopt options() {
        return Getopt.create().flag('s', "silent", "s").flag((char) 0, "quiet", "s");
    }

    @Override protected String usage() {
        return """
                Usage: tty [OPTION]...
                Print the file name of the terminal connected to standard input.

                  -s, --silent, --quiet   print nothing, only return an exit status
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        if (!inv.operands().isEmpty()) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(0)) + "\nTry 'tty --help' for more information.");
            return 2;
        }
        boolean tty = inv.ctx().isatty(0);
        if (inv.has("s")) return tty ? 0 : 1;
        inv.print(tty ? inv.ctx().terminal(0).name() + "\n" : "not a tty\n");
        return tty ? 0 : 1;
    }
}
