package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;

/** readlink: a symlink's target, or with -f/-e/-m the canonical name. */
final class Readlink extends FileCommand {
    Readlink() { super("readlink", "[OPTION]... FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('f', "canonicalize", "f").flag('e', "canonicalize-existing", "e")
                .flag('m', "canonicalize-missing", "m").flag('n', "no-newline", "n").flag('q', "quiet", "q")
                .flag('s', "silent", "q").flag('v', "verbose", "v").flag('z', "zero", "z");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        Canonical.Mode mode = null;
        boolean verbose = false;
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "f" -> mode = Canonical.Mode.ALL_BUT_LAST;
                case "e" -> mode = Canonical.Mode.EXISTING;
                case "m" -> mode = Canonical.Mode.MISSING;
                case "q" -> verbose = false;
                case "v" -> verbose = true;
                default -> { }
            }
        }
        boolean newline = !inv.has("n");
        if (!newline && inv.operands().size() > 1) {
            inv.error("ignoring --no-newline with multiple arguments");
            newline = true;
        }
        int status = 0;
        for (String op : inv.operands()) {
            try {
                String v = mode == null ? inv.ctx().readlink(op) : Canonical.resolve(inv.ctx(), op, mode);
                inv.print(v + (inv.has("z") ? "\0" : newline ? "\n" : ""));
            } catch (AgentOsException e) {
                if (verbose) inv.error(op + ": " + SysFiles.reason(e));
                status = 1;
            }
        }
        return status;
    }
}
