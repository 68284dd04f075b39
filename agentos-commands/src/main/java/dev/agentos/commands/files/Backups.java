package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.DirEntry;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backups cp, mv, ln and install make of a destination they replace ({@code -b}, {@code --backup[=CONTROL]},
 * {@code -S SUFFIX}), named as GNU's backupfile does: {@code name~} (simple), {@code name.~N~} (numbered),
 * or numbered only when numbered backups already exist (existing, the default). VERSION_CONTROL and
 * SIMPLE_BACKUP_SUFFIX supply the defaults.
 */
record Backups(Kind kind, String suffix) {
    enum Kind { NONE, SIMPLE, NUMBERED, EXISTING }

    static final Backups NONE = new Backups(Kind.NONE, "~");

    /** Adds -b, --backup[=CONTROL] and -S/--suffix to a command's options. */
    static Getopt options(Getopt g) {
        return g.flag('b', null, "b").optionalArg((char) 0, "backup", "backup").withArg('S', "suffix", "S");
    }

    /** The backups the options ask for; a bad CONTROL prints GNU's message and returns empty. */
    static Optional<Backups> of(FileCommand cmd, Invocation inv) {
        Optional<String> control = Optional.empty();
        boolean wanted = false;
        String suffix = inv.ctx().getenv("SIMPLE_BACKUP_SUFFIX").filter(s -> !s.isEmpty() && !s.contains("/")).orElse("~");
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "b" -> wanted = true;
                case "backup" -> {
                    wanted = true;
                    if (o.value().isPresent()) control = o.value();
                }
                case "S" -> {
                    wanted = true;
                    suffix = o.value().orElse("~");
                }
                default -> { }
            }
        }
        if (!wanted) return Optional.of(NONE);
        String word = control.or(() -> inv.ctx().getenv("VERSION_CONTROL").filter(s -> !s.isEmpty())).orElse("existing");
        Kind kind = switch (word) {
            case "none", "off" -> Kind.NONE;
            case "simple", "never" -> Kind.SIMPLE;
            case "existing", "nil" -> Kind.EXISTING;
            case "numbered", "t" -> Kind.NUMBERED;
            default -> null;
        };
        if (kind == null) {
            inv.error("invalid argument " + Quoting.always(word) + " for 'backup type'\nValid arguments are:\n"
                    + "  - 'none', 'off'\n  - 'simple', 'never'\n  - 'existing', 'nil'\n  - 'numbered', 't'");
            dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try '" + cmd.name() + " --help' for more information.\n");
            return Optional.empty();
        }
        return Optional.of(new Backups(kind, suffix));
    }

    boolean enabled() { return kind != Kind.NONE; }

    /** Renames {@code dst} to its backup name and returns that name. */
    String backUp(ProcessContext ctx, String dst) {
        String name = name(ctx, dst);
        ctx.rename(dst, name);
        return name;
    }

    private String name(ProcessContext ctx, String dst) {
        if (kind == Kind.SIMPLE) return dst + suffix;
        int highest = highestNumbered(ctx, dst);
        if (kind == Kind.EXISTING && highest == 0) return dst + suffix;
        return dst + ".~" + (highest + 1) + "~";
    }

    /** The largest N of the {@code base.~N~} files beside {@code dst}, 0 when there is none. */
    private static int highestNumbered(ProcessContext ctx, String dst) {
        String dir = PathNames.dirname(dst);
        Pattern numbered = Pattern.compile(Pattern.quote(PathNames.basename(dst)) + "\\.~([1-9][0-9]{0,8})~");
        int highest = 0;
        try {
            for (DirEntry e : ctx.readdir(dir)) {
                Matcher m = numbered.matcher(e.name());
                if (m.matches()) highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        } catch (AgentOsException e) {
            // an unreadable directory has no numbered backups we can see
        }
        return highest;
    }
}
