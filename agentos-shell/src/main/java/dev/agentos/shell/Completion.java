package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion for the line editor, as readline's default: the first word of a command completes
 * to builtins, functions, aliases, keywords and executables on PATH (or to paths when it has a slash);
 * other words complete to file names, directories getting a slash, a unique match a space.
 */
final class Completion {
    /** What to insert at the cursor, and the candidates when there is more than one. */
    record Result(String insert, List<String> candidates) {}

    private final Shell sh;

    Completion(Shell sh) { this.sh = sh; }

    Result complete(String before) {
        int start = before.length();
        while (start > 0 && " \t;|&(<>".indexOf(before.charAt(start - 1)) < 0) start--;
        String word = before.substring(start);
        boolean command = isCommandPosition(before.substring(0, start));
        TreeSet<String> matches = command && !word.contains("/") ? commands(word) : files(word);
        if (matches.isEmpty()) return new Result("", List.of());
        String common = commonPrefix(matches);
        String insert = common.substring(Math.min(word.length(), common.length()));
        if (matches.size() == 1 && !common.endsWith("/")) insert += " ";
        List<String> shown = new ArrayList<>(); // listed by their last component, as readline shows them
        for (String m : matches) shown.add(m.substring(m.lastIndexOf('/', m.length() - 2) + 1));
        return new Result(insert, shown);
    }

    private static boolean isCommandPosition(String head) {
        String t = head.strip();
        return t.isEmpty() || t.endsWith(";") || t.endsWith("|") || t.endsWith("&") || t.endsWith("(")
                || t.endsWith("then") || t.endsWith("do") || t.endsWith("else") || t.endsWith("{");
    }

    private TreeSet<String> commands(String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (String n : sh.builtins.names()) if (n.startsWith(prefix)) out.add(n);
        for (String n : sh.functions.keySet()) if (n.startsWith(prefix)) out.add(n);
        for (String n : sh.aliases.keySet()) if (n.startsWith(prefix)) out.add(n);
        for (String n : Builtins.KEYWORDS) if (n.startsWith(prefix) && !prefix.isEmpty()) out.add(n);
        String path = sh.get("PATH");
        if (path == null) return out;
        for (String dir : path.split(":", -1)) {
            try {
                for (DirEntry e : sh.ctx.readdir(dir.isEmpty() ? "." : dir)) {
                    if (e.name().startsWith(prefix) && e.type() != FileType.DIRECTORY) out.add(e.name());
                }
            } catch (AgentOsException ignored) {
                // a PATH entry that does not exist offers nothing
            }
        }
        return out;
    }

    /** File names in the word's directory starting with its last component, directories with a slash. */
    private TreeSet<String> files(String word) {
        TreeSet<String> out = new TreeSet<>();
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String base = word.substring(slash + 1);
        String dir = dirPart.isEmpty() ? "." : dirPart.startsWith("~/") ? sh.get("HOME") + dirPart.substring(1) : dirPart;
        try {
            for (DirEntry e : sh.ctx.readdir(dir)) {
                String n = e.name();
                if (!n.startsWith(base) || (n.startsWith(".") && !base.startsWith("."))) continue;
                boolean isDir = e.type() == FileType.DIRECTORY || isDirectoryLink(dir, e);
                out.add(dirPart + n + (isDir ? "/" : ""));
            }
        } catch (AgentOsException ignored) {
            // no such directory: nothing to offer
        }
        return out;
    }

    private boolean isDirectoryLink(String dir, DirEntry e) {
        if (e.type() != FileType.SYMLINK) return false;
        try {
            return sh.ctx.stat(dir + "/" + e.name()).isDirectory();
        } catch (AgentOsException ignored) {
            return false;
        }
    }

    private static String commonPrefix(TreeSet<String> words) {
        String first = words.first(), last = words.last();
        int n = 0;
        while (n < first.length() && n < last.length() && first.charAt(n) == last.charAt(n)) n++;
        return first.substring(0, n);
    }
}
