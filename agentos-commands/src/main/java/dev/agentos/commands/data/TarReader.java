package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** tar -t and tar -x: lists or extracts the members (all, or those named), honouring -C, -O, -p, --strip-components and --exclude. */
final class TarReader {
    private final ProcessContext ctx;
    private final Tar.Options o;
    private final TarListing listing = new TarListing();
    private boolean failed;

    /** A directory whose mode and time are set after its contents are written, as GNU tar does. */
    private record DirFix(String path, int mode, long mtimeNanos) {}

    TarReader(ProcessContext ctx, Tar.Options o) {
        this.ctx = ctx;
        this.o = o;
    }

    int read() throws IOException, Tar.Fatal {
        byte[] data = Tar.readArchive(ctx, o.archive());
        Set<String> unmatched = new LinkedHashSet<>();
        for (String op : o.operands()) unmatched.add(stripSlash(op));
        List<DirFix> dirs = new ArrayList<>();
        int umask = ctx.umask();
        boolean any = false;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Tar.decompressed(data), "UTF-8")) {
            TarArchiveEntry e;
            while (true) {
                try {
                    e = tar.getNextEntry();
                } catch (IOException | IllegalArgumentException bad) {
                    if (!any) {
                        throw new Tar.Fatal("This does not look like a tar archive\n"
                                + (data.length >= 512 ? "tar: Skipping to next header\n" : "") + "tar: Exiting with failure status due to previous errors");
                    }
                    throw new Tar.Fatal("Unexpected EOF in archive\ntar: Error is not recoverable: exiting now");
                }
                if (e == null) break;
                any = true;
                ctx.checkSignals();
                String name = e.getName();
                if (!o.operands().isEmpty()) {
                    String matched = null;
                    for (String op : o.operands()) {
                        String want = stripSlash(op);
                        if (stripSlash(name).equals(want) || name.startsWith(want + "/")) matched = want;
                    }
                    if (matched == null) continue;
                    unmatched.remove(matched);
                }
                if (Tar.excluded(name, o.excludes())) continue;
                if (o.mode() == 't') {
                    ctx.stdout().write((o.verbose() > 0 ? listing.line(e) : name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                String stripped = strip(name);
                if (stripped == null) continue;
                if (o.verbose() > 1) ctx.stdout().write(listing.line(e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                else if (o.verbose() == 1) ctx.stdout().write((name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (o.toStdout()) {
                    if (e.isFile()) tar.transferTo(ctx.stdout());
                    continue;
                }
                String dest = (o.dir() != null ? o.dir() + "/" : "") + stripped;
                int mode = o.preserve() ? e.getMode() & 07777 : e.getMode() & 0777 & ~umask;
                extract(tar, e, dest, mode, dirs);
            }
        } catch (IOException ioe) {
            if (!any) throw new Tar.Fatal("This does not look like a tar archive\ntar: Exiting with failure status due to previous errors");
            throw ioe;
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            DirFix d = dirs.get(i);
            try {
                ctx.chmod(d.path, d.mode);
                ctx.utimes(d.path, d.mtimeNanos, d.mtimeNanos, true);
            } catch (AgentOsException ignored) {
                // reported when the directory itself failed
            }
        }
        for (String u : unmatched) {
            Gnu.print(ctx.stderr(), "tar: " + u + ": Not found in archive\n");
            failed = true;
        }
        if (failed) {
            Gnu.print(ctx.stderr(), "tar: Exiting with failure status due to previous errors\n");
            return 2;
        }
        return 0;
    }

    private static String stripSlash(String s) {
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private String strip(String name) {
        if (o.strip() == 0) return name;
        String[] parts = name.split("/");
        if (parts.length <= o.strip()) return null;
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, o.strip(), parts.length));
        return rest.isEmpty() ? null : rest + (name.endsWith("/") ? "/" : "");
    }

    private void extract(InputStream content, TarArchiveEntry e, String dest, int mode, List<DirFix> dirs) throws IOException {
        String path = stripSlash(dest);
        long mtime = e.getModTime().getTime() * 1_000_000L;
        try {
            mkdirs(parentOf(path));
            if (e.isDirectory()) {
                if (!isDir(path)) ctx.mkdir(path, 0700);
                dirs.add(new DirFix(path, mode, mtime));
                return;
            }
            if (exists(path)) {
                if (o.keepOld()) {
                    Gnu.print(ctx.stderr(), "tar: " + path + ": Cannot open: File exists\n");
                    failed = true;
                    return;
                }
                if (!isDir(path)) ctx.unlink(path);
            }
            if (e.isSymbolicLink()) {
                ctx.symlink(e.getLinkName(), path);
                return;
            }
            if (e.isLink()) {
                String target = strip(e.getLinkName());
                ctx.link((o.dir() != null ? o.dir() + "/" : "") + (target == null ? e.getLinkName() : target), path);
                return;
            }
            try (OutputStream out = VmFiles.out(ctx, path, 0600, false)) {
                content.transferTo(out);
            }
            ctx.chmod(path, mode);
            ctx.utimes(path, mtime, mtime, true);
        } catch (AgentOsException ex) {
            Gnu.print(ctx.stderr(), "tar: " + path + ": Cannot open: " + Tar.strerror(ex) + "\n");
            failed = true;
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : path.substring(0, slash);
    }

    private boolean exists(String path) {
        try {
            ctx.lstat(path);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    private boolean isDir(String path) {
        try {
            return ctx.stat(path).isDirectory();
        } catch (AgentOsException e) {
            return false;
        }
    }

    private void mkdirs(String path) {
        if (path == null || isDir(path)) return;
        mkdirs(parentOf(path));
        try {
            ctx.mkdir(path, 0777);
        } catch (AgentOsException e) {
            if (!e.is(Errno.EEXIST)) throw e;
        }
    }
}
