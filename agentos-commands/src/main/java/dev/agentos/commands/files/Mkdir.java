package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import java.util.List;
import java.util.Optional;

/** mkdir: makes directories, with -p parents, -m mode and -v. */
final class Mkdir extends FileCommand {
    Mkdir() { super("mkdir", "[OPTION]... DIRECTORY..."); }

    @Override protected Getopt options() {
        return Getopt.create().withArg('m', "mode", "m").flag('p', "parents", "p").flag('v', "verbose", "v");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        int umask = inv.ctx().umask();
        Integer mode = null;
        Optional<String> m = inv.options().last("m");
        if (m.isPresent()) {
            Optional<Modes.Spec> spec = Modes.compile(m.get());
            if (spec.isEmpty()) {
                inv.error("invalid mode " + Quoting.always(m.get()));
                return 1;
            }
            mode = spec.get().apply(0777, true, umask);
        }
        int status = 0;
        for (String dir : inv.operands()) {
            try {
                if (inv.has("p")) makeParents(inv, dir, umask);
                if (inv.has("p") && SysFiles.stat(inv.ctx(), dir).map(s -> s.isDirectory()).orElse(false)) {
                    if (mode != null) inv.ctx().chmod(dir, mode);
                    continue;
                }
                inv.ctx().mkdir(dir, mode == null ? 0777 : mode);
                if (mode != null && (mode & ~0777 | (mode & umask)) != 0) inv.ctx().chmod(dir, mode);
                if (inv.has("v")) inv.print("mkdir: created directory " + Quoting.always(dir) + "\n");
            } catch (AgentOsException e) {
                fail(inv, "cannot create directory", dir, e);
                status = 1;
            } catch (ParentFailure e) {
                fail(inv, "cannot create directory", e.path, e.cause);
                status = 1;
            }
        }
        return status;
    }

    /** An ancestor that -p could not make: GNU names it rather than the operand. */
    private static final class ParentFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String path;
        final transient AgentOsException cause;

        ParentFailure(String path, AgentOsException cause) {
            super(path, null, false, false);
            this.path = path;
            this.cause = cause;
        }
    }

    /** Creates each missing ancestor of {@code dir}, u+wx so the next level can be made. */
    private static void makeParents(Invocation inv, String dir, int umask) {
        List<String> parts = PathNames.split(dir);
        StringBuilder cur = new StringBuilder(dir.startsWith("/") ? "/" : "");
        for (int i = 0; i < parts.size() - 1; i++) {
            cur.append(parts.get(i));
            String p = cur.toString();
            cur.append('/');
            if (parts.get(i).equals(".") || parts.get(i).equals("..")) continue;
            try {
                inv.ctx().mkdir(p, 0777);
                int wanted = (0777 & ~umask) | 0300;
                if ((0777 & ~umask) != wanted) inv.ctx().chmod(p, wanted);
                if (inv.has("v")) inv.print("mkdir: created directory " + Quoting.always(p) + "\n");
            } catch (AgentOsException e) {
                if (!e.is(Errno.EEXIST)) throw new ParentFailure(p, e);
                if (!inv.ctx().stat(p).isDirectory()) throw new ParentFailure(p, AgentOsException.errno(Errno.ENOTDIR, "mkdir", p));
            }
        }
    }
}
