package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * gzip/gunzip/zcat, bzip2/bunzip2/bzcat and xz/unxz/xzcat: compress or decompress files in place
 * (keeping mode and mtime, removing the input unless -k), to stdout with -c, test with -t, and
 * gzip -l. Messages and exit statuses follow each tool (gzip and xz: 1 error, 2 warning; bzip2: the
 * highest code seen).
 */
final class Compress extends GnuCommand {
    enum Mode { COMPRESS, DECOMPRESS, TEST, LIST }

    private final String name;
    private final Codec codec;
    private final boolean decompressDefault;
    private final boolean stdoutDefault;

    Compress(String name, Codec codec, boolean decompressDefault, boolean stdoutDefault) {
        this.name = name;
        this.codec = codec;
        this.decompressDefault = decompressDefault;
        this.stdoutDefault = stdoutDefault;
    }

    /** Debian's gunzip and zcat are scripts running gzip, so gzip's messages say "gzip". */
    @Override protected String name() { return codec == Codec.GZIP ? "gzip" : name; }


    @Override protected String packageName() { return codec == Codec.GZIP ? "gzip" : codec == Codec.XZ ? "XZ Utils" : "bzip2"; }

    @Override protected String usage() {
        return "Usage: " + name + " [OPTION]... [FILE]...\n"
                + "Compress or uncompress FILEs (by default, compress FILES in-place).\n\n"
                + "  -c, --stdout      write on standard output, keep original files unchanged\n"
                + "  -d, --decompress  decompress\n"
                + "  -f, --force       force overwrite of output file\n"
                + "  -k, --keep        keep (don't delete) input files\n"
                + (codec == Codec.GZIP ? "  -l, --list        list compressed file contents\n"
                        + "  -n, --no-name     do not save or restore the original name and timestamp\n"
                        + "  -r, --recursive   operate recursively on directories\n" : "")
                + "  -q, --quiet       suppress all warnings\n"
                + "  -t, --test        test compressed file integrity\n"
                + "  -v, --verbose     verbose mode\n"
                + "  -1, --fast        compress faster\n"
                + "  -9, --best        compress better\n";
    }

    @Override protected Getopt options() {
        Getopt g = Getopt.create().flag('c', "stdout", "c").flag('d', "decompress", "d").flag('f', "force", "f")
                .flag('k', "keep", "k").flag('q', "quiet", "q").flag('t', "test", "t").flag('v', "verbose", "v")
                .flag('z', "compress", "z").flag((char) 0, "fast", "1").flag((char) 0, "best", "9");
        if (codec == Codec.GZIP) {
            g.flag('l', "list", "l").flag('n', "no-name", "n").flag('N', "name", "N").flag('r', "recursive", "r");
            g.flag((char) 0, "to-stdout", "c").flag((char) 0, "uncompress", "d");
        }
        if (codec == Codec.XZ) g.withArg('T', "threads", "T").flag('e', "extreme", "e").flag('0', null, "0");
        if (codec == Codec.BZIP2) g.flag('s', "small", "s");
        for (char d = '1'; d <= '9'; d++) g.flag(d, null, String.valueOf(d));
        return g;
    }

    /** Warnings and errors so far, folded into the tool's exit status. */
    private int status;

    private void error(int code) {
        if (codec == Codec.BZIP2) status = Math.max(status, code);
        else if (code == 1 || status == 0) status = code;
    }

