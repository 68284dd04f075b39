package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** User and group names from the VM's /etc/passwd and /etc/group. */
final class Names {
    private Names() {}

    /** The id of {@code name} in a passwd-style file, or -1. */
    static int lookupId(ProcessContext ctx, String file, String name) {
        for (String line : read(ctx, file).split("\n")) {
            String[] f = line.split(":");
            if (f.length > 2 && f[0].equals(name)) {
                try {
                    return Integer.parseInt(f[2]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The name for {@code id}, or the number itself. */
    static String lookupName(ProcessContext ctx, String file, int id) {
        for (String line : read(ctx, file).split("\n")) {
            String[] f = line.split(":");
            if (f.length > 2 && f[2].equals(Integer.toString(id))) return f[0];
        }
        return Integer.toString(id);
    }

    private static String read(ProcessContext ctx, String file) {
        try {
            int fd = ctx.open(file, OpenFlags.O_RDONLY, 0);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
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
