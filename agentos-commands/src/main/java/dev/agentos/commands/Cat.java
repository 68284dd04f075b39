package dev.agentos.commands;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.List;

/**
 * cat: copies files (or standard input, also for "-") to standard output. Options are not built yet:
 * any option is refused with GNU's wording rather than silently ignored.
 */
final class Cat implements Program {
    private static final int BUFFER = 128 * 1024;

    @Override public int run(ProcessContext ctx) {
        if (Gnu.helpOrVersion(ctx, "cat", "Usage: cat [FILE]...\nConcatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.\n")) {
            return 0;
        }
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        boolean operandsOnly = false;
        List<String> files = new java.util.ArrayList<>();
        for (String a : args) {
            if (!operandsOnly && a.equals("--")) {
                operandsOnly = true;
            } else if (!operandsOnly && a.startsWith("-") && a.length() > 1) {
                String shown = a.startsWith("--") ? "unrecognized option '" + a + "'" : "invalid option -- '" + a.charAt(1) + "'";
                Gnu.print(ctx.stderr(), "cat: " + shown + "\nTry 'cat --help' for more information.\n");
                return 1;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) files.add("-");
        byte[] buf = new byte[BUFFER];
        int status = 0;
        for (String f : files) {
            int fd = 0;
            try {
                if (!f.equals("-")) fd = ctx.open(f, OpenFlags.O_RDONLY, 0);
                try {
                    int n;
                    while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) ctx.write(1, buf, 0, n);
                } finally {
                    if (fd != 0) ctx.close(fd);
                }
            } catch (AgentOsException e) {
                Gnu.error(ctx, "cat", f, e);
                status = 1;
            }
        }
        return status;
    }
}
