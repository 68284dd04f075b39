package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** tree: the classic drawing of a directory tree, with -a, -d and -L, and the closing count. */
final class Tree extends FileCommand {
    Tree() { super("tree", "[-adL] [--] [directory ...]"); }

    @Override protected String packageName() { return "tree"; }

    @Override protected Getopt options() {
        return Getopt.create().flag('a', null, "a").flag('d', null, "d").withArg('L', null, "L").withArg((char) 0, "charset", "charset");
    }

    private record Run(Invocation inv, boolean all, boolean dirsOnly, int max, long[] counts, String[] lines) {}

    /**
     * Branch, last branch, pipe and blank: Unicode in a UTF-8 locale (or --charset=utf-8), ASCII otherwise.
     * tree 2 pads its Unicode pipe with two no-break spaces.
     */
    private static final String[] UNICODE = {"├── ", "└── ", "│\u00a0\u00a0 ", "    "};
    private static final String[] ASCII = {"|-- ", "`-- ", "|   ", "    "};

    private static boolean utf8(Invocation inv) {
        Optional<String> cs = inv.options().last("charset");
        if (cs.isPresent()) return cs.get().toLowerCase().replace("-", "").equals("utf8");
        String loc = inv.ctx().getenv("LC_ALL").filter(v -> !v.isEmpty())
                .or(() -> inv.ctx().getenv("LC_CTYPE").filter(v -> !v.isEmpty()))
                .or(() -> inv.ctx().getenv("LANG")).orElse("C");
        String l = loc.toLowerCase();
        return l.contains("utf-8") || l.contains("utf8");
    }

    @Override protected int execute(Invocation inv) {
        int max = Integer.MAX_VALUE;
        Optional<String> l = inv.options().last("L");
        if (l.isPresent()) {
            try {
                max = Integer.parseInt(l.get());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1) {
                dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "tree: Invalid level, must be greater than 0.\n");
                return 1;
            }
        }
        Run run = new Run(inv, inv.has("a"), inv.has("d"), max, new long[2], utf8(inv) ? UNICODE : ASCII);
        List<String> ops = inv.operands().isEmpty() ? List.of(".") : inv.operands();
        int status = 0;
        for (String op : ops) {
            Optional<FileStat> st = SysFiles.stat(inv.ctx(), op);
            if (st.isEmpty() || !st.get().isDirectory()) {
                // tree 2 reports any operand it cannot open as a directory, and counts a file as a file
                inv.print(op + "  [error opening dir]\n");
                if (st.isEmpty()) status = 2;
                else run.counts[1]++;
                continue;
            }
            run.counts[0]++;
            inv.print(op + "\n");
            walk(run, op, "", 1);
        }
        long d = run.counts[0], f = run.counts[1];
        String dirs = d + (d == 1 ? " directory" : " directories");
        inv.print("\n" + (run.dirsOnly ? dirs : dirs + ", " + f + (f == 1 ? " file" : " files")) + "\n");
        return status;
    }

    private static void walk(Run run, String dir, String prefix, int level) {
        List<String> names = new ArrayList<>();
        try {
            for (DirEntry e : run.inv.ctx().readdir(dir)) {
                String n = e.name();
                if (n.equals(".") || n.equals("..")) continue;
                if (!run.all && n.startsWith(".")) continue;
                names.add(n);
            }
        } catch (AgentOsException e) {
            return;
        }
        List<String[]> shown = new ArrayList<>();
        for (String n : names) {
            String p = PathNames.join(dir, n);
            FileStat st = SysFiles.lstat(run.inv.ctx(), p).orElse(null);
            if (st == null) continue;
            boolean isDir = st.isDirectory() || st.isSymlink() && SysFiles.stat(run.inv.ctx(), p).map(FileStat::isDirectory).orElse(false);
            if (run.dirsOnly && !isDir) continue;
            shown.add(new String[] {n, p, isDir ? "d" : "f", st.isSymlink() ? "l" : ""});
        }
        shown.sort((a, b) -> Ls.compareBytes(a[0], b[0]));
        for (int i = 0; i < shown.size(); i++) {
            String[] e = shown.get(i);
            boolean last = i == shown.size() - 1;
            String label = e[0];
            if (e[3].equals("l")) {
                try {
                    label += " -> " + run.inv.ctx().readlink(e[1]);
                } catch (AgentOsException ignored) {
                    // shown bare
                }
            }
            run.inv.print(prefix + (last ? run.lines[1] : run.lines[0]) + label + "\n");
            if (e[2].equals("d")) {
                run.counts[0]++;
                if (e[3].isEmpty() && level < run.max) walk(run, e[1], prefix + (last ? run.lines[3] : run.lines[2]), level + 1);
            } else {
                run.counts[1]++;
            }
        }
    }
}