    @Override protected int execute(Invocation inv) throws IOException {
        status = 0;
        Mode mode = decompressDefault ? Mode.DECOMPRESS : Mode.COMPRESS;
        int level = codec == Codec.XZ ? 6 : codec == Codec.BZIP2 ? 9 : 6;
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "d" -> mode = Mode.DECOMPRESS;
                case "z" -> mode = Mode.COMPRESS;
                case "t" -> mode = Mode.TEST;
                case "l" -> mode = Mode.LIST;
                default -> {
                    if (o.key().length() == 1 && Character.isDigit(o.key().charAt(0))) level = o.key().charAt(0) - '0';
                }
            }
        }
        boolean toStdout = stdoutDefault || inv.has("c");
        List<String> files = inv.operands().isEmpty() ? List.of("-") : inv.operands();
        if (mode == Mode.LIST) return new GzipList(inv).list(files);
        Settings s = new Settings(mode, level, toStdout, inv.has("k") || toStdout, inv.has("f"), inv.has("q"), inv.has("v"),
                inv.has("n") && mode == Mode.COMPRESS, inv.has("r"));
        for (String f : files) process(inv, s, f, false);
        return status;
    }

    private record Settings(Mode mode, int level, boolean toStdout, boolean keep, boolean force, boolean quiet,
                            boolean verbose, boolean noName, boolean recursive) {}

    private void warn(Invocation inv, Settings s, String message) {
        if (!s.quiet) inv.error(message);
    }

    private void process(Invocation inv, Settings s, String f, boolean inRecursion) throws IOException {
        ProcessContext ctx = inv.ctx();
        if (f.equals("-")) {
            byte[] data = VmFiles.readAll(VmFiles.stdin(ctx));
            byte[] result = transform(inv, s, data, codec == Codec.GZIP ? "stdin" : "(stdin)", null, 0);
            if (result != null && s.mode != Mode.TEST) inv.out().write(result);
            return;
        }
        FileStat st;
        try {
            st = ctx.stat(f);
        } catch (AgentOsException e) {
            String why = e.errno().map(Errno::strerror).orElse(e.getMessage());
            inv.error(codec == Codec.BZIP2 ? "Can't open input file " + f + ": " + why + "." : f + ": " + why);
            error(1);
            return;
        }
        if (st.isDirectory()) {
            if (s.recursive) {
                for (DirEntry e : ctx.readdir(f)) {
                    if (e.name().equals(".") || e.name().equals("..")) continue;
                    process(inv, s, f + "/" + e.name(), true);
                }
                return;
            }
            switch (codec) {
                case GZIP -> warn(inv, s, f + " is a directory -- ignored");
                case BZIP2 -> inv.error("Input file " + f + " is a directory.");
                case XZ -> warn(inv, s, f + ": Is a directory, skipping");
            }
            error(codec == Codec.BZIP2 ? 1 : 2);
            return;
        }
        String out = null;
        if (s.mode == Mode.COMPRESS && !s.toStdout) {
            if (codec.strip(f) != null && codec.decompressSuffixes.containsKey(suffixOf(f))) {
                switch (codec) {
                    case GZIP -> warn(inv, s, f + " already has " + suffixOf(f) + " suffix -- unchanged");
                    case BZIP2 -> inv.error("Input file " + f + " already has " + suffixOf(f) + " suffix.");
                    case XZ -> warn(inv, s, f + ": File already has `" + suffixOf(f) + "' suffix, skipping");
                }
                // gzip 1.12 leaves its status alone here.
                if (codec != Codec.GZIP) error(codec == Codec.BZIP2 ? 1 : 2);
                return;
            }
            out = f + codec.suffix;
        }
        byte[] data = VmFiles.readFile(ctx, f);
        if (s.mode == Mode.DECOMPRESS && !s.toStdout) {
            out = codec.strip(f);
            if (out == null) {
                if (inRecursion) return;
                switch (codec) {
                    case GZIP -> {
                        warn(inv, s, f + ": unknown suffix -- ignored");
                        error(2);
                        return;
                    }
                    case BZIP2 -> {
                        inv.error("Can't guess original name for " + f + " -- using " + f + ".out");
                        out = f + ".out";
                    }
                    case XZ -> {
                        if (!codec.matches(data)) {
                            inv.error(f + ": File format not recognized");
                            error(1);
                        } else {
                            warn(inv, s, f + ": Filename has an unknown suffix, skipping");
                            error(2);
                        }
                        return;
                    }
                }
            }
        }
        String base = f.substring(f.lastIndexOf('/') + 1);
        byte[] result = transform(inv, s, data, f, base, st.mtimeNanos() / 1_000_000);
        if (result == null || s.mode == Mode.TEST) return;
        if (s.toStdout) {
            inv.out().write(result);
            return;
        }
        if (!s.force && ctx.access(out, 0)) {
            switch (codec) {
                case GZIP -> inv.error(out + " already exists;\tnot overwritten");
                case BZIP2 -> inv.error("Output file " + out + " already exists.");
                case XZ -> inv.error(out + ": File exists");
            }
            error(codec == Codec.GZIP ? 2 : 1);
            return;
        }
        try (OutputStream o = VmFiles.out(ctx, out, st.mode(), false)) {
            o.write(result);
        }
        ctx.chmod(out, st.mode());
        ctx.utimes(out, st.atimeNanos(), st.mtimeNanos(), true);
        if (s.verbose && codec == Codec.GZIP) {
            int compressedLen = s.mode == Mode.COMPRESS ? result.length : data.length;
            int plainLen = s.mode == Mode.COMPRESS ? data.length : result.length;
            byte[] gz = s.mode == Mode.COMPRESS ? result : data;
            raw(inv, f + ":\t" + GzipList.ratio(plainLen, compressedLen - GzipList.overhead(gz)) + " -- "
                    + (s.keep ? "created " : "replaced with ") + out + "\n");
        }
        if (!s.keep) ctx.unlink(f);
    }

    /** Verbose lines go to stderr without the program-name prefix. */
    private static void raw(Invocation inv, String text) throws IOException {
        inv.out().flush();
        dev.agentos.commands.Gnu.print(inv.ctx().stderr(), text);
    }

    private static String suffixOf(String f) {
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot);
    }

    /** Compresses, decompresses or tests; null (with the error reported) when the input is bad. */
    private byte[] transform(Invocation inv, Settings s, byte[] data, String shown, String base, long mtimeMillis) throws IOException {
        if (s.mode == Mode.COMPRESS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            codec.compress(data, out, s.level, s.noName || base == null ? null : base, mtimeMillis);
            return out.toByteArray();
        }
        if (!codec.matches(data)) {
            if (codec == Codec.BZIP2 && data.length == 0) {
                error(2);
                return null;
            }
            switch (codec) {
                case GZIP -> {
                    if (data.length == 0) {
                        inv.error(shown + ": unexpected end of file");
                    } else {
                        inv.out().flush();
                        dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "\ngzip: " + shown + ": not in gzip format\n");
                    }
                }
                case BZIP2 -> {
                    if (s.mode == Mode.TEST) {
                        inv.error(shown + ": bad magic number (file not created by bzip2)\n\n"
                                + "You can use the `bzip2recover' program to attempt to recover\n"
                                + "data from undamaged sections of corrupted files.\n");
                    } else {
                        inv.error(shown + " is not a bzip2 file.");
                    }
                }
                case XZ -> inv.error(shown + ": File format not recognized");
            }
            error(codec == Codec.BZIP2 ? 2 : 1);
            return null;
        }
        try {
            byte[] plain = codec.decompress(data);
            if (s.mode == Mode.TEST && s.verbose && codec == Codec.GZIP) raw(inv, shown + ":\t OK\n");
            return plain;
        } catch (IOException | RuntimeException e) {
            switch (codec) {
                case GZIP -> inv.error(shown + ": invalid compressed data--format violated");
                case BZIP2 -> inv.error(shown + ": data integrity (CRC) error in data");
                case XZ -> inv.error(shown + ": Compressed data is corrupt");
            }
            error(codec == Codec.BZIP2 ? 2 : 1);
            return null;
        }
    }
}
