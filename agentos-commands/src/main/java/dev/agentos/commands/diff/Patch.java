package dev.agentos.commands.diff;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * patch: GNU patch 2.7.6 applying unified and context diffs: -p, -R, --dry-run, -i, -o, -N, -b,
 * fuzz and offsets with GNU's messages, reversed-patch detection, rejects in FILE.rej, backups of
 * files a patch did not fit exactly (FILE.orig), and files created and removed.
 */
public final class Patch extends DiffutilsCommand {
    @Override String name() { return "patch"; }

    @Override String versionLine(ProcessContext ctx) {
        return """
                GNU patch 2.7.6
                Copyright (C) 2003, 2009-2012 Free Software Foundation, Inc.
                Copyright (C) 1988 Larry Wall

                License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.
                This is free software: you are free to change and redistribute it.
                There is NO WARRANTY, to the extent permitted by law.

                Written by Larry Wall and Paul Eggert""";
    }

    @Override Getopt options() {
        return Getopt.create()
                .withArg('p', "strip", "p")
                .flag('R', "reverse", "R")
                .flag((char) 0, "dry-run", "dry-run")
                .withArg('i', "input", "i")
                .withArg('o', "output", "o")
                .flag('N', "forward", "N")
                .flag('b', "backup", "b")
                .flag('f', "force", "f")
                .flag('t', "batch", "t")
                .flag('s', "quiet", "s")
                .flag((char) 0, "silent", "s")
                .withArg('F', "fuzz", "F")
                .flag('E', "remove-empty-files", "E")
                .withArg('r', "reject-file", "r")
                .withArg('d', "directory", "d");
    }

    @Override
    int execute(ProcessContext ctx, Getopt.Parsed parsed, List<String> rawArgs) throws IOException, UsageError {
        PatchOptions.Builder b = new PatchOptions.Builder();
        try {
            readOptions(parsed, b);
        } catch (Fatal e) {
            Gnu.print(ctx.stderr(), "patch: **** " + e.getMessage() + "\n");
            return 2;
        }
        return run(ctx, parsed, b);
    }

    private static void readOptions(Getopt.Parsed parsed, PatchOptions.Builder b) throws Fatal {
        for (Getopt.Option o : parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "p" -> b.strip = count(v, "strip count");
                case "R" -> b.reverse = true;
                case "dry-run" -> b.dryRun = true;
                case "i" -> b.input = v;
                case "o" -> b.output = v;
                case "N" -> b.forward = true;
                case "b" -> b.backup = true;
                case "f" -> b.force = true;
                case "t" -> b.batch = true;
                case "s" -> b.silent = true;
                case "F" -> b.fuzz = count(v, "fuzz factor");
                case "E" -> b.removeEmpty = true;
                case "r" -> b.rejectFile = v;
                case "d" -> b.directory = v;
                default -> { }
            }
        }
    }

    private int run(ProcessContext ctx, Getopt.Parsed parsed, PatchOptions.Builder b) throws IOException, UsageError {
        List<String> ops = parsed.operands();
        if (ops.size() > 2) throw new UsageError(ops.get(2) + ": extra operand");
        if (!ops.isEmpty()) b.origFile = ops.get(0);
        if (ops.size() > 1) b.input = ops.get(1);
        PatchOptions opts = b.build();
        if (opts.directory() != null) {
            try {
                ctx.chdir(opts.directory());
            } catch (AgentOsException e) {
                Gnu.print(ctx.stderr(), "patch: **** Can't change to directory " + opts.directory() + " : " + VmFile.reason(e) + "\n");
                return 2;
            }
        }
        byte[] text;
        try {
            text = VmFile.read(ctx, opts.input() == null ? "-" : opts.input());
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "patch: **** Can't open patch file " + opts.input() + " : " + VmFile.reason(e) + "\n");
            return 2;
        }
        List<FilePatch> patches;
        try {
            patches = new PatchParser(new String(text, StandardCharsets.ISO_8859_1)).parse();
        } catch (PatchParser.Malformed e) {
            Gnu.print(ctx.stderr(), "patch: **** " + e.getMessage() + "\n");
            return 2;
        }
        if (patches.isEmpty()) {
            Gnu.print(ctx.stderr(), "patch: **** Only garbage was found in the patch input.\n");
            return 2;
        }
        return new PatchRun(ctx, opts).apply(patches);
    }

    /** A count option; patch reports a bad one as a fatal error, not a usage error. */
    private static int count(String v, String what) throws Fatal {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Fatal(what + " " + v + " is not a number");
        }
    }

    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    @Override String usage() {
        return """
                Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]

                Input options:

                  -p NUM  --strip=NUM  Strip NUM leading components from file names.
                  -F LINES  --fuzz LINES  Set the fuzz factor to LINES for inexact matching.

                  -N  --forward  Ignore patches that appear to be reversed or already applied.
                  -R  --reverse  Assume patches were created with old and new files swapped.

                  -i PATCHFILE  --input=PATCHFILE  Read patch from PATCHFILE instead of stdin.

                Output options:

                  -o FILE  --output=FILE  Output patched files to FILE.
                  -r FILE  --reject-file=FILE  Output rejects to FILE.

                  -E  --remove-empty-files  Remove output files that are empty after patching.

                  -b  --backup  Back up the original contents of each file.

                  -t  --batch  Ask no questions; skip bad-Prereq patches; assume reversed.
                  -f  --force  Like -t, but ignore bad-Prereq patches, and assume unreversed.
                  -s  --quiet  --silent  Work silently unless an error occurs.
                  --dry-run  Do not actually change any files; just print what would happen.

                Other options:

                  -d DIR  --directory=DIR  Change the working directory to DIR first.

                  -v  --version  Output version info.
                  --help  Output this help.

                Report bugs to <bug-patch@gnu.org>.
                """;
    }
}
