package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;
import java.util.Optional;

/** ln: hard and symbolic links (-s), forced (-f), relative (-r), -n, -T, -t and -v. */
final class Ln extends FileCommand {
    Ln() { super("ln", "[OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('s', "symbolic", "s").flag('f', "force", "f").flag('n', "no-dereference", "n")
                .flag('r', "relative", "r").flag('T', "no-target-directory", "T").flag('v', "verbose", "v")
                .withArg('t', "target-directory", "t").flag('i', "interactive", "i").flag('L', "logical", "L")
                .flag('P', "physical", "P");
    }

    @Override protected int execute(Invocation inv) {
        List<String> ops = inv.operands();
        Optional<String> targetDir = inv.options().last("t");
        boolean noTarget = inv.has("T");
        if (ops.isEmpty()) return usageError(inv, "missing file operand");
        if (targetDir.isPresent() && noTarget) return usageError(inv, "cannot combine --target-directory and --no-target-directory");
        if (inv.has("r") && !inv.has("s")) {
            inv.error("cannot do --relative without --symbolic");
            return 1;
        }
        String dir;
        List<String> sources;
        if (targetDir.isPresent()) {
            dir = targetDir.get();
            sources = ops;
        } else if (noTarget) {
            if (ops.size() < 2) return usageError(inv, "missing destination file operand after " + Quoting.always(ops.get(0)));
            if (ops.size() > 2) return usageError(inv, "extra operand " + Quoting.always(ops.get(2)));
            return link(inv, ops.get(0), ops.get(1)) ? 0 : 1;
        } else if (ops.size() == 1) {
            dir = ".";
            sources = ops;
        } else {
            String last = ops.get(ops.size() - 1);
            boolean isDir = (inv.has("n") ? SysFiles.lstat(inv.ctx(), last) : SysFiles.stat(inv.ctx(), last)).map(FileStat::isDirectory).orElse(false);
            if (!isDir) {
                if (ops.size() > 2) {
                    inv.error("target " + Quoting.always(last) + (SysFiles.stat(inv.ctx(), last).isPresent() ? ": Not a directory" : ": No such file or directory"));
                    return 1;
                }
                return link(inv, ops.get(0), last) ? 0 : 1;
            }
            dir = last;
            sources = ops.subList(0, ops.size() - 1);
        }
        boolean ok = true;
        for (String src : sources) ok &= link(inv, src, PathNames.join(dir, PathNames.basename(src)));
        return ok ? 0 : 1;
    }

    private static boolean link(Invocation inv, String src, String dst) {
        boolean symbolic = inv.has("s");
        String kind = symbolic ? "symbolic link" : "hard link";
        if (!symbolic) {
            try {
                FileStat st = inv.ctx().lstat(src);
                if (st.isDirectory()) {
                    inv.error(src + ": hard link not allowed for directory");
                    return false;
                }
            } catch (AgentOsException e) {
                fail(inv, "failed to access", src, e);
                return false;
            }
        }
        String target = src;
        if (symbolic && inv.has("r")) {
            String abs = Canonical.resolve(inv.ctx(), src, Canonical.Mode.MISSING);
            String base = Canonical.resolve(inv.ctx(), PathNames.dirname(dst), Canonical.Mode.MISSING);
            target = PathNames.relative(abs, base);
        }
        Optional<FileStat> existing = SysFiles.lstat(inv.ctx(), dst);
        if (existing.isPresent()) {
            if (inv.has("i") && !ask(inv, "ln: replace " + Quoting.always(dst) + "? ")) return true;
            if (inv.has("f") || inv.has("i")) {
                if (!symbolic) {
                    Optional<FileStat> s = SysFiles.stat(inv.ctx(), src);
                    FileStat d = existing.get();
                    if (s.isPresent() && s.get().ino() == d.ino() && s.get().dev() == d.dev()) {
                        inv.error(Quoting.always(src) + " and " + Quoting.always(dst) + " are the same file");
                        return false;
                    }
                }
                if (existing.get().isDirectory()) {
                    inv.error("cannot overwrite directory " + Quoting.always(dst));
                    return false;
                }
                try {
                    inv.ctx().unlink(dst);
                } catch (AgentOsException e) {
                    fail(inv, "cannot remove", dst, e);
                    return false;
                }
            }
        }
        try {
            if (symbolic) inv.ctx().symlink(target, dst);
            else inv.ctx().link(src, dst);
        } catch (AgentOsException e) {
            if (e.is(Errno.ENAMETOOLONG) || target.isEmpty()) {
                inv.error("failed to create " + kind + " " + Quoting.always(dst) + (symbolic ? " -> " : " => ")
                        + Quoting.always(target) + ": " + SysFiles.reason(e));
            } else {
                fail(inv, "failed to create " + kind, dst, e);
            }
            return false;
        }
        if (inv.has("v")) inv.print(Quoting.always(dst) + (symbolic ? " -> " : " => ") + Quoting.always(target) + "\n");
        return true;
    }
}
