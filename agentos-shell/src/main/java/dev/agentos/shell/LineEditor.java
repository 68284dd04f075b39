package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.tty.Termios;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An emacs-style line editor over a raw-mode terminal: cursor keys, ^A ^E ^U ^K ^W, history, ^C, ^D. */
final class LineEditor {
    static final String CANCELLED = "\u0000cancelled";
    private final Shell sh;
    private final List<String> history;

    LineEditor(Shell sh, List<String> history) {
        this.sh = sh;
        this.history = history;
    }

    /** A line without its newline; null at end of input; CANCELLED after ^C. */
    String readLine(String prompt) {
        if (!sh.ctx.isatty(0)) return readCooked(prompt);
        Terminal t = sh.ctx.terminal(0);
        if (sh.opts.monitor && t.foregroundGroup() != sh.ctx.pgid()) {
            try { t.setForegroundGroup(sh.ctx.pgid()); } catch (AgentOsException ignored) { /* not ours to take */ }
        }
        Termios saved = t.attributes();
        t.setAttributes(saved.raw());
        try {
            return edit(prompt);
        } finally {
            t.setAttributes(saved);
        }
    }

    private String readCooked(String prompt) {
        sh.writeErr(prompt);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            int n = read(one);
            if (n <= 0) return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
            if (one[0] == '\n') return b.toString(StandardCharsets.UTF_8);
            b.write(one[0]);
        }
    }

    private int read(byte[] one) {
        while (true) {
            try {
                return sh.ctx.read(0, one, 0, 1);
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR)) { sh.runPendingTraps(); continue; }
                throw e;
            }
        }
    }

    private void out(String s) { sh.writeErr(s); }

    private String edit(String prompt) {
        out(prompt);
        StringBuilder buf = new StringBuilder();
        int cursor = 0;
        int hist = history.size();
        String stash = "";
        byte[] one = new byte[1];
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        int tabs = 0; // Tabs in a row: the second one lists ambiguous completions
        while (true) {
            if (read(one) <= 0) return buf.isEmpty() ? null : buf.toString();
            int c = one[0] & 0xff;
            if (c != 9) tabs = 0;
            switch (c) {
                case '\r', '\n' -> {
                    out("\r\n");
                    return buf.toString();
                }
                case 3 -> {
                    out("^C\r\n");
                    return CANCELLED;
                }
                case 4 -> {
                    if (buf.isEmpty()) { out("\r\n"); return null; }
                    if (cursor < buf.length()) { buf.deleteCharAt(cursor); redraw(prompt, buf, cursor); }
                }
                case 127, 8 -> {
                    if (cursor > 0) {
                        buf.deleteCharAt(--cursor);
                        if (cursor == buf.length()) out("\b \b");
                        else redraw(prompt, buf, cursor);
                    }
                }
                case 1 -> { cursor = 0; redraw(prompt, buf, cursor); }
                case 5 -> { cursor = buf.length(); redraw(prompt, buf, cursor); }
                case 2 -> { if (cursor > 0) { cursor--; out("\b"); } }
                case 6 -> { if (cursor < buf.length()) { out(buf.substring(cursor, cursor + 1)); cursor++; } }
                case 21 -> { buf.delete(0, cursor); cursor = 0; redraw(prompt, buf, cursor); }
                case 11 -> { buf.setLength(cursor); redraw(prompt, buf, cursor); }
                case 23 -> {
                    int k = cursor;
                    while (k > 0 && buf.charAt(k - 1) == ' ') k--;
                    while (k > 0 && buf.charAt(k - 1) != ' ') k--;
                    buf.delete(k, cursor);
                    cursor = k;
                    redraw(prompt, buf, cursor);
                }
                case 12 -> { out("\033[H\033[2J"); redraw(prompt, buf, cursor); }
                case 9 -> {
                    Completion.Result r = new Completion(sh).complete(buf.substring(0, cursor));
                    if (!r.insert().isEmpty()) {
                        buf.insert(cursor, r.insert());
                        cursor += r.insert().length();
                        tabs = 0;
                        redraw(prompt, buf, cursor);
                    } else if (r.candidates().size() > 1 && ++tabs >= 2) {
                        // a second Tab lists the candidates, as readline does, then redraws the line
                        out("\r\n" + String.join("  ", r.candidates()) + "\r\n");
                        redraw(prompt, buf, cursor);
                    }
                    continue;
                }
                case 27 -> {
                    if (read(one) <= 0) continue;
                    int b1 = one[0];
                    if (b1 != '[' && b1 != 'O') continue;
                    if (read(one) <= 0) continue;
                    int b2 = one[0];
                    switch (b2) {
                        case 'A', 'B' -> {
                            if (hist == history.size()) stash = buf.toString();
                            int nh = b2 == 'A' ? Math.max(0, hist - 1) : Math.min(history.size(), hist + 1);
                            if (nh != hist) {
                                hist = nh;
                                buf.setLength(0);
                                buf.append(hist == history.size() ? stash : history.get(hist));
                                cursor = buf.length();
                                redraw(prompt, buf, cursor);
                            }
                        }
                        case 'C' -> { if (cursor < buf.length()) { out(buf.substring(cursor, cursor + 1)); cursor++; } }
                        case 'D' -> { if (cursor > 0) { cursor--; out("\b"); } }
                        case 'H' -> { cursor = 0; redraw(prompt, buf, cursor); }
                        case 'F' -> { cursor = buf.length(); redraw(prompt, buf, cursor); }
                        case '3' -> {
                            read(one);
                            if (cursor < buf.length()) { buf.deleteCharAt(cursor); redraw(prompt, buf, cursor); }
                        }
                        default -> { }
                    }
                }
                default -> {
                    if (c < 32) continue;
                    String s;
                    if (c >= 0x80) {
                        utf8.write(c);
                        s = utf8.toString(StandardCharsets.UTF_8);
                        if (s.indexOf('\uFFFD') >= 0 && utf8.size() < 4) continue;
                        utf8.reset();
                    } else s = String.valueOf((char) c);
                    buf.insert(cursor, s);
                    cursor += s.length();
                    if (cursor == buf.length()) out(s);
                    else redraw(prompt, buf, cursor);
                }
            }
        }
    }

    private void redraw(String prompt, StringBuilder buf, int cursor) {
        StringBuilder b = new StringBuilder("\r").append(prompt).append(buf).append("\033[K");
        int back = buf.length() - cursor;
        if (back > 0) b.append("\033[").append(back).append('D');
        out(b.toString());
    }
}
