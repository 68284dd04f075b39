package dev.agentos.commands.files;

import java.util.List;

/** ls's -C layout: names down then across, as many columns as fit the line (GNU's calculate_columns); -w 0 means no limit (and no tabs). */
final class Columns {
    private static final int MIN_COLUMN_WIDTH = 3;
    private static final int TAB = 8;

    private Columns() {}

    static String vertical(List<String> cells, int lineWidth) {
        return vertical(cells, lineWidth, lineWidth != Integer.MAX_VALUE);
    }

    /** {@code tabs}: GNU pads with tabs unless the width is unlimited or colors are on. */
    static String vertical(List<String> cells, int lineWidth, boolean tabs) {
        int n = cells.size();
        if (n == 0) return "";
        int maxCols = Math.max(1, Math.min(n, lineWidth / MIN_COLUMN_WIDTH));
        int best = 1;
        int[] bestWidths = null;
        for (int cols = 1; cols <= maxCols; cols++) {
            int rows = (n + cols - 1) / cols;
            int[] widths = new int[cols];
            java.util.Arrays.fill(widths, MIN_COLUMN_WIDTH);
            for (int i = 0; i < n; i++) {
                int col = i / rows;
                int w = width(cells.get(i)) + (col == cols - 1 ? 0 : 2);
                widths[col] = Math.max(widths[col], w);
            }
            int total = 0;
            for (int w : widths) total += w;
            if (total < lineWidth || cols == 1) {
                best = cols;
                bestWidths = widths;
            }
        }
        int rows = (n + best - 1) / best;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            int pos = 0;
            for (int c = 0; c < best; c++) {
                int i = c * rows + r;
                if (i >= n) break;
                String s = cells.get(i);
                sb.append(s);
                boolean last = (c + 1) * rows + r >= n;
                if (!last && !tabs) sb.append(" ".repeat(bestWidths[c] - width(s)));
                else if (!last) indent(sb, pos + width(s), pos + bestWidths[c]);
                pos += bestWidths[c];
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Display width: color escapes take no columns. */
    private static int width(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    /** GNU ls pads with tabs where a tab stop (every 8) fits, then spaces. */
    private static void indent(StringBuilder sb, int from, int to) {
        while (from < to) {
            if (to / TAB > (from + 1) / TAB) {
                sb.append('\t');
                from += TAB - from % TAB;
            } else {
                sb.append(' ');
                from++;
            }
        }
    }
}
