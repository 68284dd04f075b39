package dev.agentos.commands.diff;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Whole-file reads and writes through the process's kernel door; "-" is standard input. */
final class VmFile {
    private VmFile() {}

    static byte[] read(ProcessContext ctx, String path) throws IOException {
        if (path.equals("-")) return ctx.stdin().readAllBytes();
        int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toByteArray();
        } finally {
            ctx.close(fd);
        }
    }

    static void write(ProcessContext ctx, String path, byte[] data, int mode) {
        int fd = ctx.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode);
        try {
            ctx.write(fd, data, 0, data.length);
        } finally {
            ctx.close(fd);
        }
    }

    /** glibc's wording for a failed call. */
    static String reason(AgentOsException e) {
        return e.errno().map(x -> x.strerror()).orElse(e.getMessage());
    }
}
