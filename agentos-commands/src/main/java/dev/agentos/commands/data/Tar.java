package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU tar: create (-c), list (-t) and extract (-x) archives, optionally through gzip (-z), bzip2
 * (-j) or xz (-J) (detected by magic when reading), in GNU, ustar or POSIX format, with -C, -v,
 * -p, -O, --strip-components and --exclude. Archive streams come from commons-compress.
 */
final class Tar implements Program {
    /** The parsed command line. */
    record Options(char mode, String archive, Codec codec, String dir, int verbose, boolean preserve, boolean toStdout,
                   int strip, List<String> excludes, String format, boolean keepOld, List<String> operands) {}

    /** A fatal error: message already worded, exit 2. */
    static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    private static Getopt getopt() {
        return Getopt.create().flag('c', "create", "c").flag('x', "extract", "x").flag('t', "list", "t")
                .flag((char) 0, "get", "x").withArg('f', "file", "f").flag('z', "gzip", "z").flag('j', "bzip2", "j")
                .flag('J', "xz", "J").withArg('C', "directory", "C").flag('v', "verbose", "v")
                .flag('p', "preserve-permissions", "p").flag((char) 0, "same-permissions", "p")
                .flag('O', "to-stdout", "O").withArg((char) 0, "strip-components", "strip")
                .withArg((char) 0, "exclude", "exclude").withArg('H', "format", "format").flag('k', "keep-old-files", "k")
                .flag((char) 0, "gunzip", "z").flag((char) 0, "ungzip", "z").flag((char) 0, "no-same-owner", "no-same-owner")
                .flag((char) 0, "numeric-owner", "numeric-owner").flag('o', null, "no-same-owner")
                .flag((char) 0, "help", "help").flag((char) 0, "version", "version");
    }

    @Override public int run(ProcessContext ctx) throws IOException {
        List<String> args = new ArrayList<>(ctx.argv().subList(1, ctx.argv().size()));
        // Old-style bundled options: "tar cvf a.tar dir" is "tar -cvf a.tar dir".
        if (!args.isEmpty() && !args.get(0).startsWith("-")) args.set(0, "-" + args.get(0));
        Getopt.Parsed p;
        try {
            p = getopt().parse(args, ctx.environment());
        } catch (Getopt.UsageError e) {
            String msg = e.getMessage().startsWith("option requires an argument -- 'f'") ? "Old option 'f' requires an argument." : e.getMessage();
            Gnu.print(ctx.stderr(), "tar: " + msg + "\nTry 'tar --help' or 'tar --usage' for more information.\n");
            return 2;
        }
        if (p.has("help")) {
            Gnu.print(ctx.stdout(), "Usage: tar [OPTION...] [FILE]...\nGNU 'tar' saves many files together into a single tape or disk archive,\n"
                    + "and can restore individual files from the archive.\n");
            return 0;
        }
        if (p.has("version")) {
            Gnu.print(ctx.stdout(), "tar (GNU tar) 1.34\n");
            return 0;
        }
        char mode = 0;
        Codec codec = null;
        for (Getopt.Option o : p.options()) {
            switch (o.key()) {
                case "c", "x", "t" -> {
                    if (mode != 0 && mode != o.key().charAt(0)) {
                        return usage(ctx, "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
                    }
                    mode = o.key().charAt(0);
                }
                case "z" -> codec = Codec.GZIP;
                case "j" -> codec = Codec.BZIP2;
                case "J" -> codec = Codec.XZ;
                default -> { }
            }
        }
        if (mode == 0) return usage(ctx, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
        int strip = 0;
        if (p.has("strip")) {
            try {
                strip = Integer.parseInt(p.last("strip").orElseThrow());
            } catch (NumberFormatException e) {
                return usage(ctx, "Invalid number of elements: " + Invocation.quote(p.last("strip").orElseThrow()));
            }
        }
        String format = p.last("format").orElse("gnu");
        if (!List.of("gnu", "ustar", "posix", "pax", "oldgnu", "v7").contains(format)) {
            return usage(ctx, "Invalid archive format");
        }
        Options o = new Options(mode, p.last("f").orElse("-"), codec, p.last("C").orElse(null), p.all("v").size(),
                p.has("p") || ctx.credentials().isRoot(), p.has("O"), strip, p.all("exclude"), format, p.has("k"), p.operands());
        try {
            return switch (mode) {
                case 'c' -> new TarWriter(ctx, o).create();
                default -> new TarReader(ctx, o).read();
            };
        } catch (Fatal f) {
            ctx.stdout().flush();
            Gnu.print(ctx.stderr(), "tar: " + f.getMessage() + "\n");
            return 2;
        }
    }

    private static int usage(ProcessContext ctx, String message) {
        Gnu.print(ctx.stderr(), "tar: " + message + "\nTry 'tar --help' or 'tar --usage' for more information.\n");
        return 2;
    }

    static String strerror(AgentOsException e) {
        return e.errno().map(Errno::strerror).orElse(e.getMessage());
    }

    /** The archive's bytes: the file, or standard input for "-". */
    static byte[] readArchive(ProcessContext ctx, String archive) throws IOException, Fatal {
        try {
            return archive.equals("-") ? VmFiles.readAll(VmFiles.stdin(ctx)) : VmFiles.readFile(ctx, archive);
        } catch (AgentOsException e) {
            throw new Fatal(archive + ": Cannot open: " + strerror(e) + "\ntar: Error is not recoverable: exiting now");
        }
    }

    /** Undoes gzip, bzip2 or xz, whichever the magic says (GNU tar detects it on reading). */
    static InputStream decompressed(byte[] data) throws IOException {
        for (Codec c : Codec.values()) {
            if (c.matches(data)) return new ByteArrayInputStream(c.decompress(data));
        }
        return new ByteArrayInputStream(data);
    }

    static void writeArchive(ProcessContext ctx, String archive, byte[] tar, Codec codec) throws IOException, Fatal {
        byte[] out = tar;
        if (codec != null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            codec.compress(tar, b, codec == Codec.GZIP ? 6 : codec == Codec.BZIP2 ? 9 : 6, null, 0);
            out = b.toByteArray();
        }
        if (archive.equals("-")) {
            ctx.stdout().write(out);
            return;
        }
        try (OutputStream f = VmFiles.out(ctx, archive, 0666, false)) {
            f.write(out);
        } catch (AgentOsException e) {
            throw new Fatal(archive + ": Cannot open: " + strerror(e) + "\ntar: Error is not recoverable: exiting now");
        }
    }

    /** GNU tar's --exclude: a glob against the whole name or any trailing part of it. */
    static boolean excluded(String name, List<String> patterns) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String pat : patterns) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(Glob.toRegex(pat));
            String rest = n;
            while (true) {
                if (re.matcher(rest).matches()) return true;
                int slash = rest.indexOf('/');
                if (slash < 0) break;
                rest = rest.substring(slash + 1);
            }
            // A pattern also excludes everything under a matching directory.
            String[] parts = n.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                if (prefix.length() > 0) prefix.append('/');
                prefix.append(parts[i]);
                if (re.matcher(parts[i]).matches() || re.matcher(prefix).matches()) return true;
            }
        }
        return false;
    }
}
