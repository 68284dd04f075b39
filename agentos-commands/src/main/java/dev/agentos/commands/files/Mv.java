package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.Optional;

/** mv: renames, or copies and removes across file systems; -f, -i, -n, -v, -T, -t. */
final class Mv extends FileCommand {
    Mv() { super("mv", "[OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE..."); }

    @Override protected Getopt options() {
        return Backups.options(Getopt.create()).flag('f', "force", "f").flag('i', "interactive", "i").flag('n', "no-clobber", "n")
                .flag('v', "verbose", "v").flag('T', "no-target-directory", "T").withArg('t', "target-directory", "t")
                .flag('u', "update", "u");
    }

    @Override protected int execute(Invocation inv) {
        char clobber = 'y';
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "f" -> clobber = 'y';
                case "i" -> clobber = 'i';
                case "n" -> clobber = 'n';
                default -> { }
            }
        }
        Optional<Backups> backups = Backups.of(this, inv);
        if (backups.isEmpty()) return 1;
        Cp.Targets t = Cp.Targets.of(this, inv);
        if (t == null) return usageStatus();
        if (t.status() >= 0) return t.status();
        boolean ok = true;
        for (String[] pair : t.pairs()) ok &= move(inv, clobber, backups.get(), pair[0], pair[1]);
        return ok ? 0 : 1;
    }

    private static boolean move(Invocation inv, char clobber, Backups backups, String src, String dst) {
        var ctx = inv.ctx();
        FileStat st;
        try {
            st = ctx.lstat(src);
        } catch (AgentOsException e) {
            fail(inv, "cannot stat", src, e);
            return false;
        }
        String base = PathNames.basename(src);
        if (base.equals(".") || base.equals("..") || base.equals("/")) {
            inv.error("cannot move " + Quoting.always(src) + " to " + Quoting.always(dst) + ": " + Errno.EBUSY.strerror());
            return false;
        }
        Optional<FileStat> existing = SysFiles.lstat(ctx, dst);
        if (existing.isPresent() && existing.get().ino() == st.ino() && existing.get().dev() == st.dev()) {
            inv.error(Quoting.always(src) + " and " + Quoting.always(dst) + " are the same file");
            return false;
        }
        if (st.isDirectory()) {
            String s = Canonical.resolve(ctx, src, Canonical.Mode.MISSING), d = Canonical.resolve(ctx, dst, Canonical.Mode.MISSING);
            if (d.startsWith(s + "/")) {
                inv.error("cannot move " + Quoting.always(src) + " to a subdirectory of itself, " + Quoting.always(dst));
                return false;
            }
        }
        if (existing.isPresent()) {
            if (clobber == 'n') return true;
            if (clobber == 'i' && !ask(inv, "mv: overwrite " + Quoting.always(dst) + "? ")) return true;
            if (existing.get().isDirectory() && !st.isDirectory()) {
                inv.error("cannot overwrite directory " + Quoting.always(dst) + " with non-directory");
                return false;
            }
            if (!existing.get().isDirectory() && st.isDirectory()) {
                inv.error("cannot overwrite non-directory " + Quoting.always(dst) + " with directory " + Quoting.always(src));
                return false;
            }
        }
        String backup = null;
        if (existing.isPresent() && backups.enabled() && !existing.get().isDirectory()) {
            try {
                backup = backups.backUp(ctx, dst);
                existing = Optional.empty();
            } catch (AgentOsException e) {
                fail(inv, "cannot backup", dst, e);
                return false;
            }
        }
        try {
            ctx.rename(src, dst);
        } catch (AgentOsException e) {
            if (!e.is(Errno.EXDEV)) {
                inv.error("cannot move " + Quoting.always(src) + " to " + Quoting.always(dst) + ": " + SysFiles.reason(e));
                return false;
            }
            if (existing.isPresent() && !existing.get().isDirectory()) ctx.unlink(dst);
            Cp.Policy p = new Cp.Policy(true, false, true, 'y', true, false, "mv");
            if (!Cp.copy(inv, p, src, dst, true) || !removeTree(inv, src)) return false;
        }
        if (inv.has("v")) {
            inv.print("renamed " + Quoting.always(src) + " -> " + Quoting.always(dst) + (backup == null ? "" : " (backup: " + Quoting.always(backup) + ")") + "\n");
        }
        return true;
    }

    private static boolean removeTree(Invocation inv, String path) {
        try {
            FileStat st = inv.ctx().lstat(path);
            if (st.isDirectory()) {
                for (DirEntry e : inv.ctx().readdir(path)) {
                    if (!e.name().equals(".") && !e.name().equals("..")) removeTree(inv, PathNames.join(path, e.name()));
                }
                inv.ctx().rmdir(path);
            } else {
                inv.ctx().unlink(path);
            }
            return true;
        } catch (AgentOsException e) {
            fail(inv, "cannot remove", path, e);
            return false;
        }
    }
}
