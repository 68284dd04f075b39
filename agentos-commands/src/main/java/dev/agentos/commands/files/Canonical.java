package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.FileStat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** gnulib's canonicalize_filename_mode: symlinks resolved, with three rules for missing parts. */
final class Canonical {
    enum Mode { EXISTING, ALL_BUT_LAST, MISSING }

    private Canonical() {}

    static String resolve(ProcessContext ctx, String path, Mode mode) {
        if (path.isEmpty()) throw AgentOsException.errno(Errno.ENOENT, "stat", path);
        Deque<String> todo = new ArrayDeque<>();
        for (String s : path.split("/")) if (!s.isEmpty()) todo.add(s);
        List<String> done = path.startsWith("/") ? new ArrayList<>() : new ArrayList<>(PathNames.split(ctx.cwd()));
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.poll();
            if (part.equals(".")) continue;
            if (part.equals("..")) {
                if (!done.isEmpty()) done.remove(done.size() - 1);
                continue;
            }
            done.add(part);
            String cur = "/" + String.join("/", done);
            FileStat st;
            try {
                st = ctx.lstat(cur);
            } catch (AgentOsException e) {
                boolean last = todo.isEmpty();
                if (mode == Mode.MISSING || (mode == Mode.ALL_BUT_LAST && last && e.is(Errno.ENOENT))) continue;
                throw e;
            }
            if (st.isSymlink()) {
                if (++links > 40) throw AgentOsException.errno(Errno.ELOOP, "stat", path);
                String target = ctx.readlink(cur);
                done.remove(done.size() - 1);
                if (target.startsWith("/")) done.clear();
                List<String> parts = new ArrayList<>();
                for (String s : target.split("/")) if (!s.isEmpty()) parts.add(s);
                for (int i = parts.size() - 1; i >= 0; i--) todo.push(parts.get(i));
                continue;
            }
            if (!st.isDirectory() && !todo.isEmpty() && mode != Mode.MISSING) {
                throw AgentOsException.errno(Errno.ENOTDIR, "stat", path);
            }
        }
        return "/" + String.join("/", done);
    }
}
