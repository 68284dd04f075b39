package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** uniq: collapses (or reports) runs of adjacent matching lines; INPUT and OUTPUT operands. */
final class Uniq extends TextCommand {
    @Override String name() { return "uniq"; }

    @Override Getopt options() {
        return Getopt.create().flag('c', "count", "c").flag('d', "repeated", "d")
                .optionalArg((char) 0, "all-repeated", "all-repeated").flag('D', null, "D")
                .withArg('f', "skip-fields", "f").optionalArg((char) 0, "group", "group").flag('i', "ignore-case", "i")
                .withArg('s', "skip-chars", "s").flag('u', "unique", "u").withArg('w', "check-chars", "w")
                .flag('z', "zero-terminated", "z");
    }

    /** Obsolete {@code -N} (skip N fields) and {@code +N} (skip N chars). */
    @Override List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        boolean argumentNext = false;
        for (String a : args) {
            if (argumentNext) {
                out.add(a);
                argumentNext = false;
                continue;
            }
            if (options && a.equals("--")) options = false;
            if (options && (a.equals("-f") || a.equals("-s") || a.equals("-w")
                    || (a.startsWith("--") && a.length() > 2 && !a.contains("=") && ("--skip-fields".startsWith(a) || "--skip-chars".startsWith(a) || "--check-chars".startsWith(a))))) {
                argumentNext = true;
            }
            if (options && a.length() > 1 && a.charAt(0) == '-' && a.substring(1).chars().allMatch(Character::isDigit)) {
                out.add("-f" + a.substring(1));
            } else if (a.length() > 1 && a.charAt(0) == '+' && a.substring(1).chars().allMatch(Character::isDigit)) {
                out.add("-s" + a.substring(1));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private long skipFields, skipChars, checkChars = Long.MAX_VALUE;
    private boolean ignoreCase;

    /** The program is shared by every process: each run gets its own instance for its state. */
    @Override int execute(Run r) {
        return new Uniq().executeOnce(r);
    }

    private int executeOnce(Run r) {
        skipFields = 0;
        skipChars = 0;
        checkChars = Long.MAX_VALUE;
        ignoreCase = r.has("i");
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "f" -> skipFields = number(r, v, "invalid number of fields to skip");
                case "s" -> skipChars = number(r, v, "invalid number of bytes to skip");
                case "w" -> checkChars = number(r, v, "invalid number of bytes to compare");
                default -> { }
            }
        }
        boolean count = r.has("c"), repeated = r.has("d"), unique = r.has("u");
        boolean allRepeated = r.has("D") || r.has("all-repeated");
        int delimitMethod = 0; // 0 none, 1 prepend, 2 separate
        if (r.has("all-repeated") && r.last("all-repeated").filter(s -> !s.isEmpty()).isPresent()) {
            delimitMethod = TextIo.argmatch(r, "--all-repeated", r.last("all-repeated").get(), new String[] {"none", "prepend", "separate"},
                    "  - 'none'\n  - 'prepend'\n  - 'separate'");
        }
        int group = -1; // 0 separate, 1 prepend, 2 append, 3 both
        if (r.has("group")) {
            String g = r.last("group").orElse("");
            group = g.isEmpty() ? 0 : TextIo.argmatch(r, "--group", g, new String[] {"separate", "prepend", "append", "both"},
                    "  - 'separate'\n  - 'prepend'\n  - 'append'\n  - 'both'");
            if (count || repeated || allRepeated || unique) throw r.usage(1, "--group is mutually exclusive with -c/-d/-D/-u");
        }
        if (allRepeated && count) throw r.usage(1, "printing all duplicated lines and repeat counts is meaningless");
        List<String> ops = r.operands();
        if (ops.size() > 2) throw r.usage(1, "extra operand " + TextIo.quote(ops.get(2)));
        String in = ops.isEmpty() ? "-" : ops.get(0);
        byte delim = r.has("z") ? 0 : (byte) '\n';
        int fd;
        try {
            fd = TextIo.open(r.ctx, in);
        } catch (AgentOsException e) {
            throw r.fail(1, in + ": " + TextIo.reason(e));
        }
        java.io.OutputStream out = r.out;
        if (ops.size() == 2 && !ops.get(1).equals("-")) {
            try {
                int ofd = r.ctx.open(ops.get(1), OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
                out = new java.io.BufferedOutputStream(new java.io.OutputStream() {
                    @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }
                    @Override public void write(byte[] b, int off, int len) { r.ctx.write(ofd, b, off, len); }
                    @Override public void close() { r.ctx.close(ofd); }
                }, TextIo.BLOCK);
            } catch (AgentOsException e) {
                throw r.fail(1, ops.get(1) + ": " + TextIo.reason(e));
            }
        }
        try {
            LineReader lr = new LineReader(r.ctx, fd, delim);
            byte[] prev = null;
            long runLength = 0;
            boolean firstGroupPrinted = false;
            boolean anyOutput = false;
            while (true) {
                boolean more = lr.next();
                byte[] cur = more ? Arrays.copyOfRange(lr.buf, lr.start, lr.end) : null;
                boolean same = prev != null && cur != null && equal(prev, cur);
                if (group >= 0) {
                    if (cur != null) {
                        if (prev == null) {
                            if (group == 1 || group == 3) out.write(delim);
                        } else if (!same) {
                            out.write(delim);
                        }
                        out.write(cur);
                        out.write(delim);
                    } else if (anyOutput && (group == 2 || group == 3)) {
                        out.write(delim);
                    }
                    anyOutput |= cur != null;
                    if (cur == null) break;
                    prev = cur;
                    continue;
                }
                if (allRepeated) {
                    if (cur != null && prev != null && same) {
                        if (runLength == 1) {
                            if (delimitMethod == 1 || (delimitMethod == 2 && firstGroupPrinted)) out.write(delim);
                            firstGroupPrinted = true;
                            out.write(prev);
                            out.write(delim);
                        }
                        out.write(cur);
                        out.write(delim);
                        runLength++;
                    } else {
                        runLength = 1;
                    }
                    if (cur == null) break;
                    prev = cur;
                    continue;
                }
                if (same) {
                    runLength++;
                    continue;
                }
                if (prev != null) {
                    boolean dup = runLength > 1;
                    if ((!repeated && !unique) || (repeated && dup && !unique) || (unique && !dup && !repeated)) {
                        if (count) out.write(TextIo.bytes(String.format("%7d ", runLength)));
                        out.write(prev);
                        out.write(delim);
                    }
                }
                if (cur == null) break;
                prev = cur;
                runLength = 1;
            }
            out.flush();
            if (out != r.out) out.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (AgentOsException e) {
            throw r.fail(1, in + ": " + TextIo.reason(e));
        } finally {
            TextIo.close(r.ctx, fd);
        }
        return 0;
    }

    private static long number(Run r, String v, String what) {
        try {
            return Sizes.parse(v, "");
        } catch (Sizes.Invalid e) {
            if (e.tooLarge) return Long.MAX_VALUE;
            throw r.fail(1, v + ": " + what);
        }
    }

    private int keyStart(byte[] l) {
        int p = 0;
        for (long f = 0; f < skipFields && p < l.length; f++) {
            while (p < l.length && (l[p] == ' ' || l[p] == '\t')) p++;
            while (p < l.length && !(l[p] == ' ' || l[p] == '\t')) p++;
        }
        return (int) Math.min(l.length, p + skipChars);
    }

    private boolean equal(byte[] a, byte[] b) {
        int as = keyStart(a), bs = keyStart(b);
        int al = (int) Math.min(a.length - as, checkChars), bl = (int) Math.min(b.length - bs, checkChars);
        if (al != bl) return false;
        for (int i = 0; i < al; i++) {
            int x = a[as + i] & 0xff, y = b[bs + i] & 0xff;
            if (x != y) {
                if (!ignoreCase) return false;
                if (Character.toUpperCase(x) != Character.toUpperCase(y) || x > 127 || y > 127) return false;
            }
        }
        return true;
    }
}
