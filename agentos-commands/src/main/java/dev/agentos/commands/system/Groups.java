package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.util.ArrayList;
import java.util.List;

/** groups: the group names of this process, or of each named user ({@code user : g1 g2}). */
final class Groups extends GnuCommand {
    @Override protected String name() { return "groups"; }

    @Override protected Getopt options() { return Getopt.create(); }

    @Override protected String usage() {
        return """
                Usage: groups [OPTION]... [USERNAME]...
                Print group memberships for each USERNAME or, if no USERNAME is specified, for
                the current process (which may differ if the groups database has changed).
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        UserDatabase db = UserDatabase.load(inv.ctx());
        if (inv.operands().isEmpty()) {
            var c = inv.ctx().credentials();
            List<Integer> gids = new ArrayList<>();
            gids.add(c.gid());
            for (int x : c.groups()) if (!gids.contains(x)) gids.add(x);
            db.user(c.uid()).ifPresent(u -> db.groupsOf(u).forEach(x -> { if (!gids.contains(x)) gids.add(x); }));
            inv.print(String.join(" ", gids.stream().map(db::groupName).toList()) + "\n");
            return 0;
        }
        int status = 0;
        for (String name : inv.operands()) {
            var user = db.user(name);
            if (user.isEmpty()) {
                inv.error(Invocation.quote(name) + ": no such user");
                status = 1;
                continue;
            }
            inv.print(name + " : " + String.join(" ", db.groupsOf(user.get()).stream().map(db::groupName).toList()) + "\n");
        }
        return status;
    }
}
