package dev.agentos;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vfs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The filesystem group of the API, acting as the VM's default user from its home directory. */
final class VmFiles {
    private final Vfs vfs;
    private final Caller caller;

    VmFiles(Vfs vfs, Caller caller) {
        this.vfs = vfs;
        this.caller = caller;
    }

    byte[] readFile(String path) {
        FileDescription f = vfs.open(caller, path, OpenFlags.O_RDONLY, 0);
        try {
            if (f.stat().isDirectory()) throw AgentOsException.errno(Errno.EISDIR, "read", path);
            long size = f.stat().size();
            if (size > Integer.MAX_VALUE - 8) throw AgentOsException.errno(Errno.EFBIG, "read", path);
            byte[] buf = new byte[(int) size];
            int total = 0;
            while (total < buf.length) {
                int n = f.read(buf, total, buf.length - total);
                if (n < 0) break;
                total += n;
            }
            if (total < buf.length) return java.util.Arrays.copyOf(buf, total);
            // a file that grew meanwhile, or a generated one whose size stat does not know (/proc)
            java.io.ByteArrayOutputStream more = null;
            byte[] chunk = new byte[8192];
            int n;
            while ((n = f.read(chunk, 0, chunk.length)) > 0) {
                if (more == null) {
                    more = new java.io.ByteArrayOutputStream();
                    more.writeBytes(buf);
                }
                more.write(chunk, 0, n);
            }
            return more == null ? buf : more.toByteArray();
        } finally {
            f.close();
        }
    }

    void writeFile(String path, byte[] content) {
        FileDescription f = vfs.open(caller, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try {
            int off = 0;
            while (off < content.length) off += f.write(content, off, content.length - off);
        } finally {
            f.close();
        }
    }

    List<WriteResult> writeFiles(List<FileEntry> entries) {
        List<WriteResult> out = new ArrayList<>(entries.size());
        for (FileEntry e : entries) {
            try {
                writeFile(e.path(), e.content());
                out.add(new WriteResult(e.path(), true, Optional.empty()));
            } catch (AgentOsException ex) {
                out.add(new WriteResult(e.path(), false, Optional.of(ex)));
            }
        }
        return out;
    }

    List<ReadResult> readFiles(List<String> paths) {
        List<ReadResult> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            try {
                out.add(new ReadResult(p, Optional.of(readFile(p)), Optional.empty()));
            } catch (AgentOsException ex) {
                out.add(new ReadResult(p, Optional.empty(), Optional.of(ex)));
            }
        }
        return out;
    }

    void mkdir(String path, boolean recursive) {
        if (!recursive) {
            vfs.mkdir(caller, path, 0755);
            return;
        }
        String abs = absolute(path);
        StringBuilder prefix = new StringBuilder();
        for (String part : abs.split("/")) {
            if (part.isEmpty()) continue;
            prefix.append('/').append(part);
            String p = prefix.toString();
            try {
                vfs.mkdir(caller, p, 0755);
            } catch (AgentOsException e) {
                if (!e.is(Errno.EEXIST)) throw rewrite(e, path);
                if (!vfs.stat(caller, p).isDirectory()) throw AgentOsException.errno(Errno.ENOTDIR, "mkdir", path);
            }
        }
    }

    List<String> readdir(String path) {
        return vfs.readdir(caller, path).stream().map(DirEntry::name)
                .filter(n -> !n.equals(".") && !n.equals("..")).sorted().toList();
    }

    List<DirEntryInfo> readdirRecursive(String path, int maxDepth) {
        String root = absolute(path);
        if (!vfs.stat(caller, root).isDirectory()) throw AgentOsException.errno(Errno.ENOTDIR, "scandir", path);
        List<DirEntryInfo> out = new ArrayList<>();
        walk(root, 1, maxDepth, out);
        return out;
    }

    private void walk(String dir, int depth, int maxDepth, List<DirEntryInfo> out) {
        List<DirEntry> entries = new ArrayList<>(vfs.readdir(caller, dir));
        entries.removeIf(e -> e.name().equals(".") || e.name().equals(".."));
        entries.sort(Comparator.comparing(DirEntry::name));
        for (DirEntry e : entries) {
            String p = dir.equals("/") ? "/" + e.name() : dir + "/" + e.name();
            long size = 0;
            try {
                size = e.type() == FileType.REGULAR ? vfs.lstat(caller, p).size() : 0;
            } catch (AgentOsException gone) {
                continue; // removed while we walked
            }
            out.add(new DirEntryInfo(p, typeName(e.type()), size));
            if (e.type() == FileType.DIRECTORY && depth < maxDepth) {
                try {
                    walk(p, depth + 1, maxDepth, out);
                } catch (AgentOsException unreadable) {
                    if (!unreadable.is(Errno.EACCES) && !unreadable.is(Errno.ENOENT)) throw unreadable;
                }
            }
        }
    }

    FileInfo stat(String path) {
        FileStat s = vfs.stat(caller, path);
        return new FileInfo(typeName(s.type()), s.size(), s.mode(), s.uid(), s.gid(), s.ino(), s.nlink(),
                instant(s.atimeNanos()), instant(s.mtimeNanos()), instant(s.ctimeNanos()), instant(s.birthtimeNanos()));
    }

    boolean exists(String path) {
        try {
            vfs.stat(caller, path);
            return true;
        } catch (AgentOsException e) {
            if (e.is(Errno.ENOENT) || e.is(Errno.ENOTDIR)) return false;
            throw e;
        }
    }

    void move(String from, String to) {
        vfs.rename(caller, from, to);
    }

    void delete(String path, boolean recursive) {
        FileStat s = vfs.lstat(caller, path);
        if (s.type() != FileType.DIRECTORY) {
            vfs.unlink(caller, path);
            return;
        }
        if (!recursive) {
            vfs.rmdir(caller, path);
            return;
        }
        String abs = absolute(path);
        for (DirEntry e : vfs.readdir(caller, abs)) {
            if (e.name().equals(".") || e.name().equals("..")) continue;
            delete(abs.equals("/") ? "/" + e.name() : abs + "/" + e.name(), true);
        }
        vfs.rmdir(caller, abs);
    }

    private String absolute(String path) {
        String p = path.startsWith("/") ? path : (caller.cwd().endsWith("/") ? caller.cwd() : caller.cwd() + "/") + path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    private static AgentOsException rewrite(AgentOsException e, String path) {
        return e.errno().map(errno -> AgentOsException.errno(errno, "mkdir", path)).orElse(e);
    }

    static String typeName(FileType t) {
        return switch (t) {
            case REGULAR -> "file";
            case DIRECTORY -> "directory";
            case SYMLINK -> "symlink";
            case FIFO -> "fifo";
            case SOCKET -> "socket";
            case CHAR_DEVICE -> "device";
        };
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
