package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** System-call sequences the file commands share: whole-file reads, copies, existence checks. */
final class SysFiles {
    private SysFiles() {}

    /** glibc's strerror() of a failure. */
    static String reason(AgentOsException e) {
        return e.errno().map(Errno::strerror).orElse(e.getMessage());
    }

    static byte[] readAll(ProcessContext ctx, String path) {
        int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toByteArray();
        } finally {
            ctx.close(fd);
        }
    }

    /** Up to {@code max} bytes from the start of a file. */
    static byte[] head(ProcessContext ctx, String path, int max) {
        int fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            byte[] buf = new byte[max];
            int off = 0, n;
            while (off < max && (n = ctx.read(fd, buf, off, max - off)) > 0) off += n;
            return java.util.Arrays.copyOf(buf, off);
        } finally {
            ctx.close(fd);
        }
    }

    static Optional<FileStat> lstat(ProcessContext ctx, String path) {
        try {
            return Optional.of(ctx.lstat(path));
        } catch (AgentOsException e) {
            return Optional.empty();
        }
    }

    static Optional<FileStat> stat(ProcessContext ctx, String path) {
        try {
            return Optional.of(ctx.stat(path));
        } catch (AgentOsException e) {
            return Optional.empty();
        }
    }

    /** Copies a regular file's bytes into {@code dst}, created with {@code mode} when new. */
    static void copyContent(ProcessContext ctx, String src, String dst, int mode) {
        int in = ctx.open(src, OpenFlags.O_RDONLY, 0);
        try {
            int out = ctx.open(dst, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode);
            try {
                byte[] buf = new byte[128 * 1024];
                int n;
                while ((n = ctx.read(in, buf, 0, buf.length)) > 0) ctx.write(out, buf, 0, n);
            } finally {
                ctx.close(out);
            }
        } finally {
            ctx.close(in);
        }
    }

    static void write(ProcessContext ctx, String path, byte[] data, int flags, int mode) {
        int fd = ctx.open(path, flags, mode);
        try {
            ctx.write(fd, data, 0, data.length);
        } finally {
            ctx.close(fd);
        }
    }
}
