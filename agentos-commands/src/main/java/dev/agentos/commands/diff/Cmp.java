package dev.agentos.commands.diff;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.FileStat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * cmp: GNU diffutils 3.8's byte comparison: the first difference (with -b its bytes), every
 * difference (-l), only the status (-s), skips (-i, operands) and a limit (-n), and POSIX's EOF
 * message when one input is a prefix of the other.
 */
public final class Cmp extends DiffutilsCommand {
    @Override String name() { return "cmp"; }

    @Override String versionLine(ProcessContext ctx) {
        String text = versionText();
        return Locale.isC(ctx, "LC_MESSAGES") ? text.replace("Torbj\u00f6rn", "Torbjorn") : text;
    }

    private static String versionText() {
        return """
                cmp (GNU diffutils) 3.8
                Copyright (C) 2021 Free Software Foundation, Inc.
                License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
                This is free software: you are free to change and redistribute it.
                There is NO WARRANTY, to the extent permitted by law.

                Written by Torbjörn Granlund and David MacKenzie.""";
    }

    @Override Getopt options() {
        return Getopt.create()
                .flag('b', "print-bytes", "b")
                .withArg('i', "ignore-initial", "i")
                .flag('l', "verbose", "l")
                .withArg('n', "bytes", "n")
                .flag('s', "quiet", "s")
                .flag((char) 0, "silent", "s");
    }

    @Override
    int execute(ProcessContext ctx, Getopt.Parsed parsed, List<String> rawArgs) throws IOException, UsageError {
        long[] skip = {0, 0};
        long limit = Long.MAX_VALUE;
        boolean bytes = false, verbose = false, silent = false;
        for (Getopt.Option o : parsed.options()) {
            switch (o.key()) {
                case "b" -> bytes = true;
                case "l" -> verbose = true;
                case "s" -> silent = true;
                case "n" -> limit = number(o.value().orElse(""), "--bytes");
                case "i" -> {
                    String v = o.value().orElse("");
                    int colon = v.indexOf(':');
                    skip[0] = number(colon < 0 ? v : v.substring(0, colon), "--ignore-initial");
                    skip[1] = colon < 0 ? skip[0] : number(v.substring(colon + 1), "--ignore-initial");
                }
                default -> { }
            }
        }
        if (verbose && silent) throw new UsageError("options -l and -s are incompatible");
        List<String> ops = parsed.operands();
        if (ops.isEmpty()) throw new UsageError("missing operand after 'cmp'");
        if (ops.size() > 4) throw new UsageError("extra operand '" + ops.get(4) + "'");
        if (ops.size() > 2) skip[0] = number(ops.get(2), "--ignore-initial");
        if (ops.size() > 3) skip[1] = number(ops.get(3), "--ignore-initial");
        String[] names = {ops.get(0), ops.size() > 1 ? ops.get(1) : "-"};
        byte[][] data = new byte[2][];
        FileStat[] stats = new FileStat[2];
        for (int f = 0; f < 2; f++) {
            try {
                if (!names[f].equals("-")) stats[f] = ctx.stat(names[f]);
                if (stats[f] != null && stats[f].isDirectory()) {
                    throw dev.agentos.AgentOsException.errno(dev.agentos.kernel.Errno.EISDIR, "read", names[f]);
                }
                if (f == 1 && names[1].equals(names[0]) && names[0].equals("-")) data[1] = data[0];
                else data[f] = VmFile.read(ctx, names[f]);
            } catch (AgentOsException e) {
                if (!silent) Gnu.print(ctx.stderr(), "cmp: " + names[f] + ": " + VmFile.reason(e) + "\n");
                return 2;
            }
        }
        OutputStream out = new BufferedOutputStream(ctx.stdout(), 65536);
        try {
            charWord = Locale.isC(ctx, "LC_MESSAGES");
            return compare(ctx, out, names, data, stats, skip, limit, bytes, verbose, silent);
        } finally {
            out.flush();
        }
    }

    private boolean charWord;

