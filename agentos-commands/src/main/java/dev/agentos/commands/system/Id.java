package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** id: user and group ids and names, of this process or of named users (/etc/passwd, /etc/group). */
final class Id extends GnuCommand {
    @Override protected String name() { return "id"; }

    @Override protected Getopt options() {
        return Getopt.create().flag('a', null, "a").flag('Z', "context", "Z").flag('g', "group", "g")
                .flag('G', "groups", "G").flag('n', "name", "n").flag('r', "real", "r").flag('u', "user", "u")
                .flag('z', "zero", "z");
    }

    @Override protected String usage() {
        return """
                Usage: id [OPTION]... [USER]...
                Print user and group information for each specified USER,
                or (when USER omitted) for the current process.

                  -a             ignore, for compatibility with other versions
                  -Z, --context  print only the security context of the process
                  -g, --group    print only the effective group ID
                  -G, --groups   print all group IDs
                  -n, --name     print a name instead of a number, for -ugG
                  -r, --real     print the real ID instead of the effective ID, with -ugG
                  -u, --user     print only the effective user ID
                  -z, --zero     delimit entries with NUL characters, not whitespace;
                                   not permitted in default format
                      --help        display this help and exit
                      --version     output version information and exit

                Without any OPTION, print some useful set of identified information.
                """;
    }

    @Override protected int execute(Invocation inv) {
        boolean u = inv.has("u"), g = inv.has("g"), gs = inv.has("G");
        int choices = (u ? 1 : 0) + (g ? 1 : 0) + (gs ? 1 : 0);
        if (inv.has("Z")) {
            inv.error("--context (-Z) works only on an SELinux-enabled kernel");
            return 1;
        }
        if (choices > 1) {
            inv.error("cannot print \"only\" of more than one choice");
            return 1;
        }
        if (choices == 0 && (inv.has("n") || inv.has("r"))) {
            inv.error("cannot print only names or real IDs in default format");
            return 1;
        }
        if (choices == 0 && inv.has("z")) {
            inv.error("option --zero not permitted in default format");
            return 1;
        }
        UserDatabase db = UserDatabase.load(inv.ctx());
        int status = 0;
        List<Optional<String>> who = new ArrayList<>();
        if (inv.operands().isEmpty()) who.add(Optional.empty());
        for (String o : inv.operands()) who.add(Optional.of(o));
        for (Optional<String> name : who) {
            int uid, gid;
            List<Integer> groups = new ArrayList<>();
            if (name.isPresent()) {
                Optional<UserDatabase.User> user = db.user(name.get());
                if (user.isEmpty() && name.get().matches("\\d+")) user = db.user(Integer.parseInt(name.get()));
                if (user.isEmpty()) {
                    inv.error(Invocation.quote(name.get()) + ": no such user");
                    status = 1;
                    continue;
                }
                uid = user.get().uid();
                gid = user.get().gid();
                groups.addAll(db.groupsOf(user.get()));
            } else {
                var c = inv.ctx().credentials();
                uid = c.uid();
                gid = c.gid();
                groups.add(gid);
                for (int x : c.groups()) if (!groups.contains(x)) groups.add(x);
                db.user(uid).ifPresent(us -> db.groupsOf(us).forEach(x -> { if (!groups.contains(x)) groups.add(x); }));
            }
            boolean names = inv.has("n");
            char sep = inv.has("z") ? '\0' : ' ';
            String end = inv.has("z") ? "\0" : "\n";
            if (u) {
                inv.print((names ? db.userName(uid) : Integer.toString(uid)) + end);
            } else if (g) {
                inv.print((names ? db.groupName(gid) : Integer.toString(gid)) + end);
            } else if (gs) {
                List<String> parts = groups.stream().map(x -> names ? db.groupName(x) : Integer.toString(x)).toList();
                inv.print(String.join(String.valueOf(sep), parts) + (inv.has("z") ? "\0" : "") + (inv.has("z") && who.size() > 1 ? "\0" : inv.has("z") ? "" : "\n"));
            } else {
                StringBuilder sb = new StringBuilder();
                sb.append("uid=").append(uid).append(db.user(uid).map(x -> "(" + x.name() + ")").orElse(""));
                sb.append(" gid=").append(gid).append(db.group(gid).map(x -> "(" + x.name() + ")").orElse(""));
                sb.append(" groups=");
                for (int k = 0; k < groups.size(); k++) {
                    if (k > 0) sb.append(',');
                    int x = groups.get(k);
                    sb.append(x).append(db.group(x).map(y -> "(" + y.name() + ")").orElse(""));
                }
                inv.print(sb + "\n");
            }
        }
        return status;
    }
}
