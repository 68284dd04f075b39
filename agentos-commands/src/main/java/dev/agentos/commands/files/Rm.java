package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;

/** rm: removes files, and with -r directory trees; refuses "/", "." and "..". */
final class Rm extends FileCommand {
    Rm() { super("rm", "[OPTION]... [FILE]..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('f', "force", "f").flag('i', null, "i").flag('I', null, "I")
                .flag('r', "recursive", "r").flag('R', null, "r").flag('d', "dir", "d").flag('v', "verbose", "v")
                .flag((char) 0, "no-preserve-root", "no-preserve-root").flag((char) 0, "preserve-root", "preserve-root")
                .optionalArg((char) 0, "interactive", "interactive");
    }

    @Override protected int execute(Invocation inv) {
        boolean force = false, interactive = false, once = false;
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "f" -> { force = true; interactive = false; }
                case "i" -> { interactive = true; force = false; once = false; }
                case "I" -> { once = true; interactive = false; force = false; }
                case "interactive" -> {
                    switch (o.valueOr("always")) {
                        case "never", "no", "none" -> { interactive = false; once = false; }
                        case "once" -> { once = true; interactive = false; force = false; }
                        default -> { interactive = true; once = false; force = false; }
                    }
                }
                default -> { }
            }
        }
        if (inv.operands().isEmpty()) {
            if (force) return 0;
            return usageError(inv, "missing operand");
        }
        int n = inv.operands().size();
        if (once && (n > 3 || inv.has("r"))) {
            String prompt = "rm: remove " + n + " argument" + (n == 1 ? "" : "s") + (inv.has("r") ? " recursively" : "") + "? ";
            if (!ask(inv, prompt)) return 0;
        }
        return new Removal(inv, force, interactive).run() ? 0 : 1;
    }

    /** One rm run: its flags and the removals. */
    private record Removal(Invocation inv, boolean force, boolean interactive) {
    private boolean run() {
        boolean ok = true;
        for (String f : inv.operands()) {
            String base = PathNames.basename(f);
            if (inv.has("r") && (base.equals(".") || base.equals("..")) && SysFiles.lstat(inv.ctx(), f).isPresent()) {
                inv.error("refusing to remove '.' or '..' directory: skipping " + Quoting.always(f));
                ok = false;
                continue;
            }
            if (inv.has("r") && !inv.has("no-preserve-root") && isRoot(inv, f)) {
                if (f.equals("/")) inv.error("it is dangerous to operate recursively on '/'");
                else inv.error("it is dangerous to operate recursively on " + Quoting.always(f) + " (same as '/')");
                inv.error("use --no-preserve-root to override this failsafe");
                ok = false;
                continue;
            }
            ok &= remove(inv, f, true);
        }
        return ok;
    }

    private static boolean isRoot(Invocation inv, String f) {
        return SysFiles.stat(inv.ctx(), f).map(s -> {
            FileStat root = inv.ctx().stat("/");
            return s.ino() == root.ino() && s.dev() == root.dev();
        }).orElse(false);
    }

    private boolean remove(Invocation inv, String f, boolean top) {
        FileStat st;
        try {
            st = inv.ctx().lstat(f);
        } catch (AgentOsException e) {
            if (force && e.is(Errno.ENOENT)) return true;
            fail(inv, "cannot remove", f, e);
            return false;
        }
        if (st.isDirectory()) {
            if (!inv.has("r")) {
                if (!inv.has("d")) {
                    inv.error("cannot remove " + Quoting.always(f) + ": Is a directory");
                    return false;
                }
                return removeDir(inv, f);
            }
            boolean empty;
            try {
                empty = inv.ctx().readdir(f).stream().allMatch(e -> e.name().equals(".") || e.name().equals(".."));
            } catch (AgentOsException e) {
                empty = false;
            }
            if (!empty) {
                if (interactive && !ask(inv, "rm: descend into directory " + Quoting.always(f) + "? ")) return true;
                boolean ok = true;
                try {
                    for (DirEntry e : inv.ctx().readdir(f)) {
                        if (e.name().equals(".") || e.name().equals("..")) continue;
                        ok &= remove(inv, PathNames.join(f, e.name()), false);
                    }
                } catch (AgentOsException e) {
                    fail(inv, "cannot remove", f, e);
                    return false;
                }
                if (!ok) return false;
            }
            if (interactive && !ask(inv, "rm: remove directory " + Quoting.always(f) + "? ")) return true;
            return removeDir(inv, f);
        }
        if (interactive) {
            String kind = st.isRegular() ? (st.size() == 0 ? "regular empty file" : "regular file") : Modes.typeName(st);
            if (!ask(inv, "rm: remove " + kind + " " + Quoting.always(f) + "? ")) return true;
        }
        try {
            inv.ctx().unlink(f);
        } catch (AgentOsException e) {
            fail(inv, "cannot remove", f, e);
            return false;
        }
        if (inv.has("v")) inv.print("removed " + Quoting.always(f) + "\n");
        return true;
    }

    private static boolean removeDir(Invocation inv, String f) {
        try {
            inv.ctx().rmdir(f);
        } catch (AgentOsException e) {
            fail(inv, "cannot remove", f, e);
            return false;
        }
        if (inv.has("v")) inv.print("removed directory " + Quoting.always(f) + "\n");
        return true;
    }
}
}
