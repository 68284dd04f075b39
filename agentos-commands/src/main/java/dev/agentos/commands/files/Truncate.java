package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.Optional;

/** truncate: sets file sizes, absolute or relative (+ - &lt; &gt; / %), with K/M/G suffixes. */
final class Truncate extends FileCommand {
    Truncate() { super("truncate", "OPTION... FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().withArg('s', "size", "s").flag('c', "no-create", "c").withArg('r', "reference", "r")
                .flag('o', "io-blocks", "o");
    }

    @Override protected int execute(Invocation inv) {
        Optional<String> size = inv.options().last("s");
        Optional<String> ref = inv.options().last("r");
        if (size.isEmpty() && ref.isEmpty()) return usageError(inv, "you must specify either '--size' or '--reference'");
        if (inv.operands().isEmpty()) return usageError(inv, "missing file operand");
        char op = 0;
        long n = 0;
        if (size.isPresent()) {
            String s = size.get();
            if (!s.isEmpty() && "+-<>/%".indexOf(s.charAt(0)) >= 0) {
                op = s.charAt(0);
                s = s.substring(1);
            }
            n = HumanSize.parse(s.strip(), false);
            if (n < 0) {
                inv.error("Invalid number: " + Quoting.always(size.get()));
                return 1;
            }
            if ((op == '/' || op == '%') && n == 0) {
                inv.error("division by zero");
                return 1;
            }
        }
        Long refSize = null;
        if (ref.isPresent()) {
            try {
                refSize = inv.ctx().stat(ref.get()).size();
            } catch (AgentOsException e) {
                fail(inv, "cannot stat", ref.get(), e);
                return 1;
            }
            if (size.isEmpty()) n = refSize;
            else if (op == 0) {
                inv.error("you must specify a relative '--size' with '--reference'");
                return 1;
            }
        }
        boolean ok = true;
        for (String f : inv.operands()) {
            int fd;
            try {
                fd = inv.ctx().open(f, OpenFlags.O_WRONLY | OpenFlags.O_NONBLOCK | (inv.has("c") ? 0 : OpenFlags.O_CREAT), 0666);
            } catch (AgentOsException e) {
                if (inv.has("c") && e.is(Errno.ENOENT)) continue;
                inv.error("cannot open " + Quoting.always(f) + " for writing: " + SysFiles.reason(e));
                ok = false;
                continue;
            }
            try {
                long cur = refSize != null ? refSize : inv.ctx().fstat(fd).size();
                long want = switch (op) {
                    case '+' -> cur + n;
                    case '-' -> Math.max(0, cur - n);
                    case '<' -> Math.min(cur, n);
                    case '>' -> Math.max(cur, n);
                    case '/' -> cur / n * n;
                    case '%' -> (cur + n - 1) / n * n;
                    default -> n;
                };
                inv.ctx().ftruncate(fd, want);
            } catch (AgentOsException e) {
                inv.error("failed to truncate " + Quoting.always(f) + " at " + n + " bytes: " + SysFiles.reason(e));
                ok = false;
            } finally {
                inv.ctx().close(fd);
            }
        }
        return ok ? 0 : 1;
    }
}
