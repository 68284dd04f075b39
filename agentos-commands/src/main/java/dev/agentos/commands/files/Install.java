package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import java.util.List;
import java.util.Optional;

/** install: copies files with a mode (-m, default 0755), -d directories, -D leading directories, -v. */
final class Install extends FileCommand {
    Install() { super("install", "[OPTION]... [-T] SOURCE DEST\n  or:  install [OPTION]... SOURCE... DIRECTORY\n  or:  install [OPTION]... -t DIRECTORY SOURCE...\n  or:  install [OPTION]... -d DIRECTORY..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('d', "directory", "d").flag('D', null, "D").withArg('m', "mode", "m")
                .flag('v', "verbose", "v").withArg('t', "target-directory", "t").flag('T', "no-target-directory", "T")
                .flag('p', "preserve-timestamps", "p").flag('c', null, "c").flag('C', "compare", "C")
                .withArg('o', "owner", "o").withArg('g', "group", "g").flag('s', "strip", "s");
    }

    @Override protected int execute(Invocation inv) {
        int mode = 0755;
        Optional<String> m = inv.options().last("m");
        if (m.isPresent()) {
            Optional<Modes.Spec> spec = Modes.compile(m.get());
            if (spec.isEmpty()) {
                inv.error("invalid mode " + Quoting.always(m.get()));
                return 1;
            }
            mode = spec.get().apply(0, false, 0);
        }
        if (inv.has("d")) {
            if (inv.operands().isEmpty()) return usageError(inv, "missing file operand");
            boolean ok = true;
            for (String d : inv.operands()) {
                try {
                    makeDirs(inv, d, true);
                    inv.ctx().chmod(d, mode);
                } catch (AgentOsException e) {
                    fail(inv, "cannot create directory", d, e);
                    ok = false;
                }
            }
            return ok ? 0 : 1;
        }
        if (inv.has("D") && inv.operands().size() >= 2 && !inv.has("t")) {
            List<String> ops = inv.operands();
            String dst = ops.get(ops.size() - 1);
            String parent = ops.size() == 2 ? PathNames.dirname(dst) : dst;
            try {
                makeDirs(inv, parent, false);
            } catch (AgentOsException e) {
                fail(inv, "cannot create directory", parent, e);
                return 1;
            }
        }
        if (inv.has("D") && inv.has("t")) {
            try {
                makeDirs(inv, inv.options().last("t").get(), false);
            } catch (AgentOsException e) {
                fail(inv, "cannot create directory", inv.options().last("t").get(), e);
                return 1;
            }
        }
        Cp.Targets t = Cp.Targets.of(this, inv);
        if (t == null) return usageStatus();
        if (t.status() >= 0) return t.status();
        boolean ok = true;
        for (String[] pair : t.pairs()) ok &= install(inv, pair[0], pair[1], mode);
        return ok ? 0 : 1;
    }

    private static boolean install(Invocation inv, String src, String dst, int mode) {
        var ctx = inv.ctx();
        FileStat st;
        try {
            st = ctx.stat(src);
        } catch (AgentOsException e) {
            fail(inv, "cannot stat", src, e);
            return false;
        }
        if (st.isDirectory()) {
            inv.error("omitting directory " + Quoting.always(src));
            return false;
        }
        Optional<FileStat> existing = SysFiles.stat(ctx, dst);
        if (existing.isPresent() && existing.get().ino() == st.ino() && existing.get().dev() == st.dev()) {
            inv.error(Quoting.always(src) + " and " + Quoting.always(dst) + " are the same file");
            return false;
        }
        if (existing.isPresent() && existing.get().isDirectory()) {
            inv.error("cannot overwrite directory " + Quoting.always(dst) + " with non-directory");
            return false;
        }
        try {
            if (SysFiles.lstat(ctx, dst).isPresent()) {
                ctx.unlink(dst);
                if (inv.has("v")) inv.print("removed " + Quoting.always(dst) + "\n");
            }
        } catch (AgentOsException e) {
            fail(inv, "cannot remove", dst, e);
            return false;
        }
        try {
            SysFiles.copyContent(ctx, src, dst, 0600);
        } catch (AgentOsException e) {
            if (e.path().map(src::equals).orElse(false)) inv.error("cannot open " + Quoting.always(src) + " for reading: " + SysFiles.reason(e));
            else fail(inv, "cannot create regular file", dst, e);
            return false;
        }
        try {
            if (inv.has("p")) ctx.utimes(dst, st.atimeNanos(), st.mtimeNanos(), true);
            ctx.chmod(dst, mode);
        } catch (AgentOsException e) {
            fail(inv, "cannot change permissions of", dst, e);
            return false;
        }
        if (inv.has("v")) inv.print(Quoting.always(src) + " -> " + Quoting.always(dst) + "\n");
        return true;
    }

    /** mkdir -p, telling each directory made under -v. */
    private static void makeDirs(Invocation inv, String dir, boolean lastToo) {
        List<String> parts = PathNames.split(dir);
        StringBuilder cur = new StringBuilder(dir.startsWith("/") ? "/" : "");
        for (int i = 0; i < parts.size(); i++) {
            cur.append(parts.get(i));
            String p = cur.toString();
            cur.append('/');
            try {
                inv.ctx().mkdir(p, 0755);
                if (inv.has("v")) inv.print("install: creating directory " + Quoting.always(p) + "\n");
            } catch (AgentOsException e) {
                if (!e.is(Errno.EEXIST)) throw e;
                if (!inv.ctx().stat(p).isDirectory()) throw AgentOsException.errno(Errno.EEXIST, "mkdir", p);
            }
        }
    }
}
