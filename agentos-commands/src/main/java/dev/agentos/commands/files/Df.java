package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.FileSystemBackend.FsUsage;
import java.util.ArrayList;
import java.util.List;

/** df: space on the file systems holding each operand (or the root), from statfs; -h. */
final class Df extends FileCommand {
    Df() { super("df", "[OPTION]... [FILE]..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('h', "human-readable", "h").flag('k', null, "k").flag('a', "all", "a")
                .flag('P', "portability", "P").flag('T', "print-type", "T").flag('i', "inodes", "i");
    }

    @Override protected int execute(Invocation inv) {
        boolean human = inv.has("h"), inodes = inv.has("i");
        List<String[]> rows = new ArrayList<>();
        rows.add(inodes ? new String[] {"Filesystem", "Inodes", "IUsed", "IFree", "IUse%", "Mounted on"}
                : new String[] {"Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"});
        List<String> ops = inv.operands().isEmpty() ? List.of("/") : inv.operands();
        int status = 0;
        for (String op : ops) {
            FsUsage u;
            try {
                inv.ctx().stat(op);
                u = inv.ctx().statfs(op);
            } catch (AgentOsException e) {
                inv.error(Quoting.ifNeeded(op) + ": " + SysFiles.reason(e));
                status = 1;
                continue;
            }
            long total = inodes ? u.totalInodes() : u.totalBytes(), used = inodes ? u.usedInodes() : u.usedBytes();
            boolean unlimited = total == Long.MAX_VALUE;
            String size, usedS, avail, pct;
            if (unlimited) {
                size = "-";
                avail = "-";
                pct = "-";
            } else {
                size = amount(total, human, inodes);
                avail = amount(Math.max(0, total - used), human, inodes);
                pct = total == 0 ? "-" : ((used * 100 + total - 1) / total) + "%";
            }
            usedS = amount(used, human, inodes);
            rows.add(new String[] {"agentos", size, usedS, avail, pct, "/"});
        }
        if (rows.size() == 1) return status;
        int[] w = new int[6];
        for (String[] r : rows) for (int i = 0; i < 6; i++) w[i] = Math.max(w[i], r[i].length());
        w[0] = Math.max(w[0], 14);
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(Ls.pad(r[0], w[0], false));
            for (int i = 1; i < 5; i++) sb.append(' ').append(Ls.pad(r[i], w[i], true));
            sb.append(' ').append(r[5]).append('\n');
        }
        inv.print(sb.toString());
        return status;
    }

    private static String amount(long n, boolean human, boolean inodes) {
        if (inodes) return Long.toString(n);
        return human ? HumanSize.human(n) : Long.toString((n + 1023) / 1024);
    }
}
