package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.ArrayList;
import java.util.List;

/** Pathname expansion against the VFS through readdir; results sorted in byte order (LC_ALL=C). */
final class Glob {
    private Glob() {}

    static List<String> expand(Shell sh, String pattern) {
        boolean dirOnly = pattern.endsWith("/");
        String pat = dirOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
        List<String> comps = splitSlash(pat);
        List<String> current = new ArrayList<>();
        current.add(pat.startsWith("/") ? "/" : "");
        boolean anyMeta = false;
        for (String comp : comps) {
            if (comp.isEmpty()) continue;
            List<String> next = new ArrayList<>();
            if (!Patterns.hasMeta(comp)) {
                String name = Patterns.unescape(comp);
                for (String c : current) next.add(join(c, name));
            } else if (comp.equals("**") && sh.opts.globstar) {
                anyMeta = true;
                for (String c : current) {
                    if (!c.isEmpty()) next.add(c);
                    walk(sh, c, next, sh.opts.dotglob);
                }
                if (current.contains("")) next.add(0, "");
            } else {
                anyMeta = true;
                boolean dots = comp.startsWith(".") || comp.startsWith("\\.") || sh.opts.dotglob;
                java.util.regex.Pattern re = Patterns.glob(sh.opts.nocaseglob ? "(?i)" + comp : comp);
                for (String c : current) {
                    List<DirEntry> entries;
                    try {
                        entries = sh.ctx.readdir(c.isEmpty() ? "." : c);
                    } catch (AgentOsException e) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    for (DirEntry e : entries) {
                        String n = e.name();
                        if (n.equals(".") || n.equals("..")) continue;
                        if (n.startsWith(".") && !dots) continue;
                        if (re.matcher(n).matches()) names.add(n);
                    }
                    names.sort(null);
                    for (String n : names) next.add(join(c, n));
                }
            }
            current = next;
            if (current.isEmpty()) return List.of();
        }
        if (!anyMeta) return List.of();
        List<String> out = new ArrayList<>();
        for (String c : current) {
            if (c.isEmpty()) continue;
            try {
                FileStat st = sh.ctx.stat(c);
                if (dirOnly && !st.isDirectory()) continue;
            } catch (AgentOsException e) {
                try { sh.ctx.lstat(c); } catch (AgentOsException e2) { continue; }
                if (dirOnly) continue;
            }
            out.add(dirOnly ? c + "/" : c);
        }
        out.sort(null);
        return out;
    }

    private static void walk(Shell sh, String dir, List<String> out, boolean dots) {
        List<DirEntry> entries;
        try {
            entries = sh.ctx.readdir(dir.isEmpty() ? "." : dir);
        } catch (AgentOsException e) {
            return;
        }
        List<DirEntry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (DirEntry e : sorted) {
            String n = e.name();
            if (n.equals(".") || n.equals("..") || (n.startsWith(".") && !dots)) continue;
            if (e.type() == FileType.DIRECTORY) {
                String p = join(dir, n);
                out.add(p);
                walk(sh, p, out, dots);
            }
        }
    }

    private static String join(String dir, String name) {
        if (dir.isEmpty()) return name;
        if (dir.endsWith("/")) return dir + name;
        return dir + "/" + name;
    }

    private static List<String> splitSlash(String p) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int bracket = -1;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) { b.append(c).append(p.charAt(++i)); continue; }
            if (c == '/') { out.add(b.toString()); b.setLength(0); continue; }
            b.append(c);
        }
        out.add(b.toString());
        if (bracket > 0) throw new IllegalStateException();
        return out;
    }
}
