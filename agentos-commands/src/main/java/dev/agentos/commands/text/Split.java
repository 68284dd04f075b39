package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.OpenFlags;

/** split: a file into pieces by lines, bytes, line-bounded bytes or N chunks, named PREFIXaa, ... */
final class Split extends TextCommand {
    @Override String name() { return "split"; }

    @Override Getopt options() {
        return Getopt.create().withArg('a', "suffix-length", "a").withArg((char) 0, "additional-suffix", "addsuf")
                .withArg('b', "bytes", "b").withArg('C', "line-bytes", "C").flag('d', null, "d")
                .optionalArg((char) 0, "numeric-suffixes", "numeric").flag('x', null, "x").optionalArg((char) 0, "hex-suffixes", "hex")
                .flag('e', "elide-empty-files", "e").withArg((char) 0, "filter", "filter").withArg('l', "lines", "l")
                .withArg('n', "number", "n").withArg('t', "separator", "t").flag('u', "unbuffered", "u")
                .flag((char) 0, "verbose", "verbose");
    }

    /** Names output files: the prefix, then a suffix that counts up (and widens, GNU-style). */
    private static final class Namer {
        String base;
        final String alphabet;
        final String additional;
        int[] index;
        final boolean auto;
        boolean started;

        Namer(String prefix, String alphabet, int length, boolean auto, long start, String additional) {
            this.base = prefix;
            this.alphabet = alphabet;
            this.additional = additional;
            this.auto = auto;
            index = new int[length];
            for (int i = length - 1; i >= 0 && start > 0; i--) {
                index[i] = (int) (start % alphabet.length());
                start /= alphabet.length();
            }
        }

        /** The next name, or null when the suffixes are exhausted. */
        String next() {
            if (started) {
                int i = index.length - 1;
                while (i >= 0 && ++index[i] == alphabet.length()) index[i--] = 0;
                if (i < 0) return null;
                if (auto && index[0] == alphabet.length() - 1) {
                    base += alphabet.charAt(alphabet.length() - 1);
                    index = new int[index.length + 1];
                }
            }
            started = true;
            StringBuilder sb = new StringBuilder(base);
            for (int k : index) sb.append(alphabet.charAt(k));
            return sb.append(additional).toString();
        }
    }

    private Namer namer;
    private boolean verbose;
    private int outFd = -1;

    @Override int execute(Run r) {
        return new Split().executeOnce(r);
    }

