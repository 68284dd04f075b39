package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** tac: files' records in reverse order; -s SEP (a string, or a regex with -r), -b to attach before. */
final class Tac extends TextCommand {
    @Override String name() { return "tac"; }

    @Override Getopt options() {
        return Getopt.create().flag('b', "before", "b").flag('r', "regex", "r").withArg('s', "separator", "s");
    }

    @Override int execute(Run r) {
        String sep = r.last("s").orElse("\n");
        boolean before = r.has("b");
        int status = 0;
        for (String f : r.files()) {
            byte[] all;
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error("failed to open " + TextIo.quote(f) + " for reading: " + TextIo.reason(e));
                status = 1;
                continue;
            }
            try {
                all = TextIo.readAll(r.ctx, fd);
            } catch (AgentOsException e) {
                r.error(TextIo.quote(f) + ": read error: " + TextIo.reason(e));
                status = 1;
                continue;
            } finally {
                TextIo.close(r.ctx, fd);
            }
            // separator matches as [start, end) pairs
            List<int[]> seps = new ArrayList<>();
            if (r.has("r") && !sep.isEmpty()) {
                String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
                Matcher m = Pattern.compile(BasicRegex.toJava(sep), Pattern.MULTILINE).matcher(text);
                while (m.find()) {
                    if (m.end() == m.start()) continue;
                    seps.add(new int[] {m.start(), m.end()});
                }
            } else {
                byte[] s = TextIo.bytes(sep);
                for (int i = 0; s.length > 0 && i + s.length <= all.length; ) {
                    if (java.util.Arrays.equals(all, i, i + s.length, s, 0, s.length)) {
                        seps.add(new int[] {i, i + s.length});
                        i += s.length;
                    } else i++;
                }
            }
            // records: with separators after (default) or before (-b)
            List<int[]> recs = new ArrayList<>();
            if (!before) {
                int start = 0;
                for (int[] m : seps) {
                    recs.add(new int[] {start, m[1]});
                    start = m[1];
                }
                if (start < all.length) recs.add(new int[] {start, all.length});
            } else {
                int start = 0;
                for (int[] m : seps) {
                    if (m[0] > start) recs.add(new int[] {start, m[0]});
                    start = m[0];
                }
                if (start < all.length) recs.add(new int[] {start, all.length});
            }
            for (int i = recs.size() - 1; i >= 0; i--) r.write(all, recs.get(i)[0], recs.get(i)[1] - recs.get(i)[0]);
        }
        return status;
    }
}
