package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** csplit: a file split at line numbers and /regex/[offset] or %regex% patterns, with {N} / {*} repeats. */
final class Csplit extends TextCommand {
    @Override String name() { return "csplit"; }

    @Override Getopt options() {
        return Getopt.create().withArg('b', "suffix-format", "b").withArg('f', "prefix", "f").flag('k', "keep-files", "k")
                .flag((char) 0, "suppress-matched", "suppress").withArg('n', "digits", "n").flag('s', "quiet", "s")
                .flag('s', "silent", "s").flag('z', "elide-empty-files", "z").noPermute();
    }

    /** Where a run stands: the lines, the next line to write, and the files made so far. */
    private static final class State {
        List<byte[]> lines;
        int cur;
        int fileCount;
        final List<String> created = new ArrayList<>();
        boolean lastWasRegexMatch;
        /** --suppress-matched: the line a piece is split at goes to no piece. */
        boolean suppressMatched;
    }

    @Override int execute(Run r) {
        var ops = r.operands();
        if (ops.isEmpty()) throw r.usage(1, "missing operand");
        if (ops.size() < 2) throw r.usage(1, "missing operand after " + TextIo.quote(ops.get(0)));
        String prefix = r.last("f").orElse("xx");
        int digits = 2;
        if (r.last("n").isPresent()) {
            try {
                digits = Integer.parseInt(r.last("n").get());
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid number: " + TextIo.quote(r.last("n").get()));
            }
        }
        String suffixFormat = r.last("b").orElse("%0" + digits + "d");
        boolean quiet = r.has("s"), elide = r.has("z"), keep = r.has("k");
        State st = new State();
        st.suppressMatched = r.has("suppress");
        int fd;
        try {
            fd = TextIo.open(r.ctx, ops.get(0));
        } catch (AgentOsException e) {
            throw r.fail(1, "cannot open " + TextIo.quote(ops.get(0)) + " for reading: " + TextIo.reason(e));
        }
        st.lines = new ArrayList<>();
        try {
            LineReader lr = new LineReader(r.ctx, fd, (byte) '\n');
            while (lr.next()) st.lines.add(Arrays.copyOfRange(lr.buf, lr.start, lr.delimited ? lr.end + 1 : lr.end));
        } finally {
            TextIo.close(r.ctx, fd);
        }
        List<String> args = ops.subList(1, ops.size());
        long lastNumber = 0;
        for (String a : args) {
            if (a.isEmpty() || !Character.isDigit(a.charAt(0))) continue;
            long n;
            try {
                n = Long.parseLong(a);
            } catch (NumberFormatException e) {
                continue;
            }
            if (n == 0) throw r.fail(1, "0: line number must be greater than zero");
            if (n < lastNumber) throw r.fail(1, "line number " + TextIo.quote(a) + " is smaller than preceding line number, " + lastNumber);
            if (n == lastNumber) r.error("warning: line number " + TextIo.quote(a) + " is the same as preceding line number");
            lastNumber = n;
        }
        try {
            for (int a = 0; a < args.size(); a++) {
                String pat = args.get(a);
                long repeat = 0;
                boolean forever = false;
                if (a + 1 < args.size() && args.get(a + 1).startsWith("{") && args.get(a + 1).endsWith("}")) {
                    String n = args.get(a + 1).substring(1, args.get(a + 1).length() - 1);
                    if (n.equals("*")) forever = true;
                    else {
                        try {
                            repeat = Long.parseLong(n);
                        } catch (NumberFormatException e) {
                            throw r.fail(1, TextIo.quote(args.get(a + 1)) + ": invalid repeat count");
                        }
                    }
                    a++;
                }
                for (long k = 0; forever || k <= repeat; k++) {
                    if (!apply(r, st, pat, k, forever, prefix, suffixFormat, quiet, elide)) break;
                }
            }
            piece(r, st, st.cur, st.lines.size(), prefix, suffixFormat, quiet, elide);
        } catch (Run.Failure f) {
            if (!keep) for (String name : st.created) {
                try {
                    r.ctx.unlink(name);
                } catch (AgentOsException ignored) {
                    // already gone
                }
            }
            throw f;
        }
        return 0;
    }

