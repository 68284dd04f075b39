package dev.agentos.commands.data;

import dev.agentos.kernel.proc.ProcessContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** uid and gid to names, from the VM's /etc/passwd and /etc/group when present (root and agentos otherwise). */
final class Owners {
    private final Map<Integer, String> users = new HashMap<>(Map.of(0, "root", 1000, "agentos"));
    private final Map<Integer, String> groups = new HashMap<>(Map.of(0, "root", 1000, "agentos"));

    Owners(ProcessContext ctx) {
        load(ctx, "/etc/passwd", users);
        load(ctx, "/etc/group", groups);
    }

    private static void load(ProcessContext ctx, String path, Map<Integer, String> into) {
        try {
            for (String line : new String(VmFiles.readFile(ctx, path), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(":");
                if (f.length > 2) {
                    try {
                        into.put(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            // no such file: the defaults stand
        }
    }

    String user(int uid) { return users.getOrDefault(uid, ""); }

    String group(int gid) { return groups.getOrDefault(gid, ""); }
}
