package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** du: disk usage in 1K blocks (or -h, -b); -s, -a, -c, -d. Hard links count once. */
final class Du extends FileCommand {
    Du() { super("du", "[OPTION]... [FILE]..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('s', "summarize", "s").flag('h', "human-readable", "h").flag('a', "all", "a")
                .flag('c', "total", "c").withArg('d', "max-depth", "d").flag('b', "bytes", "b")
                .flag('k', null, "k").flag((char) 0, "apparent-size", "apparent").flag('L', "dereference", "L");
    }

    private record Run(Invocation inv, boolean human, boolean bytes, boolean all, int maxDepth, Set<String> seen) {}

    @Override protected int execute(Invocation inv) {
        int depth = Integer.MAX_VALUE;
        if (inv.options().last("d").isPresent()) {
            String d = inv.options().last("d").get();
            try {
                depth = Integer.parseInt(d);
                if (depth < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                inv.error("invalid maximum depth " + Quoting.always(d));
                dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'du --help' for more information.\n");
                return 1;
            }
        }
        if (inv.has("s")) {
            if (inv.options().last("d").isPresent() && depth != 0) {
                inv.error("warning: summarizing conflicts with --max-depth=" + depth);
                dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'du --help' for more information.\n");
                return 1;
            }
            depth = 0;
        }
        if (inv.has("s") && inv.has("a")) return usageError(inv, "cannot both summarize and show all entries");
        Run run = new Run(inv, inv.has("h"), inv.has("b"), inv.has("a"), depth, new HashSet<>());
        List<String> ops = inv.operands().isEmpty() ? List.of(".") : inv.operands();
        long total = 0;
        boolean[] ok = {true};
        for (String op : ops) total += walk(run, op, 0, ok);
        if (inv.has("c")) inv.print(show(run, total) + "\ttotal\n");
        return ok[0] ? 0 : 1;
    }

    private static long walk(Run run, String path, int depth, boolean[] ok) {
        FileStat st;
        try {
            st = run.inv.has("L") || depth == 0 && false ? run.inv.ctx().stat(path) : run.inv.ctx().lstat(path);
        } catch (AgentOsException e) {
            fail(run.inv, "cannot access", path, e);
            ok[0] = false;
            return 0;
        }
        if (st.nlink() > 1 && !st.isDirectory() && !run.seen.add(st.dev() + ":" + st.ino())) return 0;
        long size = run.bytes || run.inv.has("apparent") ? st.size() : st.blocks() * 512;
        if (st.isDirectory()) {
            try {
                for (DirEntry e : run.inv.ctx().readdir(path)) {
                    if (e.name().equals(".") || e.name().equals("..")) continue;
                    size += walk(run, PathNames.join(path, e.name()), depth + 1, ok);
                }
            } catch (AgentOsException e) {
                fail(run.inv, "cannot read directory", path, e);
                ok[0] = false;
            }
        }
        if (depth <= run.maxDepth && (st.isDirectory() || run.all || depth == 0)) run.inv.print(show(run, size) + "\t" + path + "\n");
        return size;
    }

    private static String show(Run run, long bytes) {
        if (run.human) return HumanSize.human(bytes);
        if (run.bytes) return Long.toString(bytes);
        return Long.toString((bytes + 1023) / 1024);
    }
}
