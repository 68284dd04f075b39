package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;
import java.util.Optional;

/** cp: copies files and (with -r) trees; -a, -p, -n, -f, -i, -v, -L, -P, -T, -t. */
final class Cp extends FileCommand {
    Cp() { super("cp", "[OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE..."); }

    @Override protected Getopt options() {
        return Backups.options(Getopt.create()).flag('a', "archive", "a").flag('r', "recursive", "r").flag('R', null, "r")
                .flag('p', null, "p").optionalArg((char) 0, "preserve", "preserve").flag('n', "no-clobber", "n")
                .flag('f', "force", "f").flag('i', "interactive", "i").flag('v', "verbose", "v")
                .flag('L', "dereference", "L").flag('P', "no-dereference", "P").flag('d', null, "d")
                .flag('T', "no-target-directory", "T").withArg('t', "target-directory", "t")
                .flag('u', "update", "u").flag('l', "link", "l").flag('s', "symbolic-link", "s");
    }

    /** How a copy runs; shared with mv (cross-device moves) and install. */
    record Policy(boolean recursive, boolean deref, boolean preserve, char clobber, boolean force, boolean verbose, String who,
                  char link, boolean update, Backups backups) {
        Policy(boolean recursive, boolean deref, boolean preserve, char clobber, boolean force, boolean verbose, String who) {
            this(recursive, deref, preserve, clobber, force, verbose, who, 'c', false, Backups.NONE);
        }
    }

