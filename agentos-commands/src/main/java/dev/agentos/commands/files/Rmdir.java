package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;

/** rmdir: removes empty directories, with -p their parents too. */
final class Rmdir extends FileCommand {
    Rmdir() { super("rmdir", "[OPTION]... DIRECTORY..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('p', "parents", "p").flag('v', "verbose", "v")
                .flag((char) 0, "ignore-fail-on-non-empty", "ignore");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        int status = 0;
        for (String dir : inv.operands()) {
            if (!remove(inv, dir, false)) {
                status = 1;
                continue;
            }
            if (inv.has("p")) {
                String p = dir;
                while (true) {
                    while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
                    int slash = p.lastIndexOf('/');
                    if (slash <= 0) break;
                    p = p.substring(0, slash);
                    if (!remove(inv, p, true)) {
                        status = 1;
                        break;
                    }
                }
            }
        }
        return status;
    }

    private static boolean remove(Invocation inv, String dir, boolean parent) {
        if (inv.has("v")) inv.print("rmdir: removing directory, " + Quoting.always(dir) + "\n");
        try {
            inv.ctx().rmdir(dir);
            return true;
        } catch (AgentOsException e) {
            if (inv.has("ignore") && (e.is(Errno.ENOTEMPTY) || e.is(Errno.EEXIST))) return !parent;
            inv.error("failed to remove " + (parent ? "directory " : "") + Quoting.always(dir) + ": " + SysFiles.reason(e));
            return false;
        }
    }
}
