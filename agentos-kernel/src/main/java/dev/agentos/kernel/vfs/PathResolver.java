package dev.agentos.kernel.vfs;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks paths as Linux's namei does: component by component from the root or the cwd, checking
 * search permission on every directory, crossing mounts, following symlinks (40 at most per walk),
 * and resolving ".." against the chain of directories actually walked.
 */
final class PathResolver {
    static final int MAX_SYMLINKS = 40;
    static final int PATH_MAX = 4096;
    static final int NAME_MAX = 255;

    private final MountTable mounts;

    PathResolver(MountTable mounts) { this.mounts = mounts; }

    Location root() {
        Mount m = mounts.root();
        return new Location(null, m, m.root, "", m.root.stat(), true);
    }

    /**
     * Resolves {@code path} for {@code caller}. With {@code followFinal} a symlink in the last position
     * is followed (a {@link MagicLink} there is returned as is: opening it is its own business).
     */
    Resolution resolve(Caller caller, String path, boolean followFinal) {
        if (path.isEmpty()) throw fail(Errno.ENOENT);
        if (path.length() > PATH_MAX) throw fail(Errno.ENAMETOOLONG);
        Location start = path.charAt(0) == '/' ? root() : cwd(caller);
        return walk(caller, start, path, followFinal);
    }

    private Location cwd(Caller caller) {
        String cwd = caller.cwd();
        if (cwd == null || cwd.isEmpty() || cwd.charAt(0) != '/') cwd = "/";
        // Linux keeps the cwd as a reference and never re-checks the path to it; walking it as root
        // is the closest equivalent for a cwd kept as a string.
        Caller asRoot = new Caller(caller.pid(), Credentials.ROOT, "/", caller.umask());
        Resolution r = walk(asRoot, root(), cwd, true);
        if (!r.exists()) throw fail(Errno.ENOENT);
        if (!r.target().isDirectory()) throw fail(Errno.ENOTDIR);
        return r.target();
    }

    private Resolution walk(Caller caller, Location start, String path, boolean followFinal) {
        Deque<String> parts = new ArrayDeque<>();
        addComponents(parts, path);
        boolean trailingSlash = path.endsWith("/");
        Location cur = start;
        int links = 0;
        while (!parts.isEmpty()) {
            String name = parts.pollFirst();
            boolean last = parts.isEmpty();
            if (!cur.isDirectory()) throw fail(Errno.ENOTDIR);
            Permissions.check(caller.credentials(), cur.stat(), Permissions.X);
            if (name.equals(".")) {
                if (last) return new Resolution(cur, ".", cur, trailingSlash);
                continue;
            }
            if (name.equals("..")) {
                if (last) return new Resolution(cur, "..", cur.up(), trailingSlash);
                cur = cur.up();
                continue;
            }
            Location child = child(cur, name);
            if (child == null) {
                if (last) return new Resolution(cur, name, null, trailingSlash);
                throw fail(Errno.ENOENT);
            }
            if (child.isSymlink() && (!last || followFinal || trailingSlash)) {
                if (last && child.vnode() instanceof MagicLink) return new Resolution(cur, name, child, trailingSlash);
                if (++links > MAX_SYMLINKS) throw fail(Errno.ELOOP);
                String target = child.vnode() instanceof CallerLink cl ? cl.readlink(caller) : child.vnode().readlink();
                if (target.isEmpty()) throw fail(Errno.ENOENT);
                if (last && target.endsWith("/")) trailingSlash = true;
                Deque<String> inserted = new ArrayDeque<>();
                addComponents(inserted, target);
                while (!inserted.isEmpty()) parts.addFirst(inserted.pollLast());
                if (target.charAt(0) == '/') cur = root();
                continue; // relative targets resolve from the link's directory: cur
            }
            if (last) {
                if (trailingSlash && !child.isDirectory() && !(child.vnode() instanceof MagicLink)) {
                    throw fail(Errno.ENOTDIR);
                }
                return new Resolution(cur, name, child, trailingSlash);
            }
            cur = child;
        }
        // No component left to name: the path (or a symlink's target) was the root.
        return new Resolution(cur.up(), "/", cur, trailingSlash);
    }

    /** The entry {@code name} of directory {@code dir}, entering a mount that covers it; null if absent. */
    private Location child(Location dir, String name) {
        Vnode v = dir.vnode().lookup(name).orElse(null);
        if (v == null) return null;
        FileStat st = v.stat();
        if (st.type() == FileType.DIRECTORY) {
            Mount covering = mounts.mountedOn(dir.mount(), st.ino());
            if (covering != null) return new Location(dir, covering, covering.root, name, covering.root.stat(), true);
        }
        return new Location(dir, dir.mount(), v, name, st, false);
    }

    private static void addComponents(Deque<String> out, String path) {
        int i = 0;
        int n = path.length();
        while (i < n) {
            while (i < n && path.charAt(i) == '/') i++;
            int j = i;
            while (j < n && path.charAt(j) != '/') j++;
            if (j > i) {
                String name = path.substring(i, j);
                if (name.length() > NAME_MAX / 3 && name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
                    throw fail(Errno.ENAMETOOLONG);
                }
                out.addLast(name);
            }
            i = j;
        }
    }

    private static AgentOsException fail(Errno errno) {
        return AgentOsException.errnoDetail(errno, "path walk");
    }
}
