package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Info-ZIP unzip: extracts (-d DIR, -o overwrite, -n never, -j junk paths, -q), lists (-l), tests
 * (-t) or pipes (-p) the members of an archive, all or those named, with unzip 6.0's wording and
 * exit statuses (1 warning, 9 archive not found, 11 member not found).
 */
final class Unzip implements Program {
    private static final String USAGE = "UnZip 6.00 of 20 April 2009, by Debian. Original by Info-ZIP.\n\n"
            + "Usage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override public int run(ProcessContext ctx) throws IOException {
        boolean list = false, quiet = false, overwrite = false, never = false, pipe = false, test = false, junk = false;
        String dir = null;
        List<String> operands = new ArrayList<>();
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    switch (c) {
                        case 'l' -> list = true;
                        case 'q' -> quiet = true;
                        case 'o' -> overwrite = true;
                        case 'n' -> never = true;
                        case 'p' -> pipe = true;
                        case 't' -> test = true;
                        case 'j' -> junk = true;
                        case 'd' -> {
                            dir = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                            j = a.length();
                        }
                        default -> { // as unzip 6.0 does with an option it does not know: usage, status 10
                            Gnu.print(ctx.stdout(), USAGE);
                            return 10;
                        }
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            Gnu.print(ctx.stdout(), USAGE);
            return 0;
        }
        String archive = operands.get(0);
        byte[] data;
        try {
            data = VmFiles.readFile(ctx, archive);
        } catch (AgentOsException e) {
            try {
                archive = archive + ".zip";
                data = VmFiles.readFile(ctx, archive);
            } catch (AgentOsException e2) {
                String a = operands.get(0);
                Gnu.print(ctx.stderr(), "unzip:  cannot find or open " + a + ", " + a + ".zip or " + a + ".ZIP.\n");
                return 9;
            }
        }
        List<String> wanted = operands.subList(1, operands.size());
        Set<String> unmatched = new LinkedHashSet<>(wanted);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        try (ZipFile zf = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (ZipArchiveEntry e : java.util.Collections.list(zf.getEntriesInPhysicalOrder())) {
                if (!wanted.isEmpty()) {
                    boolean hit = false;
                    for (String w : wanted) {
                        if (e.getName().matches(Glob.toRegex(w))) {
                            hit = true;
                            unmatched.remove(w);
                        }
                    }
                    if (!hit) continue;
                }
                entries.add(e);
            }
            if (!pipe && (!quiet || list)) out.append("Archive:  ").append(archive).append('\n');
            if (list) {
                listing(out, entries);
            } else if (test) {
                for (ZipArchiveEntry e : entries) {
                    try (InputStream in = zf.getInputStream(e)) {
                        in.transferTo(OutputStream.nullOutputStream());
                        out.append(String.format("    testing: %-22s   OK%n", e.getName()));
                    }
                }
                out.append("No errors detected in compressed data of ").append(archive).append(".\n");
            } else {
                for (ZipArchiveEntry e : entries) {
                    if (pipe) {
                        if (!e.isDirectory()) {
                            flush(ctx, out);
                            try (InputStream in = zf.getInputStream(e)) {
                                ctx.stdout().write(in.readAllBytes());
                            }
                        }
                        continue;
                    }
                    String name = junk ? e.getName().substring(e.getName().lastIndexOf('/', e.getName().length() - 2) + 1) : e.getName();
                    if (junk && e.isDirectory()) continue;
                    String dest = (dir != null ? dir + "/" : "") + name;
                    String path = dest.endsWith("/") ? dest.substring(0, dest.length() - 1) : dest;
                    mkdirs(ctx, parentOf(path));
                    if (e.isDirectory()) {
                        if (!exists(ctx, path)) {
                            ctx.mkdir(path, 0777);
                            if (!quiet) out.append("   creating: ").append(dest).append('\n');
                        }
                        continue;
                    }
                    if (exists(ctx, path) && !overwrite) {
                        if (!never) {
                            flush(ctx, out);
                            err.append("replace ").append(dest).append("? [y]es, [n]o, [A]ll, [N]one, [r]ename:  NULL\n")
                                    .append("(EOF or read error, treating as \"[N]one\" ...)\n");
                            Gnu.print(ctx.stderr(), err.toString());
                            err.setLength(0);
                            status = 1;
                            break;
                        }
                        continue;
                    }
                    if (exists(ctx, path)) ctx.unlink(path);
                    boolean symlink = (e.getUnixMode() & 0170000) == 0120000;
                    byte[] content;
                    try (InputStream in = zf.getInputStream(e)) {
                        content = in.readAllBytes();
                    }
                    if (!quiet) {
                        String verb = e.getMethod() == ZipArchiveEntry.STORED ? " extracting" : "  inflating";
                        out.append(String.format("%s: %-22s  %s%n", verb, dest, symlink ? "-> " + new String(content, java.nio.charset.StandardCharsets.UTF_8) : ""));
                    }
                    if (symlink) {
                        ctx.symlink(new String(content, java.nio.charset.StandardCharsets.UTF_8), path);
                        continue;
                    }
                    try (OutputStream o = VmFiles.out(ctx, path, 0600, false)) {
                        o.write(content);
                    }
                    int mode = e.getUnixMode() & 07777;
                    ctx.chmod(path, mode == 0 ? 0644 & ~ctx.umask() : mode & ~ctx.umask());
                    long t = e.getTime() * 1_000_000L;
                    ctx.utimes(path, t, t, true);
                }
            }
        } catch (IOException e) {
            flush(ctx, out);
            Gnu.print(ctx.stderr(), "  End-of-central-directory signature not found.  Either this file is not\n"
                    + "  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n"
                    + "  latter case the central directory and zipfile comment will be found on\n"
                    + "  the last disk(s) of this archive.\n"
                    + "unzip:  cannot find zipfile directory in one of " + operands.get(0) + " or\n"
                    + "        " + operands.get(0) + ".zip, and cannot find " + operands.get(0) + ".ZIP, period.\n");
            return 9;
        }
        flush(ctx, out);
        if (!unmatched.isEmpty()) {
            for (String u : unmatched) Gnu.print(ctx.stderr(), "caution: filename not matched:  " + u + "\n");
            return 11;
        }
        return status;
    }

    private static void listing(StringBuilder out, List<ZipArchiveEntry> entries) {
        out.append("  Length      Date    Time    Name\n---------  ---------- -----   ----\n");
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            long size = e.isDirectory() ? 0 : e.getSize();
            total += size;
            out.append(String.format("%9d  %s   %s%n", size, DATE.format(Instant.ofEpochMilli(e.getTime())), e.getName()));
        }
        out.append("---------                     -------\n");
        out.append(String.format("%9d                     %d file%s%n", total, entries.size(), entries.size() == 1 ? "" : "s"));
    }

    private static void flush(ProcessContext ctx, StringBuilder out) throws IOException {
        ctx.stdout().write(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.setLength(0);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : path.substring(0, slash);
    }

    private static boolean exists(ProcessContext ctx, String path) {
        try {
            ctx.lstat(path);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    private static void mkdirs(ProcessContext ctx, String path) {
        if (path == null || exists(ctx, path)) return;
        mkdirs(ctx, parentOf(path));
        ctx.mkdir(path, 0777);
    }
}
