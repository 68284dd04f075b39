package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import java.util.Optional;

/** realpath: canonical absolute names, optionally relative to a directory. */
final class Realpath extends FileCommand {
    Realpath() { super("realpath", "[OPTION]... FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('e', "canonicalize-existing", "e").flag('m', "canonicalize-missing", "m")
                .flag('L', "logical", "L").flag('P', "physical", "P").flag('q', "quiet", "q")
                .flag('s', "strip", "s").flag((char) 0, "no-symlinks", "s").flag('z', "zero", "z")
                .withArg((char) 0, "relative-to", "relative-to").withArg((char) 0, "relative-base", "relative-base");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        Canonical.Mode mode = Canonical.Mode.ALL_BUT_LAST;
        for (Getopt.Option o : inv.options().options()) {
            if (o.key().equals("e")) mode = Canonical.Mode.EXISTING;
            if (o.key().equals("m")) mode = Canonical.Mode.MISSING;
        }
        boolean strip = inv.has("s");
        boolean logical = false;
        for (Getopt.Option o : inv.options().options()) {
            if (o.key().equals("L")) logical = true;
            if (o.key().equals("P")) logical = false;
        }
        final boolean lexicalDots = logical;
        Optional<String> relTo = inv.options().last("relative-to");
        Optional<String> relBase = inv.options().last("relative-base");
        String to = null, base = null;
        try {
            if (relTo.isPresent()) to = canon(inv, relTo.get(), mode, strip, lexicalDots);
            if (relBase.isPresent()) base = canon(inv, relBase.get(), mode, strip, lexicalDots);
        } catch (AgentOsException e) {
            inv.error(relTo.orElse(relBase.orElse("")) + ": " + SysFiles.reason(e));
            return 1;
        }
        if (base != null && to != null && !within(to, base)) {
            to = null;
            base = null;
        }
        if (base != null && to == null) to = base;
        int status = 0;
        for (String op : inv.operands()) {
            try {
                String p = canon(inv, op, mode, strip, lexicalDots);
                if (to != null && (base == null || within(p, base))) p = PathNames.relative(p, to);
                inv.print(p + (inv.has("z") ? "\0" : "\n"));
            } catch (AgentOsException e) {
                if (!inv.has("q")) inv.error(op + ": " + SysFiles.reason(e));
                status = 1;
            }
        }
        return status;
    }

    private static boolean within(String p, String base) {
        return base.equals("/") || p.equals(base) || p.startsWith(base + "/");
    }

    /** -L resolves ".." before symlinks (lexically); -s never resolves symlinks. */
    private static String canon(Invocation inv, String p, Canonical.Mode mode, boolean strip, boolean logical) {
        if (logical && !strip) p = PathNames.normalize(inv.ctx().cwd(), p);
        if (strip) {
            String n = PathNames.normalize(inv.ctx().cwd(), p);
            if (mode == Canonical.Mode.EXISTING) inv.ctx().lstat(n);
            return n;
        }
        return Canonical.resolve(inv.ctx(), p, mode);
    }
}