    private int executeOnce(Run r) {
        var ops = r.operands();
        if (ops.size() > 2) throw r.usage(1, "extra operand " + TextIo.quote(ops.get(2)));
        String input = ops.isEmpty() ? "-" : ops.get(0);
        String prefix = ops.size() > 1 ? ops.get(1) : "x";
        verbose = r.has("verbose");
        char mode = 'l';
        long size = 1000;
        String chunkSpec = null;
        for (Getopt.Option o : r.parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "l" -> { mode = 'l'; size = positive(r, v, "invalid number of lines"); }
                case "b" -> { mode = 'b'; size = positive(r, v, "invalid number of bytes"); }
                case "C" -> { mode = 'C'; size = positive(r, v, "invalid number of lines"); }
                case "n" -> { mode = 'n'; chunkSpec = v; }
                default -> { }
            }
        }
        byte delim = '\n';
        if (r.last("t").isPresent()) {
            String t = r.last("t").get();
            byte[] b = TextIo.bytes(t);
            if (t.equals("\\0")) delim = 0;
            else if (b.length != 1) throw r.fail(1, b.length == 0 ? "empty record separator" : "multi-character separator " + TextIo.quote(t));
            else delim = b[0];
        }
        boolean numeric = r.has("d") || r.has("numeric"), hex = r.has("x") || r.has("hex");
        String alphabet = hex ? "0123456789abcdef" : numeric ? "0123456789" : "abcdefghijklmnopqrstuvwxyz";
        long start = 0;
        String fromArg = r.last("numeric").filter(s -> !s.isEmpty()).or(() -> r.last("hex").filter(s -> !s.isEmpty())).orElse(null);
        if (fromArg != null) {
            try {
                start = hex ? Long.parseLong(fromArg, 16) : Long.parseLong(fromArg);
                if (start < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid start value for numerical suffix: " + TextIo.quote(fromArg));
            }
        }
        int length = 2;
        boolean explicitLength = r.last("a").isPresent();
        if (explicitLength) length = (int) Math.min(Integer.MAX_VALUE, positiveOrZero(r, r.last("a").get(), "invalid suffix length"));
        // -n sizes the suffix for its chunk count
        long chunks = 0, chunkK = 0;
        char chunkKind = 'b';
        if (mode == 'n') {
            String spec = chunkSpec;
            if (spec.startsWith("l/")) { chunkKind = 'l'; spec = spec.substring(2); }
            else if (spec.startsWith("r/")) { chunkKind = 'r'; spec = spec.substring(2); }
            int slash = spec.indexOf('/');
            if (slash >= 0) {
                chunkK = positive(r, spec.substring(0, slash), "invalid chunk number");
                chunks = positive(r, spec.substring(slash + 1), "invalid number of chunks");
                if (chunkK > chunks) throw r.fail(1, "invalid chunk number: " + TextIo.quote(spec.substring(0, slash)) + ": Numerical result out of range");
            } else {
                chunks = positive(r, spec, "invalid number of chunks");
            }
            if (!explicitLength) {
                long needed = 1;
                int len = 0;
                long max = start + chunks - 1;
                do { len++; needed *= alphabet.length(); } while (needed <= max);
                length = Math.max(length, len);
            }
        }
        boolean auto = !explicitLength && mode != 'n' && fromArg == null;
        namer = new Namer(prefix, alphabet, length, auto, start, r.last("addsuf").orElse(""));
        int fd;
        try {
            fd = TextIo.open(r.ctx, input);
        } catch (AgentOsException e) {
            throw r.fail(1, "cannot open " + TextIo.quote(input) + " for reading: " + TextIo.reason(e));
        }
        byte[] all;
        try {
            all = TextIo.readAll(r.ctx, fd);
        } catch (AgentOsException e) {
            throw r.fail(1, "read error: " + TextIo.quote(input) + ": " + TextIo.reason(e));
        } finally {
            TextIo.close(r.ctx, fd);
        }
        boolean elide = r.has("e");
        try {
            switch (mode) {
                case 'l' -> {
                    int from = 0;
                    long lines = 0;
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] == delim && ++lines == size) {
                            piece(r, all, from, i + 1);
                            from = i + 1;
                            lines = 0;
                        }
                    }
                    if (from < all.length) piece(r, all, from, all.length);
                }
                case 'b' -> {
                    for (long from = 0; from < all.length; from += size) piece(r, all, (int) from, (int) Math.min(all.length, from + size));
                }
                case 'C' -> {
                    int from = 0;
                    while (from < all.length) {
                        int limit = (int) Math.min(all.length, from + size);
                        int end = limit;
                        if (limit < all.length) {
                            int lastDelim = -1;
                            for (int i = limit - 1; i >= from; i--) if (all[i] == delim) { lastDelim = i; break; }
                            if (lastDelim >= 0) end = lastDelim + 1;
                        }
                        piece(r, all, from, end);
                        from = end;
                    }
                }
                default -> chunks(r, all, chunkKind, chunks, chunkK, delim, elide);
            }
        } finally {
            if (outFd >= 0) r.ctx.close(outFd);
        }
        return 0;
    }

    private void chunks(Run r, byte[] all, char kind, long n, long k, byte delim, boolean elide) {
        long total = all.length;
        long chunk = Math.max(1, total / n);
        if (kind == 'r') {
            int[] starts = new int[(int) n];
            java.util.List<TextIo.Bytes> outs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) outs.add(new TextIo.Bytes(64));
            int from = 0, line = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == delim || i == all.length - 1) {
                    outs.get((int) (line % n)).write(all, from, i + 1 - from);
                    from = i + 1;
                    line++;
                }
            }
            for (int i = 0; i < n; i++) {
                TextIo.Bytes b = outs.get(i);
                if (k > 0) {
                    if (i == k - 1) r.write(b.array(), 0, b.size());
                } else if (!(elide && b.size() == 0)) {
                    piece(r, b.array(), 0, b.size());
                }
            }
            return;
        }
        int start = 0;
        for (long c = 1; c <= n; c++) {
            int end;
            if (kind == 'b') {
                start = (int) Math.min(total, (c - 1) * chunk);
                end = c == n ? (int) total : (int) Math.min(total, c * chunk);
            } else {
                if (c == n) end = (int) total;
                else {
                    long boundary = c * chunk - 1;
                    if (start > boundary) end = start;
                    else {
                        int i = (int) boundary;
                        while (i < all.length && all[i] != delim) i++;
                        end = Math.min(all.length, i + 1);
                    }
                }
            }
            if (k > 0) {
                if (c == k) r.write(all, start, end - start);
            } else if (!(elide && end == start)) {
                piece(r, all, start, end);
            }
            start = end;
        }
    }

    private void piece(Run r, byte[] b, int from, int to) {
        String name = namer.next();
        if (name == null) throw r.fail(1, "output file suffixes exhausted");
        if (outFd >= 0) r.ctx.close(outFd);
        outFd = -1;
        if (verbose) r.print("creating file " + TextIo.quote(name) + "\n");
        try {
            outFd = r.ctx.open(name, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
        } catch (AgentOsException e) {
            throw r.fail(1, name + ": " + TextIo.reason(e));
        }
        if (to > from) r.ctx.write(outFd, b, from, to - from);
    }

    private static long positive(Run r, String v, String what) {
        long n;
        try {
            n = Sizes.parse(v, "bkKmMGTPEZYRQ0");
        } catch (Sizes.Invalid e) {
            throw r.fail(1, what + ": " + TextIo.quote(v) + (e.tooLarge ? ": Value too large for defined data type" : ""));
        }
        if (n == 0) throw r.fail(1, what + ": " + TextIo.quote(v) + ": Numerical result out of range");
        return n;
    }

    private static long positiveOrZero(Run r, String v, String what) {
        try {
            return Sizes.parse(v, "");
        } catch (Sizes.Invalid e) {
            throw r.fail(1, what + ": " + TextIo.quote(v));
        }
    }
}
