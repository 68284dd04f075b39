package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** User names and uids from the VM's /etc/passwd (what getpwnam and getpwuid read). */
record Users(Map<String, Integer> uids) {
    static Users load(ProcessContext ctx) {
        Map<String, Integer> uids = new LinkedHashMap<>();
        for (String line : read(ctx, "/etc/passwd").split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 3) continue;
            try {
                uids.putIfAbsent(f[0], Integer.parseInt(f[2]));
            } catch (NumberFormatException ignored) {
                // getpwent skips malformed lines too
            }
        }
        return new Users(uids);
    }

    /** A user name or a numeric uid. */
    OptionalInt uid(String nameOrId) {
        Integer u = uids.get(nameOrId);
        if (u != null) return OptionalInt.of(u);
        if (!nameOrId.isEmpty() && nameOrId.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalInt.of(Integer.parseInt(nameOrId));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** The name of {@code uid}, or the number when it has none. */
    String name(int uid) {
        for (var e : uids.entrySet()) if (e.getValue() == uid) return e.getKey();
        return Integer.toString(uid);
    }

    static String read(ProcessContext ctx, String path) {
        try {
            int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
                return out.toString(StandardCharsets.UTF_8);
            } finally {
                ctx.close(fd);
            }
        } catch (AgentOsException e) {
            return "";
        }
    }
}
