package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/** head: the first (or all but the last) lines or bytes of files, with ==> headers for several. */
final class Head extends TextCommand {
    static final String SUFFIXES = "bkKmMGTPEZYRQ0";

    @Override String name() { return "head"; }

    @Override Getopt options() {
        return Getopt.create().withArg('c', "bytes", "c").withArg('n', "lines", "n")
                .flag('q', "quiet", "q").flag('q', "silent", "q").flag('v', "verbose", "v")
                .flag('z', "zero-terminated", "z");
    }

    /** {@code head -5cv}: a dash, digits, then letters, only as the first argument. */
    @Override List<String> normalize(List<String> args) throws BadUsage {
        if (args.isEmpty()) return args;
        String a = args.get(0);
        if (a.length() < 2 || a.charAt(0) != '-' || !Character.isDigit(a.charAt(1))) return args;
        int i = 1;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        String number = a.substring(1, i);
        String unit = "-n";
        String mult = "";
        List<String> out = new ArrayList<>();
        for (; i < a.length(); i++) {
            char c = a.charAt(i);
            switch (c) {
                case 'c' -> { unit = "-c"; mult = ""; }
                case 'b', 'k', 'm' -> { unit = "-c"; mult = String.valueOf(c); }
                case 'l' -> unit = "-n";
                case 'q', 'v', 'z' -> out.add("-" + c);
                default -> throw new BadUsage("invalid trailing option -- " + c);
            }
        }
        out.add(0, unit + number + mult);
        out.addAll(args.subList(1, args.size()));
        return out;
    }

    @Override int execute(Run r) {
        boolean lines = true;
        boolean elide = false;
        long count = 10;
        for (Getopt.Option o : r.parsed.options()) {
            if (!o.key().equals("c") && !o.key().equals("n")) continue;
            lines = o.key().equals("n");
            String v = o.value().orElse("");
            elide = v.startsWith("-");
            count = count(r, lines, elide ? v.substring(1) : v);
        }
        boolean quiet = false, verbose = false;
        for (Getopt.Option o : r.parsed.options()) {
            if (o.key().equals("q")) { quiet = true; verbose = false; }
            if (o.key().equals("v")) { verbose = true; quiet = false; }
        }
        byte delim = r.has("z") ? (byte) 0 : (byte) '\n';
        List<String> files = r.files();
        boolean headers = verbose || (!quiet && files.size() > 1);
        boolean first = true;
        int status = 0;
        for (String f : files) {
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error("cannot open " + TextIo.quote(f) + " for reading: " + TextIo.reason(e));
                status = 1;
                continue;
            }
            try {
                if (headers) {
                    r.print((first ? "" : "\n") + "==> " + TextIo.displayName(f) + " <==\n");
                }
                first = false;
                if (elide) {
                    byte[] all = TextIo.readAll(r.ctx, fd);
                    int end = lines ? elideLines(all, count, delim) : (int) Math.max(0, all.length - Math.min(count, all.length));
                    r.write(all, 0, end);
                } else if (lines) {
                    copyLines(r, fd, count, delim);
                } else {
                    copyBytes(r, fd, count);
                }
            } catch (AgentOsException e) {
                r.error("error reading " + TextIo.quote(f) + ": " + TextIo.reason(e));
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }

    static long count(Run r, boolean lines, String v) {
        try {
            return Sizes.parse(v, SUFFIXES);
        } catch (Sizes.Invalid e) {
            String what = lines ? "invalid number of lines: " : "invalid number of bytes: ";
            throw r.fail(1, what + TextIo.quote(v) + (e.tooLarge ? ": Value too large for defined data type" : ""));
        }
    }

    private static int elideLines(byte[] all, long count, byte delim) {
        if (count == 0) return all.length;
        int end = all.length;
        // a final unterminated line counts as a line
        int i = end - 1;
        if (i >= 0 && all[i] == delim) i--;
        long seen = 0;
        for (; i >= 0; i--) {
            if (all[i] == delim && ++seen == count) return i + 1;
        }
        return 0;
    }

    private static void copyLines(Run r, int fd, long count, byte delim) {
        if (count == 0) return;
        byte[] buf = new byte[TextIo.BLOCK];
        long seen = 0;
        int n;
        while ((n = r.ctx.read(fd, buf, 0, buf.length)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == delim && ++seen == count) {
                    r.write(buf, 0, i + 1);
                    // give back what we read past the last line, as GNU does on seekable input
                    unread(r, fd, n - i - 1);
                    return;
                }
            }
            r.write(buf, 0, n);
        }
    }

    private static void copyBytes(Run r, int fd, long count) {
        byte[] buf = new byte[TextIo.BLOCK];
        while (count > 0) {
            int n = r.ctx.read(fd, buf, 0, (int) Math.min(buf.length, count));
            if (n <= 0) break;
            r.write(buf, 0, n);
            count -= n;
        }
    }

    private static void unread(Run r, int fd, int extra) {
        if (extra == 0) return;
        try {
            r.ctx.seek(fd, -extra, 1);
        } catch (AgentOsException e) {
            // pipes cannot seek back; GNU leaves them as they are too
        }
    }
}
