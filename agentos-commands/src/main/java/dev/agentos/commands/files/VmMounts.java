package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The VM's mount table as /proc/mounts lists it (df, stat -f). */
final class VmMounts {
    /** One line of /proc/mounts. */
    record Mount(String source, String target, String type) {}

    private VmMounts() {}

    static List<Mount> read(ProcessContext ctx) {
        List<Mount> out = new ArrayList<>();
        try {
            for (String line : new String(SysFiles.readAll(ctx, "/proc/mounts"), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                if (f.length >= 3) out.add(new Mount(f[0], f[1], f[2]));
            }
        } catch (AgentOsException e) {
            // no /proc: the root is all there is
        }
        if (out.isEmpty()) out.add(new Mount("agentos", "/", "overlay"));
        return out;
    }

    /** The mount holding a canonical path: the longest mount point that is a prefix of it. */
    static Mount holding(List<Mount> mounts, String path) {
        Mount best = mounts.get(0);
        int bestLen = -1;
        for (Mount m : mounts) {
            String t = m.target();
            boolean under = t.equals("/") || path.equals(t) || path.startsWith(t + "/");
            if (under && t.length() > bestLen) {
                best = m;
                bestLen = t.length();
            }
        }
        return best;
    }
}
