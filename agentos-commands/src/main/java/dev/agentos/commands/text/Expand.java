package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.List;

/** expand: tabs to spaces (all, or only leading ones with -i) at the given tab stops. */
final class Expand extends TextCommand {
    @Override String name() { return "expand"; }

    @Override Getopt options() {
        return Getopt.create().flag('i', "initial", "i").withArg('t', "tabs", "t")
                .withArg((char) 0, "obsolete-tab-stops", "obsolete-t");
    }

    @Override List<String> normalize(List<String> args) { return TabStops.normalize(args); }

    @Override int execute(Run r) {
        TabStops stops = new TabStops();
        stops.parseAll(r);
        stops.finish(r);
        boolean initialOnly = r.has("i");
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
                    long column = 0;
                    int[] index = {0};
                    boolean convert = true;
                    for (int i = lr.start; i < lr.end; i++) {
                        int c = lr.buf[i] & 0xff;
                        if (convert) {
                            if (c == '\t') {
                                long next = stops.next(column, index);
                                if (next < 0) next = column + 1;
                                while (++column < next) r.write(' ');
                                c = ' ';
                            } else if (c == '\b') {
                                if (column > 0) column--;
                                if (index[0] > 0) index[0]--;
                            } else {
                                column++;
                            }
                            convert = !initialOnly || c == ' ' || c == '\t';
                        }
                        r.write(c);
                    }
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
}
