package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;

/** whoami: the user name of the effective uid. */
final class Whoami extends GnuCommand {
    @Override protected String name() { return "whoami"; }

    @Override protected Getopt options() { return Getopt.create(); }

    @Override protected String usage() {
        return """
                Usage: whoami [OPTION]...
                Print the user name associated with the current effective user ID.
                Same as id -un.

                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        if (!inv.operands().isEmpty()) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(0)) + "\nTry 'whoami --help' for more information.");
            return 1;
        }
        int uid = inv.ctx().credentials().uid();
        var user = UserDatabase.load(inv.ctx()).user(uid);
        if (user.isEmpty()) {
            inv.error("cannot find name for user ID " + uid);
            return 1;
        }
        inv.print(user.get().name() + "\n");
        return 0;
    }
}
