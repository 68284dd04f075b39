package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/** fold: wraps lines at WIDTH columns (or bytes with -b), at the last blank with -s. */
final class Fold extends TextCommand {
    @Override String name() { return "fold"; }

    @Override Getopt options() {
        return Getopt.create().flag('b', "bytes", "b").flag('s', "spaces", "s").withArg('w', "width", "w");
    }

    @Override List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) options = false;
            if (options && a.length() > 1 && a.charAt(0) == '-' && Character.isDigit(a.charAt(1))) out.add("-w" + a.substring(1));
            else out.add(a);
        }
        return out;
    }

    private boolean bytes;

    /** The program is shared by every process: each run gets its own instance for its state. */
    @Override int execute(Run r) {
        return new Fold().executeOnce(r);
    }

    private int executeOnce(Run r) {
        bytes = r.has("b");
        boolean spaces = r.has("s");
        long width = 80;
        if (r.last("w").isPresent()) {
            String v = r.last("w").get();
            try {
                width = Sizes.parse(v, "");
                if (width == 0) throw r.fail(1, "invalid number of columns: " + TextIo.quote(v) + ": Numerical result out of range");
            } catch (Sizes.Invalid e) {
                throw r.fail(1, "invalid number of columns: " + TextIo.quote(v));
            }
        }
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
                fold(r, fd, width, spaces);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }

    private long adjust(long column, int c) {
        if (bytes) return column + 1;
        if (c == '\b') return column > 0 ? column - 1 : 0;
        if (c == '\r') return 0;
        if (c == '\t') return column + 8 - column % 8;
        return column + 1;
    }

    private void fold(Run r, int fd, long width, boolean spaces) {
        byte[] in = new byte[TextIo.BLOCK];
        byte[] line = new byte[256];
        int off = 0;
        long column = 0;
        int n;
        while ((n = r.ctx.read(fd, in, 0, in.length)) > 0) {
            for (int k = 0; k < n; k++) {
                int c = in[k] & 0xff;
                if (off + 2 >= line.length) line = java.util.Arrays.copyOf(line, line.length * 2);
                if (c == '\n') {
                    line[off++] = (byte) c;
                    r.write(line, 0, off);
                    column = 0;
                    off = 0;
                    continue;
                }
                while (true) {
                    column = adjust(column, c);
                    if (column > width) {
                        if (spaces) {
                            int end = off;
                            boolean found = false;
                            while (end > 0) {
                                end--;
                                if (line[end] == ' ' || line[end] == '\t') { found = true; break; }
                            }
                            if (found) {
                                end++;
                                r.write(line, 0, end);
                                r.write('\n');
                                System.arraycopy(line, end, line, 0, off - end);
                                off -= end;
                                column = 0;
                                for (int i = 0; i < off; i++) column = adjust(column, line[i] & 0xff);
                                continue;
                            }
                        }
                        if (off == 0) {
                            line[off++] = (byte) c;
                            break;
                        }
                        line[off++] = '\n';
                        r.write(line, 0, off);
                        column = 0;
                        off = 0;
                        continue;
                    }
                    line[off++] = (byte) c;
                    break;
                }
            }
        }
        if (off > 0) r.write(line, 0, off);
    }
}
