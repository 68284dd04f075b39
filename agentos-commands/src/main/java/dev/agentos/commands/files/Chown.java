package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;
import java.util.OptionalInt;

/** chown: OWNER[:GROUP] by name or number, -R, -h, -v, -c, -f. */
final class Chown extends FileCommand {
    Chown() { super("chown", "[OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('R', "recursive", "R").flag('v', "verbose", "v").flag('c', "changes", "c")
                .flag('f', "silent", "f").flag((char) 0, "quiet", "f").flag('h', "no-dereference", "h")
                .flag((char) 0, "dereference", "deref").withArg((char) 0, "reference", "reference")
                .flag('H', null, "H").flag('L', null, "L").flag('P', null, "P");
    }

    @Override protected int execute(Invocation inv) {
        List<String> ops = inv.operands();
        if (ops.isEmpty()) return usageError(inv, "missing operand");
        int uid = -1, gid = -1;
        Accounts acc = new Accounts(inv.ctx());
        List<String> files;
        if (inv.options().last("reference").isPresent()) {
            String ref = inv.options().last("reference").get();
            try {
                FileStat st = inv.ctx().stat(ref);
                uid = st.uid();
                gid = st.gid();
            } catch (AgentOsException e) {
                fail(inv, "failed to get attributes of", ref, e);
                return 1;
            }
            files = ops;
        } else {
            if (ops.size() < 2) return usageError(inv, "missing operand after " + Quoting.always(ops.get(0)));
            String spec = ops.get(0);
            files = ops.subList(1, ops.size());
            int colon = spec.indexOf(':');
            if (colon < 0 && spec.indexOf('.') > 0 && acc.uid(spec).isEmpty()) colon = spec.indexOf('.');
            String user = colon < 0 ? spec : spec.substring(0, colon);
            String group = colon < 0 ? null : spec.substring(colon + 1);
            if (!user.isEmpty()) {
                OptionalInt u = id(user, acc.uid(user));
                if (u.isEmpty()) {
                    inv.error("invalid user: " + Quoting.always(spec));
                    return 1;
                }
                uid = u.getAsInt();
                if (group != null && group.isEmpty()) {
                    OptionalInt g = acc.loginGroup(user);
                    if (g.isEmpty()) {
                        inv.error("invalid spec: " + Quoting.always(spec));
                        return 1;
                    }
                    gid = g.getAsInt();
                }
            }
            if (group != null && !group.isEmpty()) {
                OptionalInt g = id(group, acc.gid(group));
                if (g.isEmpty()) {
                    inv.error("invalid group: " + Quoting.always(spec));
                    return 1;
                }
                gid = g.getAsInt();
            }
        }
        boolean ok = true;
        for (String f : files) ok &= change(inv, acc, f, uid, gid, true);
        return ok ? 0 : 1;
    }

    private static OptionalInt id(String name, OptionalInt byName) {
        if (byName.isPresent()) return byName;
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalInt.of(Integer.parseInt(name));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static boolean change(Invocation inv, Accounts acc, String f, int uid, int gid, boolean top) {
        boolean follow = top && !inv.has("h");
        FileStat st;
        try {
            st = follow ? inv.ctx().stat(f) : inv.ctx().lstat(f);
        } catch (AgentOsException e) {
            if (!inv.has("f")) fail(inv, "cannot access", f, e);
            return false;
        }
        int nu = uid < 0 ? st.uid() : uid, ng = gid < 0 ? st.gid() : gid;
        boolean changed = nu != st.uid() || ng != st.gid();
        try {
            inv.ctx().chown(f, uid, gid, follow);
        } catch (AgentOsException e) {
            if (!inv.has("f")) fail(inv, "changing ownership of", f, e);
            return false;
        }
        if (inv.has("v") || (inv.has("c") && changed)) {
            String from = owner(acc, st.uid(), st.gid(), uid, gid), to = owner(acc, nu, ng, uid, gid);
            inv.print(changed ? "changed ownership of " + Quoting.always(f) + " from " + from + " to " + to + "\n"
                    : "ownership of " + Quoting.always(f) + " retained as " + to + "\n");
        }
        boolean ok = true;
        if (inv.has("R") && st.isDirectory()) {
            for (DirEntry e : inv.ctx().readdir(f)) {
                if (e.name().equals(".") || e.name().equals("..")) continue;
                ok &= change(inv, acc, PathNames.join(f, e.name()), uid, gid, false);
            }
        }
        return ok;
    }

    private static String owner(Accounts acc, int u, int g, int wantU, int wantG) {
        if (wantU < 0) return ":" + acc.group(g);
        if (wantG < 0) return acc.user(u);
        return acc.user(u) + ":" + acc.group(g);
    }
}
