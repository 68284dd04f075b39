package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.system.DateInput;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.Optional;

/** touch: updates timestamps, creating files unless -c. */
final class Touch extends FileCommand {
    Touch() { super("touch", "[OPTION]... FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('a', null, "a").flag('m', null, "m").flag('c', "no-create", "c")
                .withArg('d', "date", "d").withArg('t', null, "t").withArg('r', "reference", "r")
                .flag('h', "no-dereference", "h").flag('f', null, "f").withArg((char) 0, "time", "time");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing file operand");
        boolean onlyA = inv.has("a"), onlyM = inv.has("m");
        for (String t : inv.options().all("time")) {
            switch (t) {
                case "atime", "access", "use" -> onlyA = true;
                case "mtime", "modify" -> onlyM = true;
                default -> {
                    inv.error("invalid argument " + Quoting.always(t) + " for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'");
                    dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'touch --help' for more information.\n");
                    return 1;
                }
            }
        }
        if (!onlyA && !onlyM) onlyA = onlyM = true;
        long atime = Long.MAX_VALUE, mtime = Long.MAX_VALUE;
        Optional<String> ref = inv.options().last("r");
        if (ref.isPresent()) {
            try {
                FileStat st = inv.ctx().stat(ref.get());
                atime = st.atimeNanos();
                mtime = st.mtimeNanos();
            } catch (AgentOsException e) {
                fail(inv, "failed to get attributes of", ref.get(), e);
                return 1;
            }
        }
        String zone = inv.ctx().getenv("TZ").orElse("UTC");
        Optional<String> d = inv.options().last("d");
        if (d.isPresent()) {
            long base = ref.isPresent() ? mtime : inv.ctx().clock().instant().toEpochMilli() * 1_000_000;
            Optional<Long> t = DateInput.epochNanos(d.get(), DateParsing.zone(zone), base);
            if (t.isEmpty()) {
                inv.error("invalid date format " + Quoting.always(d.get()));
                return 1;
            }
            atime = mtime = t.get();
        }
        Optional<String> stamp = inv.options().last("t");
        if (stamp.isPresent()) {
            Optional<Long> t = DateParsing.touchStamp(stamp.get(), zone, inv.ctx().clock().instant());
            if (t.isEmpty()) {
                inv.error("invalid date format " + Quoting.always(stamp.get()));
                return 1;
            }
            atime = mtime = t.get();
        }
        if (!onlyA) atime = Long.MIN_VALUE;
        if (!onlyM) mtime = Long.MIN_VALUE;
        int status = 0;
        for (String f : inv.operands()) {
            try {
                if (!inv.has("c") && !inv.has("h") && !f.equals("-")) {
                    try {
                        int fd = inv.ctx().open(f, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_NONBLOCK | OpenFlags.O_NOCTTY, 0666);
                        inv.ctx().close(fd);
                    } catch (AgentOsException e) {
                        if (!e.is(Errno.EISDIR) && !e.is(Errno.EACCES) && !e.is(Errno.EPERM)) throw e;
                    }
                }
                if (f.equals("-")) continue;
                inv.ctx().utimes(f, atime, mtime, !inv.has("h"));
            } catch (AgentOsException e) {
                if (inv.has("c") && e.is(Errno.ENOENT)) continue;
                fail(inv, inv.has("c") || e.is(Errno.EACCES) ? "setting times of" : "cannot touch", f, e);
                status = 1;
            }
        }
        return status;
    }
}
