package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** tar -c: walks the operands (directories in name order) and writes a GNU, ustar or POSIX archive. */
final class TarWriter {
    private final ProcessContext ctx;
    private final Tar.Options o;
    private final Owners owners;
    private final TarListing listing = new TarListing();
    private final StringBuilder verbose = new StringBuilder();
    private boolean failed;
    private boolean warnedLeadingSlash;

    TarWriter(ProcessContext ctx, Tar.Options o) {
        this.ctx = ctx;
        this.o = o;
        this.owners = new Owners(ctx);
    }

    int create() throws IOException, Tar.Fatal {
        if (o.operands().isEmpty()) {
            Gnu.print(ctx.stderr(), "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n");
            return 2;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
            switch (o.format()) {
                case "ustar", "v7" -> {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
                }
                case "posix", "pax" -> {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                }
                default -> {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                }
            }
            for (String op : o.operands()) {
                String fsPath = o.dir() != null && !op.startsWith("/") ? o.dir() + "/" + op : op;
                String name = op;
                while (name.startsWith("/")) {
                    name = name.substring(1);
                    if (!warnedLeadingSlash) {
                        Gnu.print(ctx.stderr(), "tar: Removing leading `/' from member names\n");
                        warnedLeadingSlash = true;
                    }
                }
                add(tar, fsPath, name, true);
            }
            tar.finish();
        }
        if (verbose.length() > 0) {
            // Listing goes to stdout, or to stderr when the archive itself is on stdout.
            Gnu.print(o.archive().equals("-") ? ctx.stderr() : ctx.stdout(), verbose.toString());
        }
        Tar.writeArchive(ctx, o.archive(), bytes.toByteArray(), o.codec());
        if (failed) {
            Gnu.print(ctx.stderr(), "tar: Exiting with failure status due to previous errors\n");
            return 2;
        }
        return 0;
    }

    private void add(TarArchiveOutputStream tar, String fsPath, String name, boolean top) throws IOException {
        ctx.checkSignals();
        if (Tar.excluded(name, o.excludes())) return;
        FileStat st;
        try {
            st = ctx.lstat(fsPath);
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "tar: " + name + ": Cannot stat: " + Tar.strerror(e) + "\n");
            failed = true;
            return;
        }
        boolean dir = st.isDirectory();
        String member = dir && !name.endsWith("/") ? name + "/" : name;
        if (member.equals("./")) member = "./";
        TarArchiveEntry e;
        if (st.isSymlink()) {
            e = new TarArchiveEntry(member, TarConstants.LF_SYMLINK);
            e.setLinkName(ctx.readlink(fsPath));
        } else if (dir) {
            e = new TarArchiveEntry(member, TarConstants.LF_DIR);
        } else {
            e = new TarArchiveEntry(member, TarConstants.LF_NORMAL);
            e.setSize(st.size());
        }
        e.setMode(st.mode());
        e.setUserId(st.uid());
        e.setGroupId(st.gid());
        e.setUserName(owners.user(st.uid()));
        e.setGroupName(owners.group(st.gid()));
        e.setModTime(java.nio.file.attribute.FileTime.fromMillis(st.mtimeNanos() / 1_000_000_000L * 1000));
        byte[] content = null;
        if (!dir && !st.isSymlink()) {
            try (InputStream in = VmFiles.in(ctx, fsPath)) {
                content = VmFiles.readAll(in);
            } catch (AgentOsException ex) {
                Gnu.print(ctx.stderr(), "tar: " + name + ": Cannot open: " + Tar.strerror(ex) + "\n");
                failed = true;
                return;
            }
            e.setSize(content.length);
        }
        try {
            tar.putArchiveEntry(e);
        } catch (IllegalArgumentException | IOException tooLong) {
            Gnu.print(ctx.stderr(), "tar: " + member + ": file name is too long (max 256); not dumped\n");
            failed = true;
            return;
        }
        if (content != null) tar.write(content);
        tar.closeArchiveEntry();
        if (o.verbose() > 1) verbose.append(listing.line(e));
        else if (o.verbose() == 1) verbose.append(member).append('\n');
        if (dir) {
            List<DirEntry> children = ctx.readdir(fsPath).stream()
                    .filter(c -> !c.name().equals(".") && !c.name().equals(".."))
                    .sorted(Comparator.comparing(DirEntry::name)).toList();
            for (DirEntry c : children) add(tar, fsPath + "/" + c.name(), member + c.name(), false);
        }
    }
}
