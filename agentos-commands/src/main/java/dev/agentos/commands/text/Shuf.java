package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * shuf: a random permutation of input lines, -e arguments or an -i range; -n, -r, -o, -z.
 * --random-source seeds the generator from the file's bytes: deterministic, but not GNU's sequence.
 */
final class Shuf extends TextCommand {
    @Override String name() { return "shuf"; }

    @Override Getopt options() {
        return Getopt.create().flag('e', "echo", "e").withArg('i', "input-range", "i").withArg('n', "head-count", "n")
                .withArg('o', "output", "o").withArg((char) 0, "random-source", "random-source").flag('r', "repeat", "r")
                .flag('z', "zero-terminated", "z");
    }

    @Override int execute(Run r) {
        byte delim = r.has("z") ? 0 : (byte) '\n';
        long count = Long.MAX_VALUE;
        for (String v : r.parsed.all("n")) {
            try {
                count = Math.min(count, Sizes.parse(v, ""));
            } catch (Sizes.Invalid e) {
                if (!e.tooLarge) throw r.fail(1, "invalid line count: " + TextIo.quote(v));
            }
        }
        if (r.has("e") && r.has("i")) throw r.usage(1, "cannot combine -e and -i options");
        List<byte[]> items = new ArrayList<>();
        long lo = 0, hi = -1;
        boolean range = r.has("i");
        if (range) {
            String v = r.last("i").get();
            int dash = v.indexOf('-');
            try {
                lo = Long.parseLong(v.substring(0, dash));
                hi = Long.parseLong(v.substring(dash + 1));
                if (lo < 0 || hi < lo - 1) throw new NumberFormatException();
            } catch (RuntimeException e) {
                throw r.fail(1, "invalid input range: " + TextIo.quote(v));
            }
            if (!r.operands().isEmpty()) throw r.usage(1, "extra operand " + TextIo.quote(r.operands().get(0)));
        } else if (r.has("e")) {
            for (String a : r.operands()) items.add(TextIo.bytes(a));
        } else {
            if (r.operands().size() > 1) throw r.usage(1, "extra operand " + TextIo.quote(r.operands().get(1)));
            String f = r.operands().isEmpty() ? "-" : r.operands().get(0);
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                throw r.fail(1, f + ": " + TextIo.reason(e));
            }
            try {
                LineReader lr = new LineReader(r.ctx, fd, delim);
                while (lr.next()) items.add(java.util.Arrays.copyOfRange(lr.buf, lr.start, lr.end));
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        SplittableRandom rnd = new SplittableRandom(r.ctx.clock().millis() ^ System.nanoTime());
        if (r.last("random-source").isPresent()) {
            String src = r.last("random-source").get();
            try {
                int fd = TextIo.open(r.ctx, src);
                byte[] seedBytes;
                try {
                    seedBytes = TextIo.readAll(r.ctx, fd);
                } finally {
                    TextIo.close(r.ctx, fd);
                }
                rnd = new SplittableRandom(java.util.Arrays.hashCode(seedBytes));
            } catch (AgentOsException e) {
                throw r.fail(1, src + ": " + TextIo.reason(e));
            }
        }
        java.io.OutputStream out = r.out;
        int outFd = -1;
        if (r.last("o").isPresent()) {
            String o = r.last("o").get();
            try {
                outFd = r.ctx.open(o, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
            } catch (AgentOsException e) {
                throw r.fail(1, o + ": " + TextIo.reason(e));
            }
            final int fd = outFd;
            out = new java.io.BufferedOutputStream(new java.io.OutputStream() {
                @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }
                @Override public void write(byte[] b, int off, int len) { r.ctx.write(fd, b, off, len); }
            }, TextIo.BLOCK);
        }
        long n = range ? hi - lo + 1 : items.size();
        try {
            if (r.has("r")) {
                if (n == 0) {
                    if (count > 0 && count != Long.MAX_VALUE || count == Long.MAX_VALUE) throw r.fail(1, "no lines to repeat");
                    return 0;
                }
                for (long i = 0; i < count; i++) {
                    long pick = rnd.nextLong(n);
                    emit(out, range ? null : items.get((int) pick), lo + pick, delim);
                    if ((i & 1023) == 0) r.ctx.checkSignals();
                }
            } else {
                long take = Math.min(count, n);
                if (range) {
                    // partial Fisher-Yates over a sparse map, so huge ranges stay cheap
                    java.util.HashMap<Long, Long> swapped = new java.util.HashMap<>();
                    for (long i = 0; i < take; i++) {
                        long j = i + rnd.nextLong(n - i);
                        long vi = swapped.getOrDefault(i, i), vj = swapped.getOrDefault(j, j);
                        swapped.put(j, vi);
                        emit(out, null, lo + vj, delim);
                    }
                } else {
                    for (int i = 0; i < take; i++) {
                        int j = i + (int) rnd.nextLong(n - i);
                        byte[] t = items.get(i);
                        items.set(i, items.get(j));
                        items.set(j, t);
                        emit(out, items.get(i), 0, delim);
                    }
                }
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (outFd >= 0) r.ctx.close(outFd);
        }
        return 0;
    }

    private static void emit(java.io.OutputStream out, byte[] item, long value, byte delim) throws java.io.IOException {
        if (item != null) out.write(item);
        else out.write(TextIo.bytes(Long.toString(value)));
        out.write(delim);
    }
}
