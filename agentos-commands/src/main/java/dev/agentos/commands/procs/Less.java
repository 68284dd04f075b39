package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * less and more: pagers on a terminal (space/f and b page, j/k/arrows and Enter scroll, d/u half
 * pages, g/G ends, /pattern and ?pattern search with n/N, q quits; more ends at the end of the text).
 * Options: -N line numbers, -S chop long lines, -F quit when the text fits one screen, -R pass colour
 * sequences, -i case-insensitive search. When stdout is not a terminal both copy their input
 * through, as the real ones do (more with {@code ::::} headers between several files).
 */
final class Less implements Program {
    private final boolean more;

    Less(boolean more) {
        this.more = more;
    }

    private String name() { return more ? "more" : "less"; }

    @Override public int run(ProcessContext ctx) {
        Getopt.Parsed parsed;
        try {
            Getopt g = Getopt.create().flag('N', "LINE-NUMBERS", "N").flag('S', "chop-long-lines", "S")
                    .flag('F', "quit-if-one-screen", "F").flag('R', "RAW-CONTROL-CHARS", "R").flag('r', "raw-control-chars", "R")
                    .flag('i', "ignore-case", "i").flag('X', "no-init", "X").flag('E', "QUIT-AT-EOF", "E")
                    .flag('e', "quit-at-eof", "E").flag('V', "version", "V").flag((char) 0, "help", "help");
            parsed = g.parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), name() + ": " + e.getMessage() + "\n");
            return 1;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stdout(), more ? "more from util-linux 2.38.1\n" : "less 590 (agentOS)\n");
            return 0;
        }
        if (parsed.operands().isEmpty() && ctx.isatty(0)) {
            Gnu.print(ctx.stderr(), more ? "more: bad usage\nTry 'more --help' for more information.\n"
                    : "Missing filename (\"less --help\" for help)\n");
            return 1;
        }
        List<String> files = parsed.operands().isEmpty() ? List.of("-") : parsed.operands();
        StringBuilder text = new StringBuilder();
        int status = 0;
        // util-linux more names each file between colon lines when it is not paging (or pages several)
        boolean headers = more && (files.size() > 1 || !ctx.isatty(1) && !parsed.operands().isEmpty());
        for (String f : files) {
            try {
                String content = read(ctx, f);
                if (headers) text.append("::::::::::::::\n").append(f).append("\n::::::::::::::\n");
                text.append(content);
            } catch (AgentOsException e) {
                String reason = e.errno().map(Errno::strerror).orElse(e.getMessage());
                // less, copying through, reports on stdout among the text; on a terminal, on stderr
                if (more) Gnu.print(ctx.stderr(), "more: cannot open " + f + ": " + reason + "\n");
                else if (ctx.isatty(1)) Gnu.print(ctx.stderr(), f + ": " + reason + "\n");
                else text.append(f).append(": ").append(reason).append('\n');
            }
            if (!ctx.isatty(1)) {
                byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
                ctx.write(1, b, 0, b.length);
                text.setLength(0);
            }
        }
        if (!ctx.isatty(1)) return status;
        PagerText pager = new PagerText(text.toString(), parsed.has("S"), parsed.has("N"), parsed.has("R"));
        int cols = ctx.terminal(1).windowSize().cols();
        int rows = ctx.terminal(1).windowSize().rows();
        List<PagerText.Row> layout = pager.layout(cols);
        if ((parsed.has("F") || more) && layout.size() <= rows - 1) {
            StringBuilder sb = new StringBuilder();
            for (PagerText.Row r : layout) sb.append(r.text()).append('\n');
            Gnu.print(ctx.stdout(), sb.toString());
            return status;
        }
        new Session(ctx, pager, parsed.has("i"), parsed.has("E")).run();
        return status;
    }

    private static String read(ProcessContext ctx, String path) {
        int fd = path.equals("-") ? 0 : ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            if (!path.equals("-") && ctx.fstat(fd).isDirectory()) {
                throw AgentOsException.errnoDetail(Errno.EISDIR, path);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            if (fd != 0) ctx.close(fd);
        }
    }

    /** One interactive paging session. */
    private final class Session {
        private final ProcessContext ctx;
        private final PagerText pager;
        private final boolean ignoreCase;
        private final boolean quitAtEof;
        private List<PagerText.Row> layout;
        private int top;
        private Pattern search;
        private String message;

        Session(ProcessContext ctx, PagerText pager, boolean ignoreCase, boolean quitAtEof) {
            this.ctx = ctx;
            this.pager = pager;
            this.ignoreCase = ignoreCase;
            this.quitAtEof = quitAtEof;
        }

        void run() {
            try (RawTerminal term = RawTerminal.open(ctx)) {
                if (!more) term.write("\033[?1049h");
                try {
                    loop(term);
                } finally {
                    term.write(more ? "\r\033[K" : "\r\033[K\033[?1049l");
                }
            }
        }

        private void loop(RawTerminal term) {
            boolean atEndOnce = false;
            while (true) {
                int cols = term.size().cols();
                int page = Math.max(1, term.size().rows() - 1);
                layout = pager.layout(cols);
                int maxTop = Math.max(0, layout.size() - page);
                top = Math.max(0, Math.min(top, maxTop));
                boolean atEnd = top >= maxTop;
                if (more && atEnd) {
                    draw(term, page, false); // more ends once the last line is on the screen
                    return;
                }
                draw(term, page, true);
                if (quitAtEof && atEnd && atEndOnce) return;
                OptionalInt k = term.key(-1);
                if (k.isEmpty()) continue;
                int c = k.getAsInt();
                message = null;
                switch (c) {
                    case -1, 'q', 'Q' -> { return; }
                    case ' ', 'f', 6, 22, 'z' -> {
                        if (atEnd) atEndOnce = true;
                        top += page;
                    }
                    case 'b', 2, 'w' -> top -= page;
                    case 'j', 'e', '\r', '\n', 14, 5 -> {
                        if (atEnd) atEndOnce = true;
                        top++;
                    }
                    case 'k', 'y', 16, 25 -> top--;
                    case 'd', 4 -> top += page / 2;
                    case 'u', 21 -> top -= page / 2;
                    case 'g', '<' -> top = 0;
                    case 'G', '>' -> top = Integer.MAX_VALUE / 2;
                    case 27 -> escape(term, page);
                    case '/', '?' -> prompt(term, c == '/');
                    case 'n' -> next(true);
                    case 'N' -> next(false);
                    default -> { }
                }
            }
        }

        private void escape(RawTerminal term, int page) {
            OptionalInt a = term.key(50);
            if (a.isEmpty() || a.getAsInt() != '[') return;
            OptionalInt b = term.key(50);
            if (b.isEmpty()) return;
            switch (b.getAsInt()) {
                case 'A' -> top--;
                case 'B' -> top++;
                case '5' -> { term.key(50); top -= page; }
                case '6' -> { term.key(50); top += page; }
                case 'H' -> top = 0;
                case 'F' -> top = Integer.MAX_VALUE / 2;
                default -> { }
            }
        }

        private void draw(RawTerminal term, int page, boolean withPrompt) {
            StringBuilder sb = new StringBuilder(more ? "\r\033[K" : "\033[H\033[2J");
            int end = Math.min(layout.size(), top + page);
            for (int i = top; i < end; i++) {
                String t = layout.get(i).text();
                sb.append(search == null ? t : highlight(t)).append("\r\n");
            }
            if (!more) for (int i = end - top; i < page; i++) sb.append("~\r\n");
            boolean atEnd = end >= layout.size();
            if (!withPrompt) {
                term.write(sb.toString());
                return;
            }
            if (message != null) sb.append("\033[7m").append(message).append("\033[27m");
            else if (more) sb.append("\033[7m--More--").append(atEnd ? "(END)" : "(" + percent(end) + "%)").append("\033[27m");
            else sb.append(atEnd ? "\033[7m(END)\033[27m" : ":");
            term.write(sb.toString());
        }

        private int percent(int endRow) {
            return layout.isEmpty() ? 100 : (int) (100L * endRow / layout.size());
        }

        private String highlight(String text) {
            return search.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("\033[7m" + m.group() + "\033[27m"));
        }

        /** Reads a search pattern on the prompt line and jumps to its first match. */
        private void prompt(RawTerminal term, boolean forward) {
            StringBuilder p = new StringBuilder();
            String lead = forward ? "/" : "?";
            term.write("\r\033[K" + lead);
            while (true) {
                OptionalInt k = term.key(-1);
                if (k.isEmpty()) continue;
                int c = k.getAsInt();
                if (c == -1 || c == 27 || c == 3) return;
                if (c == '\r' || c == '\n') break;
                if (c == 127 || c == 8) {
                    if (p.isEmpty()) return;
                    p.setLength(p.length() - 1);
                } else {
                    p.append((char) c);
                }
                term.write("\r\033[K" + lead + p);
            }
            if (p.isEmpty() && search != null) {
                next(forward);
                return;
            }
            try {
                search = Pattern.compile(p.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (PatternSyntaxException e) {
                message = "Invalid pattern  (press RETURN)";
                return;
            }
            next(forward);
        }

        /** Moves to the next (or previous) line holding a match, past the top line. */
        private void next(boolean forward) {
            if (search == null) {
                message = "No previous regular expression  (press RETURN)";
                return;
            }
            int current = layout.isEmpty() ? 0 : layout.get(Math.min(top, layout.size() - 1)).line();
            int found = pager.find(search, forward ? current + 1 : current - 1, forward);
            if (found < 0) {
                message = "Pattern not found  (press RETURN)";
                return;
            }
            for (int i = 0; i < layout.size(); i++) {
                if (layout.get(i).line() == found && layout.get(i).first()) {
                    top = i;
                    return;
                }
            }
        }
    }
}
