package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.OpenFlags;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Set;

/** dd: block copies with if= of= bs= ibs= obs= count= skip= seek= conv= status=, and GNU's statistics. */
final class Dd extends FileCommand {
    Dd() { super("dd", "[OPERAND]..."); }

    @Override protected Getopt options() { return Getopt.create().noPermute(); }

    @Override protected int execute(Invocation inv) throws java.io.IOException {
        String in = null, out = null, status = "default";
        long ibs = 512, obs = 512, count = -1, skip = 0, seek = 0;
        boolean bs = false;
        Set<String> conv = new HashSet<>();
        for (String op : inv.operands()) {
            int eq = op.indexOf('=');
            if (eq < 0) return usageError(inv, "unrecognized operand " + Quoting.always(op));
            String k = op.substring(0, eq), v = op.substring(eq + 1);
            switch (k) {
                case "if" -> in = v;
                case "of" -> out = v;
                case "status" -> {
                    if (!Set.of("none", "noxfer", "progress", "default").contains(v)) {
                        inv.error("invalid status level: " + Quoting.always(v));
                        dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'dd --help' for more information.\n");
                        return 1;
                    }
                    status = v;
                }
                case "conv" -> {
                    for (String c : v.split(",")) {
                        if (!Set.of("notrunc", "sync", "ucase", "lcase", "noerror", "fsync", "fdatasync", "excl", "nocreat").contains(c)) {
                            inv.error("invalid conversion: " + Quoting.always(c));
                            dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'dd --help' for more information.\n");
                            return 1;
                        }
                        conv.add(c);
                    }
                }
                case "bs", "ibs", "obs", "count", "skip", "seek", "iseek", "oseek" -> {
                    long n = HumanSize.parse(v, true);
                    if (n < 0 || (n == 0 && k.endsWith("bs"))) {
                        inv.error("invalid number: " + Quoting.always(v));
                        return 1;
                    }
                    switch (k) {
                        case "bs" -> { ibs = obs = n; bs = true; }
                        case "ibs" -> ibs = n;
                        case "obs" -> obs = n;
                        case "count" -> count = n;
                        case "skip", "iseek" -> skip = n;
                        default -> seek = n;
                    }
                }
                default -> { return usageError(inv, "unrecognized operand " + Quoting.always(op)); }
            }
        }
        if (bs) obs = ibs;
        var ctx = inv.ctx();
        long start = System.nanoTime();
        int ifd = 0, ofd = 1;
        try {
            if (in != null) ifd = ctx.open(in, OpenFlags.O_RDONLY, 0);
        } catch (AgentOsException e) {
            inv.error("failed to open " + Quoting.always(in) + ": " + SysFiles.reason(e));
            return 1;
        }
        try {
            if (out != null) {
                int flags = OpenFlags.O_WRONLY | (conv.contains("nocreat") ? 0 : OpenFlags.O_CREAT) | (conv.contains("excl") ? OpenFlags.O_EXCL : 0);
                if (seek == 0 && !conv.contains("notrunc")) flags |= OpenFlags.O_TRUNC;
                ofd = ctx.open(out, flags, 0666);
                if (seek > 0 && !conv.contains("notrunc")) ctx.ftruncate(ofd, seek * obs);
            }
        } catch (AgentOsException e) {
            inv.error("failed to open " + Quoting.always(out) + ": " + SysFiles.reason(e));
            return 1;
        }
        long fullIn = 0, partIn = 0, fullOut = 0, partOut = 0, bytes = 0;
        int rc = 0;
        try {
            if (skip > 0) {
                try {
                    ctx.seek(ifd, skip * ibs, 1);
                } catch (AgentOsException e) {
                    byte[] junk = new byte[(int) Math.min(ibs, 1 << 20)];
                    long left = skip * ibs;
                    while (left > 0) {
                        int n = ctx.read(ifd, junk, 0, (int) Math.min(junk.length, left));
                        if (n <= 0) break;
                        left -= n;
                    }
                }
            }
            if (seek > 0) ctx.seek(ofd, seek * obs, 0);
            byte[] buf = new byte[(int) ibs];
            byte[] pending = new byte[(int) Math.max(obs, 1)];
            int pend = 0;
            while (count < 0 || fullIn + partIn < count) {
                int n = 0;
                while (n < ibs) {
                    int r = ctx.read(ifd, buf, n, (int) ibs - n);
                    if (r <= 0) break;
                    n += r;
                    if (ifd == 0 || in == null) break;
                }
                if (n <= 0) break;
                if (n == ibs) fullIn++;
                else partIn++;
                if (conv.contains("sync") && n < ibs) {
                    java.util.Arrays.fill(buf, n, (int) ibs, (byte) 0);
                    n = (int) ibs;
                }
                for (int i = 0; i < n; i++) {
                    if (conv.contains("ucase")) buf[i] = (byte) Character.toUpperCase(buf[i]);
                    if (conv.contains("lcase")) buf[i] = (byte) Character.toLowerCase(buf[i]);
                }
                if (bs) {
                    ctx.write(ofd, buf, 0, n);
                    bytes += n;
                    if (n == obs) fullOut++;
                    else partOut++;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    pending[pend++] = buf[i];
                    if (pend == obs) {
                        ctx.write(ofd, pending, 0, pend);
                        bytes += pend;
                        fullOut++;
                        pend = 0;
                    }
                }
            }
            if (pend > 0) {
                ctx.write(ofd, pending, 0, pend);
                bytes += pend;
                partOut++;
            }
        } catch (AgentOsException e) {
            inv.error((in != null ? "error reading " + Quoting.always(in) : "error writing") + ": " + SysFiles.reason(e));
            rc = 1;
        } finally {
            if (in != null) ctx.close(ifd);
            if (out != null) ctx.close(ofd);
        }
        inv.out().flush();
        if (!status.equals("none")) {
            StringBuilder sb = new StringBuilder();
            sb.append(fullIn).append('+').append(partIn).append(" records in\n");
            sb.append(fullOut).append('+').append(partOut).append(" records out\n");
            if (!status.equals("noxfer")) {
                double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
                sb.append(bytes).append(" bytes");
                if (bytes >= 1000) {
                    sb.append(" (").append(si(bytes, 1000, "B"));
                    if (bytes >= 1024) sb.append(", ").append(si(bytes, 1024, "iB"));
                    sb.append(')');
                }
                sb.append(" copied, ").append(sig(secs, 6)).append(" s, ").append(rate(bytes / secs)).append("/s\n");
            }
            dev.agentos.commands.Gnu.print(ctx.stderr(), sb.toString());
        }
        return rc;
    }

    /** "3.0 kB", "2.9 KiB": rounded to nearest, one decimal below 10. */
    private static String si(double v, int base, String unit) {
        String prefixes = base == 1000 ? "kMGTPE" : "KMGTPE";
        int p = -1;
        while (v >= base && p < prefixes.length() - 1) {
            v /= base;
            p++;
        }
        String num = v < 10 ? String.format("%.1f", v) : String.format("%.0f", v);
        return num + " " + prefixes.charAt(p) + unit;
    }

    private static String rate(double v) {
        String prefixes = "kMGTPE";
        if (v < 1000) return sig(v, 3) + " B";
        int p = -1;
        while (v >= 1000 && p < prefixes.length() - 1) {
            v /= 1000;
            p++;
        }
        return sig(v, 3) + " " + prefixes.charAt(p) + "B";
    }

    private static String sig(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