    /** Applies one pattern occurrence; false ends a {*} repeat at end of input. */
    private boolean apply(Run r, State st, String pat, long k, boolean forever, String prefix, String fmt, boolean quiet, boolean elide) {
        String rep = k > 0 ? " on repetition " + k : "";
        if (pat.startsWith("/") || pat.startsWith("%")) {
            char d = pat.charAt(0);
            int end = pat.lastIndexOf(d);
            if (end <= 0) throw r.fail(1, TextIo.quote(pat) + ": closing delimiter '" + d + "' missing");
            Pattern re = Pattern.compile(BasicRegex.toJava(pat.substring(1, end)));
            long offset = 0;
            String off = pat.substring(end + 1);
            if (!off.isEmpty()) {
                try {
                    offset = Long.parseLong(off.startsWith("+") ? off.substring(1) : off);
                } catch (NumberFormatException e) {
                    throw r.fail(1, TextIo.quote(off) + ": integer expected after delimiter");
                }
            }
            int from = st.lastWasRegexMatch ? st.cur + 1 : st.cur;
            int found = -1;
            for (int i = from; i < st.lines.size(); i++) {
                byte[] l = st.lines.get(i);
                int len = l.length > 0 && l[l.length - 1] == '\n' ? l.length - 1 : l.length;
                if (re.matcher(new String(l, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                if (forever) return false;
                if (d == '/') piece(r, st, st.cur, st.lines.size(), prefix, fmt, quiet, elide);
                st.cur = st.lines.size();
                throw r.fail(1, TextIo.quote(pat) + ": match not found" + rep);
            }
            long target = found + offset;
            if (target < st.cur || target > st.lines.size()) {
                if (d == '/') piece(r, st, st.cur, st.lines.size(), prefix, fmt, quiet, elide);
                throw r.fail(1, TextIo.quote(pat) + ": line number out of range" + rep);
            }
            if (d == '/') piece(r, st, st.cur, (int) target, prefix, fmt, quiet, elide);
            st.cur = (int) target;
            st.lastWasRegexMatch = offset == 0;
            skipSplitLine(st);
            return true;
        }
        long n;
        try {
            n = Long.parseLong(pat);
        } catch (NumberFormatException e) {
            throw r.fail(1, TextIo.quote(pat) + ": invalid pattern");
        }
        if (n <= 0) throw r.fail(1, "0: line number must be greater than zero");
        long target = n * (k + 1) - 1;
        if (target < st.cur) {
            throw r.fail(1, "line number " + TextIo.quote(pat) + " is smaller than preceding line number, " + st.cur);
        }
        if (target > st.lines.size() || (forever && target == st.lines.size())) {
            if (forever) return false;
            piece(r, st, st.cur, st.lines.size(), prefix, fmt, quiet, elide);
            st.cur = st.lines.size();
            throw r.fail(1, TextIo.quote(pat) + ": line number out of range" + rep);
        }
        piece(r, st, st.cur, (int) target, prefix, fmt, quiet, elide);
        st.cur = (int) target;
        st.lastWasRegexMatch = false;
        skipSplitLine(st);
        return true;
    }

    private static void skipSplitLine(State st) {
        if (!st.suppressMatched || st.cur >= st.lines.size()) return;
        st.cur++;
        st.lastWasRegexMatch = false; // the matched line is already behind us
    }

    private static void piece(Run r, State st, int from, int to, String prefix, String fmt, boolean quiet, boolean elide) {
        if (elide && to <= from) return;
        String name = prefix + String.format(fmt, st.fileCount++);
        long size = 0;
        int fd;
        try {
            fd = r.ctx.open(name, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
        } catch (AgentOsException e) {
            throw r.fail(1, name + ": " + TextIo.reason(e));
        }
        st.created.add(name);
        try {
            for (int i = from; i < to; i++) {
                byte[] l = st.lines.get(i);
                r.ctx.write(fd, l, 0, l.length);
                size += l.length;
            }
        } finally {
            r.ctx.close(fd);
        }
        if (!quiet) r.print(size + "\n");
    }
}
