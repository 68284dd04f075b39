package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import java.io.IOException;
import java.util.List;

/** gzip -l: compressed and uncompressed sizes (from the trailer), ratio and name, as gzip 1.12 prints them. */
final class GzipList {
    private final Invocation inv;

    GzipList(Invocation inv) {
        this.inv = inv;
    }

    int list(List<String> files) throws IOException {
        int status = 0;
        long totalC = 0, totalU = 0, lastOverhead = 0;
        int listed = 0;
        boolean header = false;
        for (String f : files) {
            byte[] data;
            try {
                data = f.equals("-") ? VmFiles.readAll(VmFiles.stdin(inv.ctx())) : VmFiles.readFile(inv.ctx(), f);
            } catch (AgentOsException e) {
                inv.error(f + ": " + e.errno().map(Errno::strerror).orElse(e.getMessage()));
                status = 1;
                continue;
            }
            if (!Codec.GZIP.matches(data) || data.length < 18) {
                inv.out().flush();
                dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "\ngzip: " + f + ": not in gzip format\n");
                status = 1;
                continue;
            }
            long u = (data[data.length - 4] & 0xffL) | (data[data.length - 3] & 0xffL) << 8
                    | (data[data.length - 2] & 0xffL) << 16 | (data[data.length - 1] & 0xffL) << 24;
            long c = data.length;
            long overhead = overhead(data);
            if (!header) {
                inv.print("         compressed        uncompressed  ratio uncompressed_name\n");
                header = true;
            }
            String name = f.equals("-") ? "stdout" : stripped(f);
            inv.print(String.format("%19d %19d %s %s%n", c, u, ratio(u, c - overhead), name));
            totalC += c;
            totalU += u;
            lastOverhead = overhead;
            listed++;
        }
        if (files.size() > 1 && listed > 0) {
            inv.print(String.format("%19d %19d %s (totals)%n", totalC, totalU, ratio(totalU, totalC - lastOverhead)));
        }
        return status;
    }

    private static String stripped(String f) {
        String s = Codec.GZIP.strip(f);
        return s == null ? f : s;
    }

    /** Header and trailer bytes of a gzip member: 10 + name + 8 (what gzip subtracts for the ratio). */
    static long overhead(byte[] gz) {
        long n = 10 + 8;
        if (gz.length > 3 && (gz[3] & 0x08) != 0) {
            int i = 10;
            while (i < gz.length && gz[i] != 0) i++;
            n += i - 10 + 1;
        }
        return n;
    }

    /** gzip 1.12's display_ratio: a percentage with one decimal in five columns. */
    static String ratio(long plain, long packed) {
        double r = plain == 0 ? 0 : 100.0 * (plain - packed) / plain;
        return String.format(java.util.Locale.ROOT, "%5.1f%%", r);
    }
}