    private int compare(ProcessContext ctx, OutputStream out, String[] names, byte[][] data, FileStat[] stats,
                               long[] skip, long limit, boolean bytes, boolean verbose, boolean silent) throws IOException {
        int off0 = (int) Math.min(skip[0], data[0].length), off1 = (int) Math.min(skip[1], data[1].length);
        long avail0 = data[0].length - off0, avail1 = data[1].length - off1;
        long n = Math.min(limit, Math.min(avail0, avail1));
        int width = 1;
        if (verbose) {
            long max = limit;
            for (int f = 0; f < 2; f++) {
                if (stats[f] != null && stats[f].isRegular()) max = Math.min(max, f == 0 ? avail0 : avail1);
            }
            for (long m = max; (m /= 10) != 0; ) width++;
        }
        long lines = 0;
        boolean differ = false;
        for (long i = 0; i < n; i++) {
            byte c0 = data[0][off0 + (int) i], c1 = data[1][off1 + (int) i];
            if (c0 != c1) {
                differ = true;
                if (silent) return 1;
                if (!verbose) {
                    String msg = names[0] + " " + names[1] + " differ: " + (charWord && !bytes ? "char " : "byte ") + (i + 1) + ", line " + (lines + 1);
                    if (bytes) msg += " is " + octal(c0) + " " + printable(c0) + " " + octal(c1) + " " + printable(c1);
                    out.write((msg + "\n").getBytes(StandardCharsets.UTF_8));
                    return 1;
                }
                String num = String.format("%" + width + "d", i + 1);
                String line = bytes
                        ? num + " " + octal(c0) + " " + String.format("%-4s", printable(c0)) + " " + octal(c1) + " " + printable(c1)
                        : num + " " + octal(c0) + " " + octal(c1);
                out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (c0 == '\n') lines++;
        }
        if (n < limit && avail0 != avail1) {
            int shorter = avail0 < avail1 ? 0 : 1;
            if (!silent) {
                out.flush();
                String msg = "cmp: EOF on " + names[shorter];
                if (n == 0) {
                    msg += " which is empty";
                } else {
                    msg += " after byte " + n;
                    if (!verbose) {
                        byte last = data[shorter][(shorter == 0 ? off0 : off1) + (int) n - 1];
                        msg += last == '\n' ? ", line " + lines : ", in line " + (lines + 1);
                    }
                }
                Gnu.print(ctx.stderr(), msg + "\n");
            }
            return 1;
        }
        return differ ? 1 : 0;
    }

    private static String octal(byte b) {
        return String.format("%3o", b & 0xff);
    }

    /** cmp's sprintc: printable as is, controls as ^X, high bytes as M-x. */
    private static String printable(byte b) {
        int c = b & 0xff;
        StringBuilder sb = new StringBuilder();
        if (!(c >= 32 && c < 127)) {
            if (c >= 128) {
                sb.append("M-");
                c -= 128;
            }
            if (c < 32) {
                sb.append('^');
                c += 64;
            } else if (c == 127) {
                sb.append('^');
                c = '?';
            }
        }
        return sb.append((char) c).toString();
    }

    /** A byte count with GNU's suffixes: K=1024, kB=1000, M=1024^2, MB=10^6, ... */
    static long number(String s, String option) throws UsageError {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0) throw new UsageError("invalid " + option + " value '" + s + "'");
        try {
            long v = Long.parseLong(s.substring(0, i));
            String suffix = s.substring(i);
            if (suffix.isEmpty()) return v;
            String units = "KMGTPEZY";
            int p = units.indexOf(Character.toUpperCase(suffix.charAt(0)));
            char first = suffix.charAt(0);
            if (first != 'k' && (p < 0 || Character.isLowerCase(first))) throw new NumberFormatException();
            String rest = suffix.substring(1);
            long base = switch (rest) {
                case "" , "iB" -> 1024;
                case "B" -> 1000;
                default -> throw new NumberFormatException();
            };
            long r = v;
            for (int k = 0; k <= p; k++) r = Math.multiplyExact(r, base);
            return r;
        } catch (NumberFormatException | ArithmeticException e) {
            if (e instanceof ArithmeticException) return Long.MAX_VALUE;
            throw new UsageError("invalid " + option + " value '" + s + "'");
        }
    }

    @Override String usage() {
        return """
                Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]
                Compare two files byte by byte.

                The optional SKIP1 and SKIP2 specify the number of bytes to skip
                at the beginning of each file (zero by default).

                Mandatory arguments to long options are mandatory for short options too.
                  -b, --print-bytes          print differing bytes
                  -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs
                  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and
                                                      first SKIP2 bytes of FILE2
                  -l, --verbose              output byte numbers and differing byte values
                  -n, --bytes=LIMIT          compare at most LIMIT bytes
                  -s, --quiet, --silent      suppress all normal output
                      --help                 display this help and exit
                  -v, --version              output version information and exit

                SKIP values may be followed by the following multiplicative suffixes:
                kB 1000, K 1024, MB 1,000,000, M 1,048,576,
                GB 1,000,000,000, G 1,073,741,824, and so on for T, P, E, Z, Y.

                If a FILE is '-' or missing, read standard input.
                Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.

                Report bugs to: bug-diffutils@gnu.org
                GNU diffutils home page: <https://www.gnu.org/software/diffutils/>
                General help using GNU software: <https://www.gnu.org/gethelp/>
                """;
    }
}
