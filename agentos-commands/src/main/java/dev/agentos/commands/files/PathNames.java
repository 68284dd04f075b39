package dev.agentos.commands.files;

import java.util.ArrayList;
import java.util.List;

/** POSIX basename/dirname and lexical path work, as GNU does them. */
final class PathNames {
    private PathNames() {}

    static String basename(String p) {
        if (p.isEmpty()) return "";
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') end--;
        String s = p.substring(0, end);
        if (s.equals("/")) return "/";
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static String dirname(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') end--;
        int slash = p.lastIndexOf('/', end - 1);
        if (slash < 0) return ".";
        while (slash > 0 && p.charAt(slash - 1) == '/') slash--;
        if (slash == 0) return "/";
        return p.substring(0, slash);
    }

    /** {@code dir/name} without doubling a slash. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Makes a path absolute against {@code cwd} and removes ".", ".." and extra slashes lexically. */
    static String normalize(String cwd, String p) {
        String abs = p.startsWith("/") ? p : join(cwd, p);
        List<String> parts = new ArrayList<>();
        for (String s : abs.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The path from directory {@code base} to {@code target}, both absolute and normalized. */
    static String relative(String target, String base) {
        List<String> t = split(target), b = split(base);
        int common = 0;
        while (common < t.size() && common < b.size() && t.get(common).equals(b.get(common))) common++;
        List<String> out = new ArrayList<>();
        for (int i = common; i < b.size(); i++) out.add("..");
        out.addAll(t.subList(common, t.size()));
        return out.isEmpty() ? "." : String.join("/", out);
    }

    static List<String> split(String abs) {
        List<String> parts = new ArrayList<>();
        for (String s : abs.split("/")) if (!s.isEmpty()) parts.add(s);
        return parts;
    }
}
