package dev.agentos.commands.diff;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an edit script in GNU diff's normal, context (-c) or unified (-u) format: changes closer
 * than twice the context merge into one hunk, and with -B a hunk made only of blank-line changes is
 * left out.
 */
final class HunkPrinter {
    enum Style { NORMAL, CONTEXT, UNIFIED }

    private final TextFile f0;
    private final TextFile f1;
    private final Style style;
    private final int context;
    private final boolean ignoreBlankLines;
    private final Whitespace ws;
    private final ByteArrayOutputStream out;

    HunkPrinter(TextFile f0, TextFile f1, Style style, int context, boolean ignoreBlankLines, Whitespace ws, ByteArrayOutputStream out) {
        this.f0 = f0;
        this.f1 = f1;
        this.style = style;
        this.context = context;
        this.ignoreBlankLines = ignoreBlankLines;
        this.ws = ws;
        this.out = out;
    }

    /** True when some change is not ignorable (with -B, blank-line changes are). */
    static boolean anyReal(List<Change> script, TextFile f0, TextFile f1, boolean ignoreBlankLines, Whitespace ws) {
        if (!ignoreBlankLines) return !script.isEmpty();
        for (Change c : script) if (!ignorable(c, f0, f1, ws)) return true;
        return false;
    }

    private static boolean ignorable(Change c, TextFile f0, TextFile f1, Whitespace ws) {
        for (int i = c.line0(); i < c.end0(); i++) if (!blank(f0, i, ws)) return false;
        for (int i = c.line1(); i < c.end1(); i++) if (!blank(f1, i, ws)) return false;
        return true;
    }

    private static boolean blank(TextFile f, int line, Whitespace ws) {
        int len = f.contentLength(line);
        if (len == 0) return true;
        if (ws.compareTo(Whitespace.TRAILING) < 0) return false;
        for (int i = f.start(line), e = i + len; i < e; i++) if (!LineClasses.isSpace(f.buf[i])) return false;
        return true;
    }

    void print(List<Change> script) {
        boolean[] ignore = new boolean[script.size()];
        if (ignoreBlankLines) for (int i = 0; i < ignore.length; i++) ignore[i] = ignorable(script.get(i), f0, f1, ws);
        int i = 0;
        while (i < script.size()) {
            int j = i;
            if (style != Style.NORMAL) {
                while (j + 1 < script.size()) {
                    Change prev = script.get(j), next = script.get(j + 1);
                    int thresh = ignore[j + 1] ? context : 2 * context + 1;
                    if (next.line0() - prev.end0() >= thresh) break;
                    j++;
                }
            }
            List<Change> hunk = script.subList(i, j + 1);
            boolean all = true;
            for (int k = i; k <= j; k++) all &= ignore[k];
            if (!all) {
                switch (style) {
                    case NORMAL -> normal(hunk.get(0));
                    case UNIFIED -> unified(hunk);
                    case CONTEXT -> context(hunk);
                }
            }
            i = j + 1;
        }
    }

    // ---- normal ----

    private void normal(Change c) {
        char op = c.deleted() == 0 ? 'a' : c.inserted() == 0 ? 'd' : 'c';
        range(c.line0() + 1, c.end0(), ',');
        out.write(op);
        range(c.line1() + 1, c.end1(), ',');
        out.write('\n');
        for (int i = c.line0(); i < c.end0(); i++) line("< ", f0, i);
        if (c.deleted() > 0 && c.inserted() > 0) write("---\n");
        for (int i = c.line1(); i < c.end1(); i++) line("> ", f1, i);
    }

    /** GNU's print_number_range: "a,b", or just b for one line or none. */
    private void range(int a, int b, char sep) {
        if (b <= a) write(Integer.toString(b));
        else write(a + String.valueOf(sep) + b);
    }

    // ---- unified ----

    private void unified(List<Change> hunk) {
        Change first = hunk.get(0), last = hunk.get(hunk.size() - 1);
        int first0 = Math.max(first.line0() - context, 0);
        int first1 = Math.max(first.line1() - context, 0);
        int last0 = Math.min(last.end0() - 1 + context, f0.lines - 1);
        int last1 = Math.min(last.end1() - 1 + context, f1.lines - 1);
        write("@@ -");
        unifiedRange(first0 + 1, last0 + 1);
        write(" +");
        unifiedRange(first1 + 1, last1 + 1);
        write(" @@\n");
        int i = first0, j = first1, k = 0;
        while (i <= last0 || j <= last1) {
            Change next = k < hunk.size() ? hunk.get(k) : null;
            if (next == null || i < next.line0()) {
                line(" ", f0, i);
                i++;
                j++;
            } else {
                for (int n = 0; n < next.deleted(); n++) line("-", f0, i++);
                for (int n = 0; n < next.inserted(); n++) line("+", f1, j++);
                k++;
            }
        }
    }

    private void unifiedRange(int a, int b) {
        if (b <= a) write(b < a ? b + ",0" : Integer.toString(b));
        else write(a + "," + (b - a + 1));
    }

    // ---- context ----

    private void context(List<Change> hunk) {
        Change first = hunk.get(0), last = hunk.get(hunk.size() - 1);
        int first0 = Math.max(first.line0() - context, 0);
        int first1 = Math.max(first.line1() - context, 0);
        int last0 = Math.min(last.end0() - 1 + context, f0.lines - 1);
        int last1 = Math.min(last.end1() - 1 + context, f1.lines - 1);
        boolean old = false, neu = false;
        for (Change c : hunk) {
            old |= c.deleted() > 0;
            neu |= c.inserted() > 0;
        }
        write("***************\n*** ");
        range(first0 + 1, last0 + 1, ',');
        write(" ****\n");
        if (old) {
            List<Change> rest = new ArrayList<>(hunk);
            for (int i = first0; i <= last0; i++) {
                while (!rest.isEmpty() && rest.get(0).end0() <= i) rest.remove(0);
                String prefix = "  ";
                if (!rest.isEmpty() && rest.get(0).line0() <= i) prefix = rest.get(0).inserted() > 0 ? "! " : "- ";
                line(prefix, f0, i);
            }
        }
        write("--- ");
        range(first1 + 1, last1 + 1, ',');
        write(" ----\n");
        if (neu) {
            List<Change> rest = new ArrayList<>(hunk);
            for (int i = first1; i <= last1; i++) {
                while (!rest.isEmpty() && rest.get(0).end1() <= i) rest.remove(0);
                String prefix = "  ";
                if (!rest.isEmpty() && rest.get(0).line1() <= i) prefix = rest.get(0).deleted() > 0 ? "! " : "+ ";
                line(prefix, f1, i);
            }
        }
    }

    private void line(String prefix, TextFile f, int i) {
        write(prefix);
        out.write(f.buf, f.start(i), f.contentLength(i) + 1);
        if (f.incomplete(i)) write("\\ No newline at end of file\n");
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
