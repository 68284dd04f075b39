package dev.agentos.commands.diff;

import dev.agentos.commands.Getopt;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * diff: GNU diffutils 3.8's normal, context and unified formats, with GNU's own hunks (its O(ND)
 * search, discards and boundary shifts are reproduced in {@link EditScript}), brief and identical
 * reports, directory comparison with -r and -N, the white space and case options, and its exit
 * status (0 same, 1 different, 2 trouble).
 */
public final class Diff extends DiffutilsCommand {
    @Override String name() { return "diff"; }

    @Override String versionLine(ProcessContext ctx) {
        return """
                diff (GNU diffutils) 3.8
                Copyright (C) 2021 Free Software Foundation, Inc.
                License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
                This is free software: you are free to change and redistribute it.
                There is NO WARRANTY, to the extent permitted by law.

                Written by Paul Eggert, Mike Haertel, David Hayes,
                Richard Stallman, and Len Tower.""";
    }

    @Override Getopt options() {
        return Getopt.create()
                .flag((char) 0, "normal", "normal")
                .flag('q', "brief", "q")
                .flag('s', "report-identical-files", "s")
                .flag('c', null, "c")
                .withArg('C', null, "C")
                .optionalArg((char) 0, "context", "context")
                .flag('u', null, "u")
                .withArg('U', null, "U")
                .optionalArg((char) 0, "unified", "unified")
                .flag('r', "recursive", "r")
                .flag('N', "new-file", "N")
                .flag('i', "ignore-case", "i")
                .flag('Z', "ignore-trailing-space", "Z")
                .flag('b', "ignore-space-change", "b")
                .flag('w', "ignore-all-space", "w")
                .flag('B', "ignore-blank-lines", "B")
                .flag('a', "text", "a")
                .flag('d', "minimal", "d")
                .withArg((char) 0, "label", "label");
    }

    @Override
    int execute(ProcessContext ctx, Getopt.Parsed parsed, List<String> rawArgs) throws IOException, UsageError {
        HunkPrinter.Style style = null;
        int context = -1;
        Whitespace ws = Whitespace.NONE;
        for (Getopt.Option o : parsed.options()) {
            HunkPrinter.Style s = switch (o.key()) {
                case "normal" -> HunkPrinter.Style.NORMAL;
                case "c", "C", "context" -> HunkPrinter.Style.CONTEXT;
                case "u", "U", "unified" -> HunkPrinter.Style.UNIFIED;
                default -> null;
            };
            if (s != null) {
                if (style != null && style != s) throw new UsageError("conflicting output style options");
                style = s;
                // several context widths: GNU keeps the largest (-c and -u count as 3)
                int n = o.value().isPresent() ? contextLength(o.value().get()) : 3;
                if (!o.key().equals("normal")) context = Math.max(context, n);
            }
            switch (o.key()) {
                case "Z" -> ws = max(ws, Whitespace.TRAILING);
                case "b" -> ws = max(ws, Whitespace.SPACE_CHANGE);
                case "w" -> ws = max(ws, Whitespace.ALL);
                default -> { }
            }
        }
        if (style == null) style = HunkPrinter.Style.NORMAL;
        if (context < 0) context = 3;
        if (style == HunkPrinter.Style.NORMAL) context = 0;
        List<String> ops = parsed.operands();
        if (ops.size() < 2) throw new UsageError("missing operand after '" + (ops.isEmpty() ? "diff" : ops.get(ops.size() - 1)) + "'");
        if (ops.size() > 2) throw new UsageError("extra operand '" + ops.get(2) + "'");
        DiffSettings settings = new DiffSettings(style, context, parsed.has("q"), parsed.has("s"), parsed.has("r"),
                parsed.has("N"), parsed.has("i"), ws, parsed.has("B"), parsed.has("a"), parsed.has("d"),
                parsed.all("label"), switches(rawArgs, ops));
        return new DiffRun(ctx, settings).top(ops.get(0), ops.get(1));
    }

    private static Whitespace max(Whitespace a, Whitespace b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static int contextLength(String s) throws UsageError {
        try {
            long n = Long.parseLong(s);
            if (n < 0 || s.startsWith("+")) throw new NumberFormatException();
            return (int) Math.min(n, Integer.MAX_VALUE / 4);
        } catch (NumberFormatException e) {
            throw new UsageError("invalid context length '" + s + "'");
        }
    }

    /** The options as given, for the "diff -r -u a/x b/x" lines of directory comparisons. */
    private static String switches(List<String> args, List<String> operands) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) break;
            if (!a.startsWith("-") || a.equals("-")) continue;
            sb.append(' ').append(shellQuote(a));
            boolean needsNext;
            if (a.startsWith("--")) {
                String n = a.substring(2);
                needsNext = !n.contains("=") && !n.isEmpty() && "label".startsWith(n) && n.length() >= 2;
            } else {
                int c = Math.max(a.indexOf('C'), a.indexOf('U'));
                needsNext = c == a.length() - 1;
            }
            if (needsNext && i + 1 < args.size()) sb.append(' ').append(shellQuote(args.get(++i)));
        }
        return sb.toString();
    }

    /** GNU quotes the options it repeats as a shell would need them. */
    private static String shellQuote(String s) {
        boolean safe = !s.isEmpty();
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = Character.isLetterOrDigit(c) && c < 128 || "%+,-./:@_^".indexOf(c) >= 0;
        }
        return safe ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    @Override String usage() {
        return """
                Usage: diff [OPTION]... FILES
                Compare FILES line by line.

                Mandatory arguments to long options are mandatory for short options too.
                      --normal                  output a normal diff (the default)
                  -q, --brief                   report only when files differ
                  -s, --report-identical-files  report when two files are the same
                  -c, -C NUM, --context[=NUM]   output NUM (default 3) lines of copied context
                  -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context
                      --label LABEL             use LABEL instead of file name and timestamp
                                                  (can be repeated)

                  -r, --recursive                 recursively compare any subdirectories found
                  -N, --new-file                  treat absent files as empty

                  -i, --ignore-case               ignore case differences in file contents
                  -Z, --ignore-trailing-space     ignore white space at line end
                  -b, --ignore-space-change       ignore changes in the amount of white space
                  -w, --ignore-all-space          ignore all white space
                  -B, --ignore-blank-lines        ignore changes where lines are all blank

                  -a, --text                      treat all files as text

                  -d, --minimal            try hard to find a smaller set of changes

                      --help               display this help and exit
                  -v, --version            output version information and exit

                FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.
                If a FILE is '-', read standard input.
                Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.
                """;
    }

    static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return copy;
    }
}