    @Override protected int execute(Invocation inv) {
        boolean recursive = inv.has("r") || inv.has("a");
        Boolean deref = null;
        boolean preserve = false;
        char clobber = 'y';
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "L" -> deref = true;
                case "P", "d" -> deref = false;
                case "a" -> { deref = false; preserve = true; }
                case "p", "preserve" -> preserve = true;
                case "n" -> clobber = 'n';
                case "i" -> clobber = 'i';
                default -> { }
            }
        }
        if (deref == null) deref = !recursive;
        char link = inv.has("s") ? 's' : inv.has("l") ? 'l' : 'c';
        Optional<Backups> backups = Backups.of(this, inv);
        if (backups.isEmpty()) return 1;
        Policy policy = new Policy(recursive, deref, preserve, clobber, inv.has("f"), inv.has("v"), "cp", link, inv.has("u"), backups.get());
        Targets t = Targets.of(this, inv);
        if (t == null) return usageStatus();
        if (t.status() >= 0) return t.status();
        boolean ok = true;
        for (String[] pair : t.pairs()) ok &= copy(inv, policy, pair[0], pair[1], true);
        return ok ? 0 : 1;
    }

    /** Source→destination pairs from operands, -t and -T; null after a usage error, status ≥ 0 after another. */
    record Targets(List<String[]> pairs, int status) {
        static Targets of(FileCommand cmd, Invocation inv) {
            List<String> ops = inv.operands();
            Optional<String> dir = inv.options().last("t");
            if (ops.isEmpty()) {
                cmd.usageError(inv, "missing file operand");
                return null;
            }
            if (dir.isPresent()) {
                if (!SysFiles.stat(inv.ctx(), dir.get()).map(FileStat::isDirectory).orElse(false)) {
                    inv.error("target directory " + Quoting.always(dir.get()) + ": " + SysFiles.stat(inv.ctx(), dir.get()).map(s -> "Not a directory").orElse("No such file or directory"));
                    return new Targets(List.of(), 1);
                }
                return new Targets(ops.stream().map(s -> new String[] {s, PathNames.join(dir.get(), PathNames.basename(s))}).toList(), -1);
            }
            if (ops.size() == 1) {
                cmd.usageError(inv, "missing destination file operand after " + Quoting.always(ops.get(0)));
                return null;
            }
            String last = ops.get(ops.size() - 1);
            if (inv.has("T")) {
                if (ops.size() > 2) {
                    cmd.usageError(inv, "extra operand " + Quoting.always(ops.get(2)));
                    return null;
                }
                return new Targets(List.<String[]>of(new String[] {ops.get(0), last}), -1);
            }
            boolean isDir = SysFiles.stat(inv.ctx(), last).map(FileStat::isDirectory).orElse(false);
            if (!isDir) {
                if (ops.size() > 2) {
                    inv.error("target " + Quoting.always(last) + (SysFiles.stat(inv.ctx(), last).isPresent() ? ": Not a directory" : ": No such file or directory"));
                    return new Targets(List.of(), 1);
                }
                return new Targets(List.<String[]>of(new String[] {ops.get(0), last}), -1);
            }
            return new Targets(ops.subList(0, ops.size() - 1).stream()
                    .map(s -> new String[] {s, PathNames.join(last, PathNames.basename(s))}).toList(), -1);
        }
    }

    static boolean copy(Invocation inv, Policy p, String src, String dst, boolean top) {
        return copy(inv, p, src, dst, top, Optional.empty());
    }

    /** {@code skip}: the directory a copy-into-itself made, which the walk must not enter. */
    private static boolean copy(Invocation inv, Policy p, String src, String dst, boolean top, Optional<FileStat> skip) {
        var ctx = inv.ctx();
        FileStat st;
        try {
            st = p.deref ? ctx.stat(src) : ctx.lstat(src);
        } catch (AgentOsException e) {
            fail(inv, "cannot stat", src, e);
            return false;
        }
        Optional<FileStat> existing = SysFiles.stat(ctx, dst).or(() -> SysFiles.lstat(ctx, dst));
        if (existing.isEmpty()) {
            try {
                ctx.lstat(dst);
            } catch (AgentOsException e) {
                if (!e.is(dev.agentos.kernel.Errno.ENOENT)) {
                    fail(inv, "cannot stat", dst, e);
                    return false;
                }
            }
        }
        if (p.link == 'c' && existing.isPresent() && existing.get().ino() == st.ino() && existing.get().dev() == st.dev()) {
            inv.error(Quoting.always(src) + " and " + Quoting.always(dst) + " are the same file");
            return false;
        }
        if (st.isDirectory()) {
            if (!p.recursive) {
                inv.error("-r not specified; omitting directory " + Quoting.always(src));
                return false;
            }
            boolean intoItself = false;
            if (top) {
                String s = Canonical.resolve(ctx, src, Canonical.Mode.MISSING), d = Canonical.resolve(ctx, dst, Canonical.Mode.MISSING);
                intoItself = d.startsWith(s + "/") || d.equals(s);
            }
            boolean created = false;
            if (existing.isPresent()) {
                if (!existing.get().isDirectory()) {
                    inv.error("cannot overwrite non-directory " + Quoting.always(dst) + " with directory " + Quoting.always(src));
                    return false;
                }
            } else {
                try {
                    ctx.mkdir(dst, st.mode() | 0700);
                    created = true;
                } catch (AgentOsException e) {
                    fail(inv, "cannot create directory", dst, e);
                    return false;
                }
                if (p.verbose) inv.print(Quoting.always(src) + " -> " + Quoting.always(dst) + "\n");
            }
            boolean ok = true;
            Optional<FileStat> made = intoItself ? SysFiles.stat(ctx, dst) : skip;
            try {
                // GNU reads a directory in inode order (savedir's SAVEDIR_SORT_FASTREAD)
                List<DirEntry> entries = new java.util.ArrayList<>(ctx.readdir(src));
                entries.sort(java.util.Comparator.comparingLong(DirEntry::ino));
                for (DirEntry e : entries) {
                    if (e.name().equals(".") || e.name().equals("..")) continue;
                    // a copy into itself stops at the directory it made, as GNU's copy_dir does
                    if (made.isPresent() && SysFiles.lstat(ctx, PathNames.join(src, e.name()))
                            .map(x -> x.ino() == made.get().ino() && x.dev() == made.get().dev()).orElse(false)) break;
                    ok &= copy(inv, p, PathNames.join(src, e.name()), PathNames.join(dst, e.name()), false, made);
                }
            } catch (AgentOsException e) {
                fail(inv, "cannot access", src, e);
                return false;
            }
            try {
                if (p.preserve) attributes(inv, st, dst);
                else if (created) ctx.chmod(dst, st.mode() & ~ctx.umask());
            } catch (AgentOsException e) {
                fail(inv, "preserving permissions for", dst, e);
                return false;
            }
            if (intoItself) {
                inv.error("cannot copy a directory, " + Quoting.always(src) + ", into itself, " + Quoting.always(dst));
                return false;
            }
            return ok;
        }
        if (existing.isPresent() && existing.get().isSymlink() && !st.isSymlink() && !p.force
                && SysFiles.stat(ctx, dst).isEmpty()) {
            inv.error("not writing through dangling symlink " + Quoting.always(dst));
            return false;
        }
        if (existing.isPresent()) {
            if (p.clobber == 'n') return true;
            if (p.update && !existing.get().isDirectory() && existing.get().mtimeNanos() >= st.mtimeNanos()) return true;
            if (p.clobber == 'i' && !ask(inv, p.who + ": overwrite " + Quoting.always(dst) + "? ")) return true;
            if (existing.get().isDirectory()) {
                inv.error("cannot overwrite directory " + Quoting.always(dst) + " with non-directory");
                return false;
            }
        }
        String backup = null;
        if (existing.isPresent() && p.backups.enabled()) {
            try {
                backup = p.backups.backUp(ctx, dst);
                existing = Optional.empty();
            } catch (AgentOsException e) {
                fail(inv, "cannot backup", dst, e);
                return false;
            }
        }
        try {
            if (p.link != 'c') {
                if (existing.isPresent() && (p.force || p.clobber == 'i')) ctx.unlink(dst);
                if (p.link == 's') ctx.symlink(src, dst);
                else ctx.link(src, dst);
            } else if (st.isSymlink()) {
                if (existing.isPresent()) ctx.unlink(dst);
                ctx.symlink(ctx.readlink(src), dst);
            } else if (st.type() == dev.agentos.kernel.vfs.FileType.FIFO) {
                if (existing.isPresent()) ctx.unlink(dst);
                ctx.mkfifo(dst, st.mode());
            } else {
                try {
                    SysFiles.copyContent(ctx, src, dst, st.mode());
                } catch (AgentOsException e) {
                    if (!p.force || existing.isEmpty() || !ctx.access(PathNames.dirname(dst), 2)) throw e;
                    ctx.unlink(dst);
                    SysFiles.copyContent(ctx, src, dst, st.mode());
                }
            }
        } catch (AgentOsException e) {
            String verb = st.isSymlink() || p.link == 's' ? "cannot create symbolic link" : p.link == 'l' ? "cannot create hard link" : "cannot create regular file";
            if (p.link != 'c') inv.error(verb + " " + Quoting.always(dst) + " to " + Quoting.always(src) + ": " + SysFiles.reason(e));
            else if (e.path().map(x -> x.equals(src)).orElse(false)) inv.error("cannot open " + Quoting.always(src) + " for reading: " + SysFiles.reason(e));
            else fail(inv, verb, dst, e);
            return false;
        }
        if (p.verbose) {
            inv.print(Quoting.always(src) + " -> " + Quoting.always(dst) + (backup == null ? "" : " (backup: " + Quoting.always(backup) + ")") + "\n");
        }
        if (p.preserve && !st.isSymlink()) {
            try {
                attributes(inv, st, dst);
            } catch (AgentOsException e) {
                fail(inv, "preserving times for", dst, e);
                return false;
            }
        }
        return true;
    }

    private static void attributes(Invocation inv, FileStat st, String dst) {
        try {
            inv.ctx().chown(dst, st.uid(), st.gid(), true);
        } catch (AgentOsException ignored) {
            // like GNU, ownership is kept only when allowed
        }
        inv.ctx().chmod(dst, st.mode());
        inv.ctx().utimes(dst, st.atimeNanos(), st.mtimeNanos(), true);
    }
}
