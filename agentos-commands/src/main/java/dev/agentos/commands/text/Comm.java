package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.Arrays;

/** comm: lines only in FILE1, only in FILE2, and in both, as three tab-indented columns. */
final class Comm extends TextCommand {
    @Override String name() { return "comm"; }

    @Override Getopt options() {
        return Getopt.create().flag('1', null, "1").flag('2', null, "2").flag('3', null, "3")
                .flag((char) 0, "check-order", "check").flag((char) 0, "nocheck-order", "nocheck")
                .withArg((char) 0, "output-delimiter", "od").flag((char) 0, "total", "total").flag('z', "zero-terminated", "z");
    }

    @Override int execute(Run r) {
        var ops = r.operands();
        if (ops.size() < 2) {
            throw r.usage(1, ops.isEmpty() ? "missing operand" : "missing operand after " + TextIo.quote(ops.get(0)));
        }
        if (ops.size() > 2) throw r.usage(1, "extra operand " + TextIo.quote(ops.get(2)));
        boolean show1 = !r.has("1"), show2 = !r.has("2"), show3 = !r.has("3");
        int check = 0; // 0 default, 1 enabled, -1 disabled
        for (Getopt.Option o : r.parsed.options()) {
            if (o.key().equals("check")) check = 1;
            if (o.key().equals("nocheck")) check = -1;
        }
        byte[] sep = TextIo.bytes("\t");
        if (r.parsed.all("od").size() > 1 && r.parsed.all("od").stream().distinct().count() > 1) throw r.fail(1, "multiple output delimiters specified");
        if (r.last("od").isPresent()) sep = r.last("od").get().isEmpty() ? new byte[] {0} : TextIo.bytes(r.last("od").get());
        byte delim = r.has("z") ? 0 : (byte) '\n';
        int[] fds = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                fds[i] = TextIo.open(r.ctx, ops.get(i));
            } catch (AgentOsException e) {
                if (i == 1) TextIo.close(r.ctx, fds[0]);
                throw r.fail(1, ops.get(i) + ": " + TextIo.reason(e));
            }
        }
        try {
            LineReader[] in = {new LineReader(r.ctx, fds[0], delim), fds[1] == fds[0] && fds[0] == 0 ? null : new LineReader(r.ctx, fds[1], delim)};
            if (in[1] == null) in[1] = in[0];
            byte[][] cur = {next(in[0]), next(in[1])};
            byte[][] prev = new byte[2][];
            boolean seenUnpairable = false;
            boolean[] warned = new boolean[2];
            long[] total = new long[3];
            while (cur[0] != null || cur[1] != null) {
                int order;
                if (cur[0] == null) order = 1;
                else if (cur[1] == null) order = -1;
                else order = Integer.signum(Arrays.compareUnsigned(cur[0], cur[1]));
                if (order == 0) {
                    total[2]++;
                    if (show3) {
                        if (show1) r.write(sep);
                        if (show2) r.write(sep);
                        line(r, cur[1], delim);
                    }
                } else {
                    seenUnpairable = true;
                    if (order < 0) {
                        total[0]++;
                        if (show1) line(r, cur[0], delim);
                    } else {
                        total[1]++;
                        if (show2) {
                            if (show1) r.write(sep);
                            line(r, cur[1], delim);
                        }
                    }
                }
                for (int i = 0; i < 2; i++) {
                    boolean step = i == 0 ? order <= 0 : order >= 0;
                    if (!step) continue;
                    prev[i] = cur[i];
                    cur[i] = next(in[i]);
                    if (cur[i] != null && check >= 0 && (check == 1 || seenUnpairable) && !warned[i]
                            && Arrays.compareUnsigned(prev[i], cur[i]) > 0) {
                        if (check == 1) throw r.fail(1, "file " + (i + 1) + " is not in sorted order");
                        r.error("file " + (i + 1) + " is not in sorted order");
                        warned[i] = true;
                    }
                }
            }
            if (r.has("total")) {
                r.print(total[0] + new String(sep, java.nio.charset.StandardCharsets.UTF_8) + total[1]
                        + new String(sep, java.nio.charset.StandardCharsets.UTF_8) + total[2]
                        + new String(sep, java.nio.charset.StandardCharsets.UTF_8) + "total");
                r.write(delim);
            }
            if (warned[0] || warned[1]) throw r.fail(1, "input is not in sorted order");
        } finally {
            TextIo.close(r.ctx, fds[0]);
            TextIo.close(r.ctx, fds[1]);
        }
        return 0;
    }

    private static void line(Run r, byte[] l, byte delim) {
        r.write(l);
        r.write(delim);
    }

    private static byte[] next(LineReader lr) {
        return lr.next() ? Arrays.copyOfRange(lr.buf, lr.start, lr.end) : null;
    }
}
