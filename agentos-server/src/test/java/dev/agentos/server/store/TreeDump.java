package dev.agentos.server.store;

import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vfs;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Everything observable of a tree, as lines to compare: names in listing order, attributes, content digests. */
final class TreeDump {
    static final Caller ROOT = new Caller(1, Credentials.ROOT, "/", 0);

    private TreeDump() {}

    static List<String> of(Vfs vfs, String top) {
        List<String> out = new ArrayList<>();
        Map<Long, String> firstPathOfIno = new HashMap<>();
        walk(vfs, top, out, firstPathOfIno);
        return out;
    }

    private static void walk(Vfs vfs, String dir, List<String> out, Map<Long, String> seen) {
        for (DirEntry e : vfs.readdir(ROOT, dir)) {
            if (e.name().equals(".") || e.name().equals("..")) continue;
            String p = (dir.equals("/") ? "" : dir) + "/" + e.name();
            FileStat s = vfs.lstat(ROOT, p);
            String link = seen.putIfAbsent(s.ino(), p) == null ? "" : " =" + seen.get(s.ino()); // hard-link groups
            String what = switch (s.type()) {
                case REGULAR -> "f size=" + s.size() + " sha=" + digest(vfs, p);
                case SYMLINK -> "l -> " + vfs.readlink(ROOT, p);
                default -> s.type().name();
            };
            out.add(p + " " + what + " mode=" + Integer.toOctalString(s.mode()) + " uid=" + s.uid() + " gid=" + s.gid()
                    + " nlink=" + s.nlink() + " mtime=" + s.mtimeNanos() + " ctime=" + s.ctimeNanos() + link);
            if (s.isDirectory()) walk(vfs, p, out, seen);
        }
    }

    static String digest(Vfs vfs, String path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            FileDescription fd = vfs.open(ROOT, path, OpenFlags.O_RDONLY, 0);
            try {
                byte[] buf = new byte[70_000];
                int n;
                while ((n = fd.read(buf, 0, buf.length)) > 0) md.update(buf, 0, n);
            } finally {
                fd.close();
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
