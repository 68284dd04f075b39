package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Info-ZIP zip: adds files (directories with -r) to a new or existing archive, deflating unless
 * storing is smaller, and reports each as "  adding: a.txt (deflated 40%)" or "updating: ...".
 * Options: -r -q -j -0..-9. Archives are written with commons-compress.
 */
final class Zip implements Program {
    /** One member to write: its content (null for a directory), mode and time. */
    private record Member(String name, byte[] content, int mode, long mtimeMillis, boolean fromOld, ZipArchiveEntry old, byte[] oldRaw) {}

    @Override public int run(ProcessContext ctx) throws IOException {
        boolean recurse = false, quiet = false, junk = false;
        int level = 6;
        List<String> operands = new ArrayList<>();
        boolean optionsDone = false;
        for (String a : ctx.argv().subList(1, ctx.argv().size())) {
            if (!optionsDone && a.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'r' -> recurse = true;
                        case 'q' -> quiet = true;
                        case 'j' -> junk = true;
                        default -> {
                            if (c >= '0' && c <= '9') {
                                level = c - '0';
                            } else {
                                Gnu.print(ctx.stderr(), "zip error: Invalid command arguments (no such option: " + c + ")\n");
                                return 16;
                            }
                        }
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            Gnu.print(ctx.stderr(), "zip error: Invalid command arguments (nothing to select from)\n");
            return 16;
        }
        String archive = operands.get(0);
        if (!archive.contains(".")) archive += ".zip";
        Map<String, Member> members = new LinkedHashMap<>();
        byte[] existing = null;
        try {
            existing = VmFiles.readFile(ctx, archive);
        } catch (AgentOsException e) {
            // a new archive
        }
        if (existing != null) {
            try (ZipFile zf = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(existing)).get()) {
                for (ZipArchiveEntry e : java.util.Collections.list(zf.getEntriesInPhysicalOrder())) {
                    byte[] data = e.isDirectory() ? null : zf.getInputStream(e).readAllBytes();
                    members.put(e.getName(), new Member(e.getName(), data, e.getUnixMode() & 07777, e.getTime(), true, e, null));
                }
            } catch (IOException e) {
                Gnu.print(ctx.stderr(), "\nzip error: Zip file structure invalid (" + archive + ")\n");
                return 3;
            }
        }
        StringBuilder log = new StringBuilder();
        boolean any = false;
        for (String f : operands.subList(1, operands.size())) {
            FileStat st;
            try {
                st = ctx.stat(f);
            } catch (AgentOsException e) {
                // Info-ZIP writes its warnings to standard output.
                Gnu.print(ctx.stdout(), "\tzip warning: name not matched: " + f + "\n");
                continue;
            }
            any = true;
            collect(ctx, f, st, recurse, junk, members, log);
        }
        if (!any) {
            Gnu.print(ctx.stdout(), "\nzip error: Nothing to do! (" + archive + ")\n");
            return 12;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Member m : members.values()) {
                ZipArchiveEntry e = new ZipArchiveEntry(m.name);
                e.setUnixMode((m.content == null ? 040000 : 0100000) | m.mode);
                e.setTime(m.mtimeMillis);
                boolean store = m.content == null || m.content.length == 0 || level == 0;
                byte[] deflated = null;
                if (!store) {
                    deflated = deflate(m.content, level);
                    store = deflated.length >= m.content.length;
                }
                e.setMethod(store ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                zip.setLevel(level == 0 ? Deflater.NO_COMPRESSION : level);
                if (store) {
                    byte[] c = m.content == null ? new byte[0] : m.content;
                    e.setSize(c.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(c);
                    e.setCrc(crc.getValue());
                }
                zip.putArchiveEntry(e);
                if (m.content != null) zip.write(m.content);
                zip.closeArchiveEntry();
                if (!m.fromOld && !quiet) {
                    String verb = m.oldRaw != null ? "updating: " : "  adding: ";
                    String how = store ? "stored 0%" : "deflated " + percent(m.content.length, deflated.length) + "%";
                    log.append(verb).append(m.name).append(" (").append(how).append(")\n");
                }
            }
        }
        try (OutputStream out = VmFiles.out(ctx, archive, 0644, false)) {
            out.write(bytes.toByteArray());
        }
        ctx.stdout().write(log.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return 0;
    }

    /** Info-ZIP's percent(): rounded integer saving. */
    static int percent(long n, long m) {
        return n > m ? (int) ((1 + (200 * (n - m) / n)) / 2) : 0;
    }

    private static byte[] deflate(byte[] data, int level) {
        Deflater d = new Deflater(level, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    private static void collect(ProcessContext ctx, String path, FileStat st, boolean recurse, boolean junk,
                                Map<String, Member> members, StringBuilder log) throws IOException {
        String name = path;
        while (name.startsWith("/")) name = name.substring(1);
        while (name.startsWith("./")) name = name.substring(2);
        if (junk) name = name.substring(name.lastIndexOf('/') + 1);
        long mtime = st.mtimeNanos() / 1_000_000;
        if (st.isDirectory()) {
            if (!junk) put(members, new Member(name.endsWith("/") ? name : name + "/", null, st.mode(), mtime, false, null, null));
            if (!recurse) return;
            List<DirEntry> children = ctx.readdir(path).stream().filter(c -> !c.name().equals(".") && !c.name().equals(".."))
                    .sorted(Comparator.comparing(DirEntry::name)).toList();
            for (DirEntry c : children) {
                String child = (path.endsWith("/") ? path : path + "/") + c.name();
                collect(ctx, child, ctx.stat(child), recurse, junk, members, log);
            }
            return;
        }
        put(members, new Member(name, VmFiles.readFile(ctx, path), st.mode(), mtime, false, null, null));
    }

    private static void put(Map<String, Member> members, Member m) {
        Member old = members.get(m.name);
        members.put(m.name, old != null && old.fromOld ? new Member(m.name, m.content, m.mode, m.mtimeMillis, false, null, new byte[0]) : m);
    }
}
