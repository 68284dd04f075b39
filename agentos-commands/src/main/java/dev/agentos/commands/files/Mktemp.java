package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.OpenFlags;
import java.security.SecureRandom;

/** mktemp: a new unique file or directory (-d) from a template's trailing X's. */
final class Mktemp extends FileCommand {
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    Mktemp() { super("mktemp", "[OPTION]... [TEMPLATE]"); }

    @Override protected Getopt options() {
        return Getopt.create().flag('d', "directory", "d").flag('u', "dry-run", "u").flag('q', "quiet", "q")
                .withArg('p', null, "p").optionalArg((char) 0, "tmpdir", "p").flag('t', null, "t")
                .withArg((char) 0, "suffix", "suffix");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().size() > 1) return usageError(inv, "too many templates");
        boolean useDir = inv.has("p") || inv.has("t") || inv.operands().isEmpty();
        String template = inv.operands().isEmpty() ? "tmp.XXXXXXXXXX" : inv.operands().get(0);
        String suffix = inv.options().last("suffix").orElse(null);
        if (suffix == null) {
            int lastX = template.lastIndexOf('X');
            suffix = template.substring(lastX + 1);
            template = template.substring(0, lastX + 1);
        } else if (suffix.contains("/")) {
            inv.error("invalid suffix " + Quoting.always(suffix) + ", contains directory separator");
            return 1;
        }
        if (!suffix.isEmpty() && inv.options().last("suffix").isPresent() && !template.endsWith("X")) {
            inv.error("with --suffix, template " + Quoting.always(template) + " must end in X");
            return 1;
        }
        String full = template + suffix;
        if (inv.has("t")) {
            if (template.contains("/")) {
                inv.error("invalid template, " + Quoting.always(full) + ", contains directory separator");
                return 1;
            }
            String dir = inv.ctx().getenv("TMPDIR").filter(s -> !s.isEmpty())
                    .or(() -> inv.options().last("p").filter(s -> !s.isEmpty())).orElse("/tmp");
            template = PathNames.join(dir, template);
        } else if (useDir) {
            String dir = inv.options().last("p").filter(s -> !s.isEmpty())
                    .or(() -> inv.ctx().getenv("TMPDIR").filter(s -> !s.isEmpty())).orElse("/tmp");
            if (template.startsWith("/")) {
                inv.error("invalid template, " + Quoting.always(full) + "; with --tmpdir, it may not be absolute");
                return 1;
            }
            template = PathNames.join(dir, template);
        }
        full = template + suffix;
        int xs = 0;
        while (xs < template.length() && template.charAt(template.length() - 1 - xs) == 'X') xs++;
        if (xs < 3) {
            inv.error("too few X's in template " + Quoting.always(full));
            return 1;
        }
        String stem = template.substring(0, template.length() - xs);
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder(stem);
            for (int i = 0; i < xs; i++) name.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
            String path = name + suffix;
            try {
                if (inv.has("u")) {
                    if (SysFiles.lstat(inv.ctx(), path).isPresent()) continue;
                } else if (inv.has("d")) {
                    inv.ctx().mkdir(path, 0700);
                } else {
                    inv.ctx().close(inv.ctx().open(path, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600));
                }
                inv.print(path + "\n");
                return 0;
            } catch (AgentOsException e) {
                if (e.is(Errno.EEXIST)) continue;
                if (!inv.has("q")) {
                    inv.error("failed to create " + (inv.has("d") ? "directory" : "file") + " via template "
                            + Quoting.always(full) + ": " + SysFiles.reason(e));
                }
                return 1;
            }
        }
        return 1;
    }
}
