package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/** paste: merges corresponding lines of files (or each file's lines, with -s), cycling delimiters. */
final class Paste extends TextCommand {
    @Override String name() { return "paste"; }

    @Override Getopt options() {
        return Getopt.create().withArg('d', "delimiters", "d").flag('s', "serial", "s").flag('z', "zero-terminated", "z");
    }

    @Override int execute(Run r) {
        String spec = r.last("d").orElse("\t");
        List<byte[]> delims = new ArrayList<>();
        byte[] raw = TextIo.bytes(spec);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\\') {
                delims.add(new byte[] {raw[i]});
                continue;
            }
            if (++i >= raw.length) throw r.fail(1, "delimiter list ends with an unescaped backslash: " + spec);
            switch (raw[i]) {
                case '0' -> delims.add(new byte[0]);
                case 'n' -> delims.add(new byte[] {'\n'});
                case 't' -> delims.add(new byte[] {'\t'});
                case '\\' -> delims.add(new byte[] {'\\'});
                case 'b' -> delims.add(new byte[] {'\b'});
                case 'f' -> delims.add(new byte[] {'\f'});
                case 'r' -> delims.add(new byte[] {'\r'});
                case 'v' -> delims.add(new byte[] {0x0b});
                default -> delims.add(new byte[] {raw[i]});
            }
        }
        if (delims.isEmpty()) delims.add(new byte[0]);
        byte eol = r.has("z") ? 0 : (byte) '\n';
        List<String> files = r.files();
        int[] fds = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try {
                fds[i] = TextIo.open(r.ctx, files.get(i));
            } catch (AgentOsException e) {
                for (int j = 0; j < i; j++) TextIo.close(r.ctx, fds[j]);
                throw r.fail(1, files.get(i) + ": " + TextIo.reason(e));
            }
        }
        try {
            if (r.has("s")) serial(r, files, fds, delims, eol);
            else parallel(r, files, fds, delims, eol);
        } catch (AgentOsException e) {
            throw r.fail(1, TextIo.reason(e));
        } finally {
            for (int fd : fds) TextIo.close(r.ctx, fd);
        }
        return 0;
    }

    private static void serial(Run r, List<String> files, int[] fds, List<byte[]> delims, byte eol) {
        LineReader stdin = null;
        for (int i = 0; i < fds.length; i++) {
            LineReader lr = fds[i] == 0 ? (stdin == null ? stdin = new LineReader(r.ctx, 0, eol) : stdin) : new LineReader(r.ctx, fds[i], eol);
            int d = 0;
            boolean any = false;
            while (lr.next()) {
                if (any) {
                    r.write(delims.get(d));
                    d = (d + 1) % delims.size();
                }
                r.write(lr.buf, lr.start, lr.length());
                any = true;
            }
            r.write(eol);
        }
    }

    private static void parallel(Run r, List<String> files, int[] fds, List<byte[]> delims, byte eol) {
        int n = fds.length;
        LineReader[] readers = new LineReader[n];
        LineReader stdin = null;
        for (int i = 0; i < n; i++) {
            if (fds[i] == 0) readers[i] = stdin == null ? stdin = new LineReader(r.ctx, 0, eol) : stdin;
            else readers[i] = new LineReader(r.ctx, fds[i], eol);
        }
        boolean[] done = new boolean[n];
        int open = n;
        while (open > 0) {
            boolean anyLine = false;
            TextIo.Bytes line = new TextIo.Bytes(256);
            int pendingDelims = 0;
            for (int i = 0; i < n; i++) {
                boolean got = false;
                if (!done[i]) {
                    got = readers[i].next();
                    if (!got) {
                        done[i] = true;
                        open--;
                    }
                }
                if (got) {
                    for (int k = i - pendingDelims; k < i; k++) line.write(delims.get(k % delims.size()), 0, delims.get(k % delims.size()).length);
                    pendingDelims = 0;
                    line.write(readers[i].buf, readers[i].start, readers[i].length());
                    anyLine = true;
                }
                if (i < n - 1) pendingDelims++;
            }
            if (!anyLine) break;
            for (int k = n - 1 - pendingDelims; k < n - 1; k++) line.write(delims.get(k % delims.size()), 0, delims.get(k % delims.size()).length);
            line.write(eol);
            r.write(line.array(), 0, line.size());
        }
    }
}
