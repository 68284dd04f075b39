package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.commands.files.VmMounts.Mount;
import dev.agentos.kernel.vfs.FileSystemBackend.FsUsage;
import java.util.ArrayList;
import java.util.List;

/** df: space on the VM's mounts (from /proc/mounts and statfs), for operands or every real mount; -h, -i, -a, -T. */
final class Df extends FileCommand {
    private static final int[] MIN_WIDTHS = {14, 5, 5, 5, 4};

    Df() { super("df", "[OPTION]... [FILE]..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('h', "human-readable", "h").flag('k', null, "k").flag('a', "all", "a")
                .flag('P', "portability", "P").flag('T', "print-type", "T").flag('i', "inodes", "i");
    }


    @Override protected int execute(Invocation inv) {
        boolean human = inv.has("h"), inodes = inv.has("i");
        List<Mount> mounts = VmMounts.read(inv.ctx());
        List<String[]> rows = new ArrayList<>();
        int status = 0;
        if (inv.operands().isEmpty()) {
            for (Mount m : mounts) {
                FsUsage u = usage(inv, m.target());
                if (u == null || (!inv.has("a") && u.totalBytes() == 0)) continue;
                rows.add(row(m, u, human, inodes));
            }
        } else {
            for (String op : inv.operands()) {
                FsUsage u;
                String real;
                try {
                    real = inv.ctx().realpath(op);
                    u = inv.ctx().statfs(op);
                } catch (AgentOsException e) {
                    inv.error(Quoting.ifNeeded(op) + ": " + SysFiles.reason(e));
                    status = 1;
                    continue;
                }
                rows.add(row(VmMounts.holding(mounts, real), u, human, inodes));
            }
        }
        if (rows.isEmpty()) return status;
        boolean type = inv.has("T");
        String[] header = inodes ? new String[] {"Filesystem", "Inodes", "IUsed", "IFree", "IUse%", "Mounted on"}
                : inv.has("P") && !human ? new String[] {"Filesystem", "1024-blocks", "Used", "Available", "Capacity", "Mounted on"}
                : new String[] {"Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"};
        rows.add(0, header);
        int[] w = MIN_WIDTHS.clone();
        int typeW = 4;
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) w[i] = Math.max(w[i], r[i].length());
            if (r.length > 6) typeW = Math.max(typeW, r[6].length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(Ls.pad(r[0], w[0], false));
            if (type) sb.append(' ').append(Ls.pad(r == header ? "Type" : r[6], typeW, false));
            for (int i = 1; i < 5; i++) sb.append(' ').append(Ls.pad(r[i], w[i], true));
            sb.append(' ').append(r[5]).append('\n');
        }
        inv.print(sb.toString());
        return status;
    }

    private static FsUsage usage(Invocation inv, String path) {
        try {
            return inv.ctx().statfs(path);
        } catch (AgentOsException e) {
            return null;
        }
    }

    private static String[] row(Mount m, FsUsage u, boolean human, boolean inodes) {
        long total = inodes ? u.totalInodes() : u.totalBytes(), used = inodes ? u.usedInodes() : u.usedBytes();
        boolean unlimited = total == Long.MAX_VALUE;
        String size = unlimited ? "-" : amount(total, human, inodes);
        String avail = unlimited ? "-" : amount(Math.max(0, total - used), human, inodes);
        String pct = unlimited || total == 0 ? "-" : ((used * 100 + total - 1) / total) + "%";
        return new String[] {m.source(), size, amount(used, human, inodes), avail, pct, m.target(), m.type()};
    }

    private static String amount(long n, boolean human, boolean inodes) {
        if (inodes) return Long.toString(n);
        return human ? HumanSize.human(n) : Long.toString((n + 1023) / 1024);
    }
}
