package dev.agentos.commands.diff;

import java.util.List;

/** Writes a rejected hunk back out in the format it came in, as patch's .rej files hold them. */
final class RejectFormat {
    private RejectFormat() {}

    static String unified(PatchHunk h) {
        List<String> o = h.oldLines(), n = h.newLines();
        StringBuilder sb = new StringBuilder("@@ -").append(range(h.oldStart(), o.size()))
                .append(" +").append(range(h.newStart(), n.size())).append(" @@\n");
        for (PatchHunk.Line l : h.lines()) line(sb, String.valueOf(l.kind()), l.text());
        return sb.toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    private static void line(StringBuilder sb, String prefix, String text) {
        sb.append(prefix).append(text);
        if (!text.endsWith("\n")) sb.append("\n\\ No newline at end of file\n");
    }

    static String context(PatchHunk h) {
        List<String> o = h.oldLines(), n = h.newLines();
        StringBuilder sb = new StringBuilder("***************\n*** ").append(ctxRange(h.oldStart(), o.size())).append(" ****\n");
        boolean anyOld = h.lines().stream().anyMatch(l -> l.kind() == '-');
        boolean anyNew = h.lines().stream().anyMatch(l -> l.kind() == '+');
        List<PatchHunk.Line> ls = h.lines();
        if (anyOld) {
            for (int i = 0; i < ls.size(); i++) {
                PatchHunk.Line l = ls.get(i);
                if (l.kind() == '+') continue;
                line(sb, l.kind() == ' ' ? "  " : changedBlock(ls, i) ? "! " : "- ", l.text());
            }
        }
        sb.append("--- ").append(ctxRange(h.newStart(), n.size())).append(" ----\n");
        if (anyNew) {
            for (int i = 0; i < ls.size(); i++) {
                PatchHunk.Line l = ls.get(i);
                if (l.kind() == '-') continue;
                line(sb, l.kind() == ' ' ? "  " : changedBlock(ls, i) ? "! " : "+ ", l.text());
            }
        }
        return sb.toString();
    }

    /** Whether the run of changes around line i both removes and adds. */
    private static boolean changedBlock(List<PatchHunk.Line> ls, int i) {
        int a = i, b = i;
        while (a > 0 && ls.get(a - 1).kind() != ' ') a--;
        while (b + 1 < ls.size() && ls.get(b + 1).kind() != ' ') b++;
        boolean minus = false, plus = false;
        for (int k = a; k <= b; k++) {
            minus |= ls.get(k).kind() == '-';
            plus |= ls.get(k).kind() == '+';
        }
        return minus && plus;
    }

    private static String ctxRange(int start, int count) {
        if (count == 0) return Integer.toString(start);
        return count == 1 ? Integer.toString(start) : start + "," + (start + count - 1);
    }
}
