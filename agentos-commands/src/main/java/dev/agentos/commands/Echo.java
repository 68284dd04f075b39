package dev.agentos.commands;

import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** echo: GNU coreutils' echo with -n, -e, -E and the backslash escapes of -e. */
final class Echo implements Program {
    @Override public int run(ProcessContext ctx) {
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        if (Gnu.helpOrVersion(ctx, "echo", "Usage: echo [SHORT-OPTION]... [STRING]...\n  or:  echo LONG-OPTION\nEcho the STRING(s) to standard output.\n")) {
            return 0;
        }
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || a.charAt(0) != '-' || !a.substring(1).chars().allMatch(c -> c == 'n' || c == 'e' || c == 'E')) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else if (c == 'e') escapes = true;
                else escapes = false;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int j = i; j < args.size(); j++) {
            if (j > i) out.write(' ');
            byte[] b = args.get(j).getBytes(StandardCharsets.UTF_8);
            if (escapes) {
                if (!unescape(b, out)) {
                    newline = false;
                    break;
                }
            } else {
                out.writeBytes(b);
            }
        }
        if (newline) out.write('\n');
        byte[] bytes = out.toByteArray();
        ctx.write(1, bytes, 0, bytes.length);
        return 0;
    }

    /** Appends {@code b} with escapes decoded; false when {@code \c} asked to stop all output. */
    private static boolean unescape(byte[] b, ByteArrayOutputStream out) {
        for (int k = 0; k < b.length; k++) {
            if (b[k] != '\\' || k + 1 >= b.length) {
                out.write(b[k]);
                continue;
            }
            char c = (char) b[++k];
            switch (c) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'c' -> { return false; }
                case 'e' -> out.write(27);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '0' -> {
                    int v = 0, n = 0;
                    while (n < 3 && k + 1 < b.length && b[k + 1] >= '0' && b[k + 1] <= '7') { v = v * 8 + (b[++k] - '0'); n++; }
                    out.write(v);
                }
                case 'x' -> {
                    int v = 0, n = 0;
                    while (n < 2 && k + 1 < b.length && Character.digit(b[k + 1], 16) >= 0) { v = v * 16 + Character.digit(b[++k], 16); n++; }
                    if (n == 0) { out.write('\\'); out.write('x'); } else out.write(v);
                }
                default -> { out.write('\\'); out.write(c); }
            }
        }
        return true;
    }
}
