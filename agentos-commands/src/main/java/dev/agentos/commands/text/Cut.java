package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;

/** cut: selected bytes, characters (bytes in the C locale) or delimited fields of each line. */
final class Cut extends TextCommand {
    @Override String name() { return "cut"; }

    @Override Getopt options() {
        return Getopt.create().withArg('b', "bytes", "b").withArg('c', "characters", "c").withArg('d', "delimiter", "d")
                .withArg('f', "fields", "f").flag('n', null, "n").flag((char) 0, "complement", "complement")
                .flag('s', "only-delimited", "s").withArg((char) 0, "output-delimiter", "od").flag('z', "zero-terminated", "z");
    }

    @Override int execute(Run r) {
        String list = null;
        boolean fields = false;
        for (Getopt.Option o : r.parsed.options()) {
            if (o.key().equals("b") || o.key().equals("c") || o.key().equals("f")) {
                if (list != null) throw r.usage(1, "only one list may be specified");
                list = o.value().orElse("");
                fields = o.key().equals("f");
            }
        }
        if (list == null) throw r.usage(1, "you must specify a list of bytes, characters, or fields");
        byte delim = '\t';
        if (r.has("d")) {
            String d = r.last("d").get();
            byte[] b = TextIo.bytes(d);
            if (b.length > 1) throw r.usage(1, "the delimiter must be a single character");
            delim = b.length == 0 ? 0 : b[0];
            if (!fields) throw r.usage(1, "an input delimiter may be specified only when operating on fields");
        }
        if (r.has("s") && !fields) throw r.usage(1, "suppressing non-delimited lines makes sense\n\tonly when operating on fields");
        FieldList fl;
        try {
            fl = FieldList.parse(list, !fields, r.has("complement"));
        } catch (FieldList.Invalid e) {
            throw r.usage(1, e.getMessage());
        }
        byte[] outDelim = r.last("od").map(TextIo::bytes).orElse(fields ? new byte[] {delim} : null);
        if (outDelim != null && outDelim.length == 0 && r.last("od").isPresent() && !fields) outDelim = new byte[0];
        byte eol = r.has("z") ? 0 : (byte) '\n';
        boolean suppress = r.has("s");
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
                LineReader lr = new LineReader(r.ctx, fd, eol);
                while (lr.next()) {
                    if (fields) cutFields(r, lr, fl, delim, outDelim, suppress, eol);
                    else cutBytes(r, lr, fl, outDelim, eol);
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

    private static void cutBytes(Run r, LineReader lr, FieldList fl, byte[] outDelim, byte eol) {
        int len = lr.length();
        boolean printed = false;
        for (FieldList.Range range : fl.ranges) {
            if (range.lo() > len) break;
            int from = (int) range.lo() - 1;
            int to = (int) Math.min(len, range.hi());
            if (printed && outDelim != null) r.write(outDelim);
            r.write(lr.buf, lr.start + from, to - from);
            printed = true;
        }
        r.write(eol);
    }

    private static void cutFields(Run r, LineReader lr, FieldList fl, byte delim, byte[] outDelim, boolean suppress, byte eol) {
        byte[] b = lr.buf;
        int s = lr.start, e = lr.end;
        int firstDelim = -1;
        for (int i = s; i < e; i++) if (b[i] == delim) { firstDelim = i; break; }
        if (firstDelim < 0) {
            if (!suppress) {
                r.write(b, s, e - s);
                r.write(eol);
            }
            return;
        }
        long field = 1;
        int fs = s;
        boolean printed = false;
        for (int i = s; i <= e; i++) {
            if (i == e || b[i] == delim) {
                if (fl.selected(field)) {
                    if (printed) r.write(outDelim);
                    r.write(b, fs, i - fs);
                    printed = true;
                }
                field++;
                fs = i + 1;
            }
        }
        r.write(eol);
    }
}
