package dev.agentos.commands.procs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a pager shows, laid out for a screen width: each line cut (-S) or wrapped into screen rows,
 * optionally numbered (-N). Control characters show as {@code ^X} (ESC as {@code ESC}) unless -R
 * passes ANSI colour sequences through, which then take no width.
 */
final class PagerText {
    /** One screen row: the logical line it belongs to (0-based) and its text. */
    record Row(int line, boolean first, String text) {}

    private static final Pattern CSI = Pattern.compile("\033\\[[0-9;?]*[A-Za-z]");

    final List<String> lines;
    private final boolean chop;
    private final boolean numbers;
    private final boolean raw;

    PagerText(String text, boolean chop, boolean numbers, boolean raw) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
        this.lines = l;
        this.chop = chop;
        this.numbers = numbers;
        this.raw = raw;
    }

    List<Row> layout(int width) {
        List<Row> rows = new ArrayList<>();
        int textWidth = Math.max(1, numbers ? width - 8 : width);
        for (int i = 0; i < lines.size(); i++) {
            String shown = display(lines.get(i));
            List<String> parts = split(shown, textWidth);
            for (int p = 0; p < parts.size(); p++) {
                String prefix = !numbers ? "" : p == 0 ? String.format("%7d ", i + 1) : "        ";
                rows.add(new Row(i, p == 0, prefix + parts.get(p)));
                if (chop) break;
            }
        }
        return rows;
    }

    /** Control characters made visible, or kept raw with -R (only CSI sequences stay raw). */
    private String display(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                int col = visibleLength(sb.toString());
                sb.append(" ".repeat(8 - col % 8));
            } else if (c == 033 && raw) {
                Matcher m = CSI.matcher(line).region(i, line.length());
                if (m.lookingAt()) {
                    sb.append(m.group());
                    i = m.end() - 1;
                } else {
                    sb.append("ESC");
                }
            } else if (c == 033) {
                sb.append("ESC");
            } else if (c == '\r' && i == line.length() - 1) {
                // a CRLF line ending shows as the line alone, as less does
            } else if (c < 0x20 || c == 0x7f) {
                sb.append('^').append((char) (c ^ 0x40));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Splits into pieces of at most {@code width} visible characters, never inside a CSI sequence. */
    private static List<String> split(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int visible = 0;
        Matcher m = CSI.matcher(s);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == 033 && m.region(i, s.length()).lookingAt()) {
                cur.append(m.group());
                i = m.end() - 1;
                continue;
            }
            if (visible == width) {
                out.add(cur.toString());
                cur.setLength(0);
                visible = 0;
            }
            cur.append(s.charAt(i));
            visible++;
        }
        out.add(cur.toString());
        return out;
    }

    static int visibleLength(String s) {
        return CSI.matcher(s).replaceAll("").length();
    }

    /** The first logical line at or after {@code from} (or before, backwards) that matches; -1 if none. */
    int find(Pattern p, int from, boolean forward) {
        for (int i = from; forward ? i < lines.size() : i >= 0; i += forward ? 1 : -1) {
            if (p.matcher(CSI.matcher(lines.get(i)).replaceAll("")).find()) return i;
        }
        return -1;
    }
}
