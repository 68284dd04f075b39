package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/** column (util-linux): entries filled into columns (or rows, -x), or a -t table aligned by cell. */
final class Column extends TextCommand {
    private static final int TAB = 8;

    @Override String name() { return "column"; }

    @Override String packageName() { return "util-linux"; }

    @Override String version() { return "2.38.1"; }

    @Override Getopt options() {
        return Getopt.create().flag('t', "table", "t").withArg('s', "separator", "s").withArg('o', "output-separator", "o")
                .withArg('c', "output-width", "c").flag('x', "fillrows", "x").flag('L', "keep-empty-lines", "L")
                .flag('R', null, "R").withArg('N', "table-columns", "N").flag('n', "no-merge?", "n").flag('V', null, "--version")
                .flag('h', null, "--help");
    }

    @Override int execute(Run r) {
        int width = 80;
        String cols = r.ctx.getenv("COLUMNS").orElse(null);
        if (cols != null) {
            try {
                width = Integer.parseInt(cols);
            } catch (NumberFormatException ignored) {
                // keep 80
            }
        }
        if (r.last("c").isPresent()) {
            try {
                width = Integer.parseInt(r.last("c").get());
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid columns argument: '" + r.last("c").get() + "'");
            }
        }
        boolean table = r.has("t");
        if (!table && r.has("N")) throw r.fail(1, "option --table required for all --table-*");
        List<String> entries = new ArrayList<>();
        int status = 0;
        for (String f : r.files()) {
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
                continue;
            }
            try {
                LineReader lr = new LineReader(r.ctx, fd, (byte) '\n');
                while (lr.next()) {
                    String line = new String(lr.buf, lr.start, lr.length(), java.nio.charset.StandardCharsets.UTF_8);
                    if (line.isEmpty() && !(table && r.has("L"))) continue;
                    entries.add(line);
                }
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        if (status != 0 && entries.isEmpty()) return status;
        if (table) {
            table(r, entries, r.last("s").orElse(null), r.last("o").orElse("  "));
            return status;
        }
        if (entries.isEmpty()) return status;
        int max = 0;
        for (String e : entries) max = Math.max(max, e.length());
        max = (max + TAB) & ~(TAB - 1);
        StringBuilder sb = new StringBuilder();
        if (max >= width) {
            for (String e : entries) sb.append(e).append('\n');
        } else if (r.has("x")) {
            int numcols = width / max;
            int chcnt = 0, col = 0, endcol = max;
            for (int i = 0; i < entries.size(); i++) {
                sb.append(entries.get(i));
                chcnt += entries.get(i).length();
                if (i == entries.size() - 1) break;
                if (++col == numcols) {
                    chcnt = 0;
                    col = 0;
                    endcol = max;
                    sb.append('\n');
                } else {
                    int cnt;
                    while ((cnt = (chcnt + TAB) & ~(TAB - 1)) <= endcol) {
                        sb.append('\t');
                        chcnt = cnt;
                    }
                    endcol += max;
                }
            }
            if (chcnt > 0) sb.append('\n');
        } else {
            int numcols = Math.max(1, width / max);
            int n = entries.size();
            int numrows = n / numcols + (n % numcols != 0 ? 1 : 0);
            for (int row = 0; row < numrows; row++) {
                int endcol = max, chcnt = 0;
                for (int base = row, col = 0; col < numcols; col++) {
                    sb.append(entries.get(base));
                    chcnt += entries.get(base).length();
                    if ((base += numrows) >= n) break;
                    int cnt;
                    while ((cnt = (chcnt + TAB) & ~(TAB - 1)) <= endcol) {
                        sb.append('\t');
                        chcnt = cnt;
                    }
                    endcol += max;
                }
                sb.append('\n');
            }
        }
        r.print(sb.toString());
        return status;
    }

    private static void table(Run r, List<String> lines, String seps, String outSep) {
        List<List<String>> rows = new ArrayList<>();
        int ncols = 0;
        for (String line : lines) {
            List<String> cells = new ArrayList<>();
            if (seps == null) {
                for (String c : line.strip().split("[ \t]+")) if (!c.isEmpty() || cells.isEmpty()) cells.add(c);
                if (line.isBlank()) cells = new ArrayList<>(List.of(""));
            } else {
                int start = 0;
                for (int i = 0; i < line.length(); i++) {
                    if (seps.indexOf(line.charAt(i)) >= 0) {
                        cells.add(line.substring(start, i));
                        start = i + 1;
                    }
                }
                cells.add(line.substring(start));
            }
            rows.add(cells);
            ncols = Math.max(ncols, cells.size());
        }
        int[] widths = new int[ncols];
        for (List<String> row : rows) for (int j = 0; j < row.size(); j++) widths[j] = Math.max(widths[j], row.get(j).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                String c = row.get(j);
                sb.append(c);
                if (j < ncols - 1) {
                    sb.append(" ".repeat(widths[j] - c.length()));
                    sb.append(outSep);
                }
            }
            sb.append('\n');
        }
        r.print(sb.toString());
    }
}
