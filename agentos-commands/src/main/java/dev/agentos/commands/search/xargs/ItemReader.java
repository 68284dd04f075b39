package dev.agentos.commands.search.xargs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Splits xargs input into items: blank-separated with quotes, by lines (-I), or by a delimiter (-0, -d). */
final class ItemReader {
    enum Mode { QUOTED, LINES, DELIMITED }

    /** Unbalanced quotes: GNU's message without the program name. */
    static final class QuoteError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuoteError(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final Mode mode;
    private final int delim;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private boolean eof;
    /** True when the last item returned ended a logical input line (for -L). */
    boolean endedLine;

    ItemReader(InputStream in, Mode mode, int delim) {
        this.in = in;
        this.mode = mode;
        this.delim = delim;
    }

    private int read() throws IOException {
        if (pos == lim) {
            if (eof) return -1;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++] & 0xff;
    }

    private void unread() {
        pos--;
    }

    /** The next item, or null at end of input. */
    String next() throws IOException {
        return switch (mode) {
            case DELIMITED -> delimited();
            case LINES -> line();
            case QUOTED -> quoted();
        };
    }

    private String delimited() throws IOException {
        ByteArrayOutputStream item = new ByteArrayOutputStream();
        int c;
        boolean any = false;
        while ((c = read()) >= 0) {
            any = true;
            if (c == delim) {
                endedLine = true;
                return text(item);
            }
            item.write(c);
        }
        endedLine = true;
        return any && item.size() > 0 ? text(item) : null;
    }

    private String line() throws IOException {
        while (true) {
            ByteArrayOutputStream item = new ByteArrayOutputStream();
            int c;
            boolean any = false;
            boolean leading = true;
            while ((c = read()) >= 0 && c != '\n') {
                any = true;
                if (leading && (c == ' ' || c == '\t')) continue;
                leading = false;
                item.write(c);
            }
            endedLine = true;
            if (!any && c < 0) return null;
            if (item.size() > 0) return text(item);
            if (c < 0) return null;
        }
    }

    private String quoted() throws IOException {
        int c;
        // skip blanks; a newline here ends a line only after an item
        while ((c = read()) >= 0 && (c == ' ' || c == '\t' || c == '\n')) { }
        if (c < 0) return null;
        ByteArrayOutputStream item = new ByteArrayOutputStream();
        while (c >= 0) {
            if (c == ' ' || c == '\t') {
                // a blank before the newline continues the line for -L
                int d;
                boolean sawNewline = false;
                while ((d = read()) == ' ' || d == '\t') { }
                if (d >= 0) unread();
                endedLine = sawNewline;
                return text(item);
            }
            if (c == '\n') {
                endedLine = true;
                return text(item);
            }
            if (c == '\'' || c == '"') {
                int q = c;
                while (true) {
                    c = read();
                    if (c < 0 || c == '\n') {
                        throw new QuoteError("unmatched " + (q == '"' ? "double" : "single")
                                + " quote; by default quotes are special to xargs unless you use the -0 option");
                    }
                    if (c == q) break;
                    item.write(c);
                }
            } else if (c == '\\') {
                c = read();
                if (c < 0) break;
                item.write(c);
            } else {
                item.write(c);
            }
            c = read();
        }
        endedLine = true;
        return text(item);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
