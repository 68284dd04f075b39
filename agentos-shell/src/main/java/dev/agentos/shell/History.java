package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The command history: what the line editor's arrows walk, what the history builtin shows, and the
 * history file (HISTFILE, ~/.bash_history by default) an interactive shell reads at start and writes
 * on exit, trimmed to HISTFILESIZE lines as bash does.
 */
final class History {
    private static final int DEFAULT_SIZE = 500;
    private final Shell sh;
    final List<String> entries = new ArrayList<>();
    /** How many entries came from the file or were already appended to it (for history -a). */
    private int saved;

    History(Shell sh) { this.sh = sh; }

    /** Adds a line as bash does under HISTCONTROL (ignorespace, ignoredups, ignoreboth, erasedups). */
    void add(String line) {
        if (!sh.opts.history || line.isBlank()) return; // set -o history: on only in interactive shells
        String control = sh.get("HISTCONTROL");
        List<String> opts = control == null ? List.of() : List.of(control.split(":"));
        boolean ignoreSpace = opts.contains("ignorespace") || opts.contains("ignoreboth");
        boolean ignoreDups = opts.contains("ignoredups") || opts.contains("ignoreboth");
        if (ignoreSpace && line.startsWith(" ")) return;
        if (ignoreDups && !entries.isEmpty() && entries.get(entries.size() - 1).equals(line)) return;
        if (opts.contains("erasedups")) entries.removeIf(line::equals);
        entries.add(line);
        int max = limit("HISTSIZE");
        while (entries.size() > max) {
            entries.remove(0);
            if (saved > 0) saved--;
        }
    }

    /** $HISTFILE, or null when it is unset or empty (then nothing is read or written). */
    String file() {
        String f = sh.get("HISTFILE");
        return f == null || f.isEmpty() ? null : f;
    }

    /** Reads a history file, appending its lines; false (quietly) when it does not exist. */
    boolean read(String path) {
        String text;
        try {
            text = Redirections.readFile(sh, path);
        } catch (AgentOsException e) {
            return false;
        }
        for (String line : text.split("\n")) if (!line.isEmpty()) entries.add(line);
        int max = limit("HISTSIZE");
        while (entries.size() > max) entries.remove(0);
        saved = entries.size();
        return true;
    }

    /** Writes the whole history (or, appending, the entries since the last write) trimmed to HISTFILESIZE. */
    void write(String path, boolean append) {
        List<String> lines = append ? entries.subList(Math.min(saved, entries.size()), entries.size()) : entries;
        int max = limit("HISTFILESIZE");
        if (!append && lines.size() > max) lines = lines.subList(lines.size() - max, lines.size());
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l).append('\n');
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (append ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
        int fd = sh.ctx.open(path, flags, 0600);
        try {
            sh.ctx.write(fd, bytes, 0, bytes.length);
        } finally {
            sh.ctx.close(fd);
        }
        saved = entries.size();
    }

    /** On exit of an interactive shell: saves to HISTFILE, reporting (not failing on) an unwritable file. */
    void save() {
        String f = file();
        if (f == null || !sh.opts.history) return;
        try {
            write(f, false);
        } catch (AgentOsException e) {
            sh.error(f + ": " + Shell.strerror(e));
        }
    }

    private int limit(String var) {
        String v = sh.get(var);
        if (v == null || v.isEmpty()) return DEFAULT_SIZE;
        long n = Shell.parseLongOr(v, DEFAULT_SIZE);
        return n < 0 ? Integer.MAX_VALUE : (int) Math.min(n, Integer.MAX_VALUE);
    }
}
