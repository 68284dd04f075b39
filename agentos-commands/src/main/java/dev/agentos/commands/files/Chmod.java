package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** chmod: octal and symbolic modes, -R, -v, -c, -f. Mode operands like "-w" are taken out before getopt. */
final class Chmod implements Program {
    @Override public int run(ProcessContext ctx) throws Exception {
        List<String> argv = ctx.argv();
        List<String> rest = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        boolean operands = false;
        for (String a : argv.subList(1, argv.size())) {
            if (!operands && a.equals("--")) operands = true;
            if (!operands && a.length() > 1 && a.charAt(0) == '-' && "rwxXstugoa,+=01234567".indexOf(a.charAt(1)) >= 0) modes.add(a);
            else rest.add(a);
        }
        return new Command(modes.isEmpty() ? null : String.join(",", modes)).run(ctx, rest);
    }

    private static final class Command extends FileCommand {
        private final String dashMode;

        Command(String dashMode) {
            super("chmod", "[OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...");
            this.dashMode = dashMode;
        }

        @Override protected Getopt options() {
            return Getopt.create().flag('R', "recursive", "R").flag('v', "verbose", "v").flag('c', "changes", "c")
                    .flag('f', "silent", "f").flag((char) 0, "quiet", "f").withArg((char) 0, "reference", "reference")
                    .flag((char) 0, "preserve-root", "preserve-root").flag((char) 0, "no-preserve-root", "npr");
        }

        @Override protected int execute(Invocation inv) {
            List<String> ops = new ArrayList<>(inv.operands());
            Optional<String> ref = inv.options().last("reference");
            String mode = dashMode;
            Integer refMode = null;
            if (ref.isPresent()) {
                try {
                    refMode = inv.ctx().stat(ref.get()).mode();
                } catch (AgentOsException e) {
                    FileCommand.fail(inv, "failed to get attributes of", ref.get(), e);
                    return 1;
                }
            } else if (mode == null) {
                if (ops.isEmpty()) return usageError(inv, "missing operand");
                mode = ops.remove(0);
            }
            if (ops.isEmpty()) {
                return usageError(inv, mode == null || dashMode != null ? "missing operand" : "missing operand after " + Quoting.always(mode));
            }
            Modes.Spec spec = null;
            if (refMode == null) {
                Optional<Modes.Spec> s = Modes.compile(mode);
                if (s.isEmpty()) {
                    inv.error("invalid mode: " + Quoting.always(mode));
                    dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'chmod --help' for more information.\n");
                    return 1;
                }
                spec = s.get();
            }
            boolean ok = true;
            for (String f : ops) ok &= change(inv, f, spec, refMode, true);
            return ok ? 0 : 1;
        }

        private boolean change(Invocation inv, String f, Modes.Spec spec, Integer refMode, boolean top) {
            FileStat st;
            try {
                st = top ? inv.ctx().stat(f) : inv.ctx().lstat(f);
            } catch (AgentOsException e) {
                boolean dangling = top && SysFiles.lstat(inv.ctx(), f).map(FileStat::isSymlink).orElse(false);
                if (!inv.has("f")) {
                    if (dangling) inv.error("cannot operate on dangling symlink " + Quoting.always(f));
                    else FileCommand.fail(inv, "cannot access", f, e);
                }
                if (inv.has("v")) inv.print(Quoting.always(f) + " could not be accessed\n");
                return false;
            }
            if (st.isSymlink()) return true;
            int umask = inv.ctx().umask();
            int old = st.mode();
            int now = refMode != null ? refMode : spec.apply(old, st.isDirectory(), umask);
            boolean ok = true;
            try {
                if (now != old) inv.ctx().chmod(f, now);
                if (inv.has("v") || (inv.has("c") && now != old)) {
                    if (now != old) {
                        inv.print("mode of " + Quoting.always(f) + " changed from " + show(st, old) + " to " + show(st, now) + "\n");
                    } else {
                        inv.print("mode of " + Quoting.always(f) + " retained as " + show(st, old) + "\n");
                    }
                }
                if (spec != null) {
                    int naive = spec.apply(old, st.isDirectory(), 0);
                    if (naive != now) {
                        inv.error(Quoting.ifNeeded(f) + ": new permissions are " + Modes.string(st.type(), now).substring(1)
                                + ", not " + Modes.string(st.type(), naive).substring(1));
                        ok = false;
                    }
                }
            } catch (AgentOsException e) {
                if (!inv.has("f")) FileCommand.fail(inv, "changing permissions of", f, e);
                return false;
            }
            if (inv.has("R") && st.isDirectory()) {
                try {
                    for (DirEntry e : inv.ctx().readdir(f)) {
                        if (e.name().equals(".") || e.name().equals("..")) continue;
                        ok &= change(inv, PathNames.join(f, e.name()), spec, refMode, false);
                    }
                } catch (AgentOsException e) {
                    if (!inv.has("f")) FileCommand.fail(inv, "cannot read directory", f, e);
                    return false;
                }
            }
            return ok;
        }

        private static String show(FileStat st, int mode) {
            return String.format("%04o (%s)", mode, Modes.string(st.type(), mode).substring(1));
        }
    }
}
