package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.FileStat;
import java.util.ArrayList;
import java.util.List;

/** strings (binutils): runs of at least N printable characters in files, optionally with offsets. */
final class Strings extends TextCommand {
    @Override String name() { return "strings"; }

    @Override String packageName() { return "GNU Binutils for Debian"; }

    @Override String version() { return "2.40"; }

    @Override Getopt options() {
        return Getopt.create().flag('a', "all", "a").flag('d', "data", "d").flag('f', "print-file-name", "f")
                .withArg('n', "bytes", "n").withArg('t', "radix", "t").flag('o', null, "o").withArg('e', "encoding", "e")
                .withArg('s', "output-separator", "s").flag('w', "include-all-whitespace", "w");
    }

    /** strings -5 means -n 5. */
    @Override List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 1 && a.charAt(0) == '-' && a.substring(1).chars().allMatch(Character::isDigit)) out.add("-n" + a.substring(1));
            else out.add(a);
        }
        return out;
    }

    @Override int execute(Run r) {
        long min = 4;
        if (r.last("n").isPresent()) {
            String v = r.last("n").get();
            try {
                min = Long.parseLong(v);
                if (min < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid minimum string length " + v);
            }
        }
        char radix = r.has("o") ? 'o' : 0;
        if (r.last("t").isPresent()) {
            String t = r.last("t").get();
            if (t.length() != 1 || "odx".indexOf(t.charAt(0)) < 0) throw r.fail(1, "invalid radix");
            radix = t.charAt(0);
        }
        String sep = r.last("s").orElse("\n");
        boolean allWhitespace = r.has("w");
        boolean fileNames = r.has("f");
        int status = 0;
        for (String f : r.files()) {
            if (!f.equals("-")) {
                try {
                    FileStat st = r.ctx.stat(f);
                    if (st.isDirectory()) {
                        r.error("Warning: '" + f + "' is a directory");
                        status = 1;
                        continue;
                    }
                } catch (AgentOsException e) {
                    r.error("'" + f + "': No such file");
                    status = 1;
                    continue;
                }
            }
            int fd;
            byte[] all;
            try {
                fd = TextIo.open(r.ctx, f);
                try {
                    all = TextIo.readAll(r.ctx, fd);
                } finally {
                    TextIo.close(r.ctx, fd);
                }
            } catch (AgentOsException e) {
                r.error(f + ": " + TextIo.reason(e));
                status = 1;
                continue;
            }
            String shown = f.equals("-") ? "{standard input}" : f;
            int start = -1;
            for (int i = 0; i <= all.length; i++) {
                int c = i < all.length ? all[i] & 0xff : -1;
                boolean printable = c == '\t' || (c >= 32 && c < 127) || (allWhitespace && (c == '\n' || c == '\r' || c == '\f' || c == 11));
                if (printable) {
                    if (start < 0) start = i;
                    continue;
                }
                if (start >= 0 && i - start >= min) {
                    StringBuilder sb = new StringBuilder();
                    if (fileNames) sb.append(shown).append(": ");
                    if (radix == 'o') sb.append(String.format("%7o ", start));
                    else if (radix == 'd') sb.append(String.format("%7d ", start));
                    else if (radix == 'x') sb.append(String.format("%7x ", start));
                    r.print(sb.toString());
                    r.write(all, start, i - start);
                    r.print(sep);
                }
                start = -1;
            }
        }
        return status;
    }
}
