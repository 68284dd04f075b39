package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.List;

/** unexpand: leading (or, with -a, all) runs of blanks to tabs at the given tab stops. */
final class Unexpand extends TextCommand {
    @Override String name() { return "unexpand"; }

    @Override Getopt options() {
        return Getopt.create().flag('a', "all", "a").flag((char) 0, "first-only", "first").withArg('t', "tabs", "t")
                .withArg((char) 0, "obsolete-tab-stops", "obsolete-t");
    }

    @Override List<String> normalize(List<String> args) { return TabStops.normalize(args); }

    @Override int execute(Run r) {
        TabStops stops = new TabStops();
        stops.parseAll(r);
        stops.finish(r);
        boolean entireLine = (r.has("a") || r.has("t")) && !r.has("first");
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
                    line(r, lr, stops, entireLine);
                    if (lr.delimited) r.write('\n');
                }
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }

    /** GNU's unexpand loop for one line (without its newline). */
    private static void line(Run r, LineReader lr, TabStops stops, boolean entireLine) {
        boolean convert = true;
        long column = 0;
        int[] index = {0};
        boolean oneBlankBeforeTabStop = false;
        long nextTab = 0;
        byte[] pending = new byte[lr.length() + 1];
        int pendingCount = 0;
        boolean prevBlank = true;
        for (int i = lr.start; i <= lr.end; i++) {
            int c = i < lr.end ? lr.buf[i] & 0xff : -1;
            if (convert) {
                boolean blank = c == ' ' || c == '\t';
                if (blank) {
                    nextTab = stops.next(column, index);
                    if (nextTab < 0) convert = false;
                    if (convert) {
                        if (c == '\t') {
                            column = nextTab;
                            if (pendingCount > 0) pending[0] = '\t';
                        } else {
                            column++;
                            if (!(prevBlank && column == nextTab)) {
                                if (column == nextTab) oneBlankBeforeTabStop = true;
                                pending[pendingCount++] = (byte) c;
                                prevBlank = true;
                                continue;
                            }
                            c = '\t';
                            pending[0] = '\t';
                        }
                        pendingCount = oneBlankBeforeTabStop ? 1 : 0;
                    }
                } else if (c == '\b') {
                    if (column > 0) column--;
                    nextTab = column;
                    if (index[0] > 0) index[0]--;
                } else {
                    column++;
                }
                if (pendingCount > 0) {
                    if (pendingCount > 1 && oneBlankBeforeTabStop) pending[0] = '\t';
                    r.write(pending, 0, pendingCount);
                    pendingCount = 0;
                    oneBlankBeforeTabStop = false;
                }
                prevBlank = blank;
                convert &= entireLine || blank;
            }
            if (c < 0) return;
            r.write(c);
        }
    }
}
