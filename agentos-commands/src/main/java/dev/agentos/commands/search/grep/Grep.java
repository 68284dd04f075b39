package dev.agentos.commands.search.grep;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.commands.search.Glob;
import dev.agentos.commands.search.LineSource;
import dev.agentos.commands.search.regex.PosixRegex;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** grep, egrep and fgrep: print lines that match patterns, as GNU grep 3.8 does in the C locale. */
public final class Grep implements Program {
    private static final String SGR_MATCH = "\u001b[01;31m\u001b[K";
    private static final String SGR_FILE = "\u001b[35m\u001b[K";
    private static final String SGR_SEP = "\u001b[36m\u001b[K";
    private static final String SGR_NUM = "\u001b[32m\u001b[K";
    private static final String SGR_END = "\u001b[m\u001b[K";
    private static final String USAGE_LINE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n";
    private final LineMatcher.Kind defaultKind;

    public Grep(String flavour) {
        this.defaultKind = switch (flavour) {
            case "E" -> LineMatcher.Kind.EXTENDED;
            case "F" -> LineMatcher.Kind.FIXED;
            default -> LineMatcher.Kind.BASIC;
        };
    }

    private static Getopt options() {
        Getopt g = Getopt.create()
                .flag('E', "extended-regexp", "E").flag('F', "fixed-strings", "F").flag('G', "basic-regexp", "G")
                .flag('P', "perl-regexp", "P").withArg('e', "regexp", "e").withArg('f', "file", "f")
                .flag('i', "ignore-case", "i").flag('y', null, "i").flag((char) 0, "no-ignore-case", "no-i")
                .flag('v', "invert-match", "v").flag('w', "word-regexp", "w").flag('x', "line-regexp", "x")
                .flag('c', "count", "c").optionalArg((char) 0, "color", "color").optionalArg((char) 0, "colour", "color")
                .flag('L', "files-without-match", "L").flag('l', "files-with-matches", "l")
                .withArg('m', "max-count", "m").flag('o', "only-matching", "o").flag('q', "quiet", "q")
                .flag((char) 0, "silent", "q").flag('s', "no-messages", "s").flag('b', "byte-offset", "b")
                .flag('H', "with-filename", "H").flag('h', "no-filename", "h").withArg((char) 0, "label", "label")
                .flag('n', "line-number", "n").flag('T', "initial-tab", "T").flag('Z', "null", "Z")
                .flag('z', "null-data", "z").withArg('A', "after-context", "A").withArg('B', "before-context", "B")
                .withArg('C', "context", "C").flag('a', "text", "a").withArg((char) 0, "binary-files", "binary-files")
                .flag('I', null, "I").flag('r', "recursive", "r").flag('R', "dereference-recursive", "R")
                .withArg((char) 0, "include", "include").withArg((char) 0, "exclude", "exclude")
                .withArg((char) 0, "exclude-dir", "exclude-dir").flag('U', "binary", "U")
                .flag((char) 0, "line-buffered", "line-buffered").flag((char) 0, "no-group-separator", "no-group-separator")
                .withArg((char) 0, "group-separator", "group-separator").withArg('d', "directories", "d")
                .withArg('D', "devices", "D").flag('V', "version", "V").flag((char) 0, "help", "help");
        for (char c = '0'; c <= '9'; c++) g.flag(c, null, "digit" + c);
        return g;
    }

    @Override public int run(ProcessContext ctx) throws IOException {
        CommandIo io = new CommandIo(ctx, "grep");
        Getopt.Parsed parsed;
        try {
            parsed = options().parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            io.error(e.getMessage());
            usage(ctx);
            return 2;
        }
        try {
            return new Run(io, parsed, defaultKind).execute();
        } catch (Failure f) {
            if (!f.getMessage().isEmpty()) io.error(f.getMessage());
            if (f.usage) usage(ctx);
            return f.status;
        } finally {
            io.out().flush();
        }
    }

    private static void usage(ProcessContext ctx) {
        byte[] b = (USAGE_LINE + "Try 'grep --help' for more information.\n").getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    /** A fatal error: message (may be empty) and whether the usage lines follow. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean usage;
        final int status;

        Failure(String message, boolean usage) {
            this(message, usage, 2);
        }

        Failure(String message, boolean usage, int status) {
            super(message, null, false, false);
            this.usage = usage;
            this.status = status;
        }
    }

    /** One grep run: the parsed settings and the running state. */
    private static final class Run {
        private final CommandIo io;
        private final ProcessContext ctx;
        private final CommandIo.Out out;
        private LineMatcher.Kind kind;
        private boolean ignoreCase, invert, word, lineMatch, count, listMatching, listMissing, onlyMatching, quiet,
                noMessages, byteOffset, lineNumbers, initialTab, nullAfterName, nullData, recursive, dereference,
                noGroupSeparator, withFilenameSet, noFilename;
        private Boolean withFilename;
        private boolean color;
        private boolean version;
        private long maxCount = -1;
        private int after = -1, before = -1;
        private String binaryFiles = "binary";
        private String label = "(standard input)";
        private String groupSeparator = "--";
        private String directories = "read";
        private final List<Pattern> includes = new ArrayList<>(), excludes = new ArrayList<>(), excludeDirs = new ArrayList<>();
        private final List<String> patterns = new ArrayList<>();
        private boolean patternsGiven;
        private LineMatcher matcher;
        private byte eol;
        private boolean error;
        private boolean anyOutput;
        private boolean matchedAny;

        Run(CommandIo io, Getopt.Parsed parsed, LineMatcher.Kind kind) {
            this.io = io;
            this.ctx = io.ctx();
            this.out = io.out();
            this.kind = kind;
            this.parsedCache = parsed;
            configure(parsed);
        }

        private void configure(Getopt.Parsed parsed) {
            StringBuilder digits = new StringBuilder();
            LineMatcher.Kind chosen = null;
            for (Getopt.Option o : parsed.options()) {
                String v = o.value().orElse("");
                switch (o.key()) {
                    case "E", "F", "G", "P" -> {
                        LineMatcher.Kind k = switch (o.key()) {
                            case "E" -> LineMatcher.Kind.EXTENDED;
                            case "F" -> LineMatcher.Kind.FIXED;
                            case "P" -> LineMatcher.Kind.PERL;
                            default -> LineMatcher.Kind.BASIC;
                        };
                        if (chosen != null && chosen != k) throw new Failure("conflicting matchers specified", false);
                        chosen = k;
                    }
                    case "e" -> { addPatterns(v); patternsGiven = true; }
                    case "f" -> { readPatternFile(v); patternsGiven = true; }
                    case "i" -> ignoreCase = true;
                    case "no-i" -> ignoreCase = false;
                    case "v" -> invert = true;
                    case "w" -> word = true;
                    case "x" -> lineMatch = true;
                    case "c" -> count = true;
                    case "color" -> {
                        color = List.of("always", "yes", "force").contains(v);
                        if (!List.of("", "never", "no", "none", "auto", "tty", "if-tty", "always", "yes", "force").contains(v)) {
                            throw new Failure("invalid argument " + quote(v) + " for '--color'\nValid arguments are:\n"
                                    + "  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'", true);
                        }
                    }
                    case "L" -> { listMissing = true; listMatching = false; }
                    case "l" -> { listMatching = true; listMissing = false; }
                    case "m" -> {
                        try {
                            maxCount = Long.parseLong(v.trim());
                        } catch (NumberFormatException e) {
                            throw new Failure("invalid max count", false);
                        }
                    }
                    case "o" -> onlyMatching = true;
                    case "q" -> quiet = true;
                    case "s" -> noMessages = true;
                    case "b" -> byteOffset = true;
                    case "H" -> { withFilename = true; withFilenameSet = true; }
                    case "h" -> { withFilename = false; noFilename = true; }
                    case "label" -> label = v;
                    case "n" -> lineNumbers = true;
                    case "T" -> initialTab = true;
                    case "Z" -> nullAfterName = true;
                    case "z" -> nullData = true;
                    case "A" -> after = context(v);
                    case "B" -> before = context(v);
                    case "C" -> { after = context(v); before = after; }
                    case "a" -> binaryFiles = "text";
                    case "I" -> binaryFiles = "without-match";
                    case "binary-files" -> {
                        if (!List.of("binary", "text", "without-match").contains(v)) throw new Failure("unknown binary-files type", false);
                        binaryFiles = v;
                    }
                    case "r" -> { recursive = true; dereference = false; }
                    case "R" -> { recursive = true; dereference = true; }
                    case "include" -> includes.add(Glob.compile(v, false));
                    case "exclude" -> excludes.add(Glob.compile(v, false));
                    case "exclude-dir" -> excludeDirs.add(Glob.compile(v, false));
                    case "no-group-separator" -> noGroupSeparator = true;
                    case "group-separator" -> { groupSeparator = v; noGroupSeparator = false; }
                    case "d" -> {
                        if (!List.of("read", "skip", "recurse").contains(v)) {
                            throw new Failure("invalid argument " + quote(v) + " for '--directories'\nValid arguments are:\n"
                                    + "  - 'read'\n  - 'recurse'\n  - 'skip'", true, 1);
                        }
                        directories = v;
                        if (v.equals("recurse")) recursive = true;
                    }
                    case "V" -> version = true;
                    case "help" -> { }
                    default -> {
                        if (o.key().startsWith("digit")) {
                            digits.append(o.key().charAt(5));
                            after = before = context(digits.toString());
                        }
                    }
                }
            }
            if (chosen != null) kind = chosen;
        }

        private static String quote(String s) {
            return "'" + s + "'";
        }

        private int context(String v) {
            try {
                long n = Long.parseLong(v);
                if (n < 0) throw new NumberFormatException();
                return (int) Math.min(n, Integer.MAX_VALUE);
            } catch (NumberFormatException e) {
                throw new Failure(v + ": invalid context length argument", false);
            }
        }

        private void addPatterns(String v) {
            String bytes = CommandIo.latin1(v);
            int from = 0;
            while (true) {
                int nl = bytes.indexOf('\n', from);
                if (nl < 0) {
                    patterns.add(bytes.substring(from));
                    return;
                }
                patterns.add(bytes.substring(from, nl));
                from = nl + 1;
            }
        }

        private void readPatternFile(String file) {
            try (InputStream in = file.equals("-") ? io.input(0) : io.input(ctx.open(file, OpenFlags.O_RDONLY, 0))) {
                LineSource src = new LineSource(in, (byte) '\n');
                while (src.next()) {
                    patterns.add(new String(src.buffer(), src.start(), src.end() - src.start(), StandardCharsets.ISO_8859_1));
                }
            } catch (AgentOsException e) {
                throw new Failure(file + ": " + CommandIo.reason(e), false);
            } catch (IOException e) {
                throw new Failure(file + ": " + e.getMessage(), false);
            }
        }

        int execute() throws IOException {
            if (version) {
                out.print("grep (GNU grep) 3.8\n");
                return 0;
            }
            if (ctxHasHelp()) {
                out.print(dev.agentos.commands.Gnu.helpText("grep").orElse(USAGE_LINE + "Search for PATTERNS in each FILE.\n"));
                return 0;
            }
            List<String> operands = new ArrayList<>(io.ctx().argv().isEmpty() ? List.of() : operandsOf());
            if (!patternsGiven) {
                if (operands.isEmpty()) throw new Failure("", true);
                addPatterns(operands.remove(0));
            }
            if (kind == LineMatcher.Kind.PERL && patterns.size() > 1) {
                throw new Failure("the -P option only supports a single pattern", false);
            }
            try {
                matcher = new LineMatcher(patterns, kind, ignoreCase, word, lineMatch);
            } catch (PosixRegex.SyntaxError e) {
                throw new Failure(e.getMessage(), false);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new Failure(e.getDescription(), false);
            }
            for (String w : matcher.warnings) io.error("warning: " + w);
            eol = nullData ? (byte) 0 : (byte) '\n';
            if (maxCount == 0 && !listMissing) return 1;
            boolean implicitDot = operands.isEmpty() && recursive;
            if (operands.isEmpty()) operands.add(recursive ? "." : "-");
            if (withFilename == null) withFilename = !noFilename && (operands.size() > 1 || recursive);
            if (onlyMatching && invert) onlyMatching = false;
            for (String f : operands) {
                if (f.equals("-")) {
                    searchStream(io.input(0), label);
                } else if (implicitDot) {
                    walkChildren(".", "");
                } else {
                    searchOperand(f);
                }
                if (quiet && matchedAny) return 0;
            }
            out.flush();
            if (error && !(quiet && matchedAny)) return 2;
            return matchedAny ? 0 : 1;
        }

        private Getopt.Parsed parsedCache;

        private boolean ctxHasHelp() {
            return parsed().has("help");
        }

        private Getopt.Parsed parsed() {
            if (parsedCache == null) {
                try {
                    parsedCache = options().parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
                } catch (Getopt.UsageError e) {
                    throw new IllegalStateException(e);
                }
            }
            return parsedCache;
        }

        private List<String> operandsOf() {
            return parsed().operands();
        }

        private boolean anyListed;

        private void searchOperand(String path) throws IOException {
            FileStat st;
            try {
                st = ctx.stat(path);
            } catch (AgentOsException e) {
                fileError(path, e);
                return;
            }
            if (st.isDirectory()) {
                if (recursive) {
                    if (!excludedDir(path, true)) walkChildren(path, path.endsWith("/") ? path : path + "/");
                } else if (directories.equals("skip")) {
                    return;
                } else {
                    if (!noMessages) io.error(path + ": Is a directory");
                    error = true;
                }
                return;
            }
            if (recursive && !includedFile(path, true)) return;
            searchFile(path, path);
        }

        private boolean excludedDir(String path, boolean commandLine) {
            String base = basename(path);
            for (Pattern p : excludeDirs) {
                if (p.matcher(base).matches()) return !(commandLine && path.equals("."));
            }
            return false;
        }

        private boolean includedFile(String path, boolean commandLine) {
            String base = basename(path);
            for (Pattern p : excludes) {
                if (p.matcher(base).matches() || (commandLine && p.matcher(path).matches())) return false;
            }
            if (includes.isEmpty()) return true;
            for (Pattern p : includes) {
                if (p.matcher(base).matches()) return true;
            }
            return false;
        }

        private static String basename(String path) {
            String p = path;
            while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
            int slash = p.lastIndexOf('/');
            return slash < 0 ? p : p.substring(slash + 1);
        }

        private void walkChildren(String dir, String prefix) throws IOException {
            List<DirEntry> entries;
            try {
                entries = ctx.readdir(dir);
            } catch (AgentOsException e) {
                fileError(dir, e);
                return;
            }
            for (DirEntry d : entries) {
                if (d.name().equals(".") || d.name().equals("..")) continue;
                String path = dir.equals(".") && prefix.isEmpty() ? d.name() : (prefix.isEmpty() ? dir + "/" : prefix) + d.name();
                String display = prefix + d.name();
                FileStat st;
                try {
                    st = dereference ? ctx.stat(path) : ctx.lstat(path);
                } catch (AgentOsException e) {
                    fileError(display, e);
                    continue;
                }
                if (st.isSymlink()) continue;
                if (st.isDirectory()) {
                    if (!excludedDir(path, false)) walkChildren(path, display + "/");
                } else if (st.isRegular() && includedFile(path, false)) {
                    searchFile(path, display);
                }
                if (quiet && matchedAny) return;
            }
        }

        private void fileError(String display, AgentOsException e) {
            if (!noMessages) io.error(display + ": " + CommandIo.reason(e));
            error = true;
        }

        private void searchFile(String path, String display) throws IOException {
            int fd;
            try {
                fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
            } catch (AgentOsException e) {
                fileError(display, e);
                return;
            }
            try (InputStream in = io.input(fd)) {
                tabWidth = initialTab ? Long.toString(ctx.fstat(fd).size()).length() : 0;
                searchStream(in, display);
                tabWidth = 0;
            } catch (AgentOsException e) {
                fileError(display, e);
            }
        }

        // ---- per-file search ----
        private int tabWidth;
        private long lastPrintedLine;
        private int afterLeft;
        private byte[][] ring;
        private long[] ringOffset;
        private int ringCount;
        private int ringHead;

        private void searchStream(InputStream in, String name) throws IOException {
            LineSource src = new LineSource(in, eol, readBuffer);
            matcher.reset();
            try {
                searchSource(src, name);
            } finally {
                readBuffer = src.buffer();
            }
        }

        private byte[] readBuffer = new byte[64 * 1024];

        private void searchSource(LineSource src, String name) throws IOException {
            boolean binary = !nullData && !binaryFiles.equals("text") && src.firstChunkHasNul();
            if (binary && binaryFiles.equals("without-match")) return;
            boolean printLines = !(quiet || count || listMatching || listMissing);
            byte[] nameBytes = CommandIo.bytes(name);
            long selected = 0;
            long lineNo = 0;
            lastPrintedLine = -1;
            afterLeft = 0;
            ringCount = 0;
            ringHead = 0;
            if (before > 0 && printLines && !binary) {
                ring = new byte[before][];
                ringOffset = new long[before];
            }
            boolean context = (before > 0 || after > 0) && printLines && !onlyMatching;
            while (src.next()) {
                lineNo++;
                byte[] buf = src.buffer();
                int s = src.start();
                int e = src.end();
                if (maxCount >= 0 && selected >= maxCount) {
                    if (afterLeft > 0 && context) {
                        matcher.line(buf, s, e);
                        if (matcher.matches() != invert) break;
                        printLine(nameBytes, lineNo, src.offset(), buf, s, e, (byte) '-');
                        afterLeft--;
                        continue;
                    }
                    break;
                }
                boolean hit = matcher.lineMatches(src) != invert;
                if (hit) {
                    selected++;
                    matchedAny = true;
                    if (quiet) return;
                    if (binary) {
                        if (printLines) {
                            io.error(name + ": binary file matches");
                            return;
                        }
                        if (listMatching || listMissing) break;
                        continue;
                    }
                    if (listMatching || listMissing) break;
                    if (!printLines) continue;
                    if (context) {
                        flushBefore(nameBytes, lineNo);
                        separatorIfGap(lineNo);
                    }
                    if (onlyMatching) {
                        printMatches(nameBytes, lineNo, src.offset(), buf, s, e);
                    } else {
                        printLine(nameBytes, lineNo, src.offset(), buf, s, e, (byte) ':');
                    }
                    afterLeft = Math.max(after, 0);
                } else if (context) {
                    if (afterLeft > 0) {
                        printLine(nameBytes, lineNo, src.offset(), buf, s, e, (byte) '-');
                        afterLeft--;
                    } else if (before > 0) {
                        remember(buf, s, e, src.offset());
                    }
                }
            }
            if (count) {
                if (withFilename) {
                    fileName(nameBytes);
                    if (nullAfterName) out.write(0); else separator((byte) ':');
                }
                out.printNumber(selected);
                out.write('\n');
            }
            if ((listMatching && selected > 0) || (listMissing && selected == 0)) {
                anyListed = true;
                fileName(nameBytes);
                out.write(nullAfterName ? 0 : '\n');
            }
        }

        private void remember(byte[] buf, int s, int e, long offset) {
            int slot = (ringHead + ringCount) % before;
            if (ringCount == before) {
                slot = ringHead;
                ringHead = (ringHead + 1) % before;
            } else {
                ringCount++;
            }
            ring[slot] = java.util.Arrays.copyOfRange(buf, s, e);
            ringOffset[slot] = offset;
        }

        private void flushBefore(byte[] name, long lineNo) {
            if (ringCount == 0) return;
            long first = lineNo - ringCount;
            separatorIfGap(first);
            for (int i = 0; i < ringCount; i++) {
                int slot = (ringHead + i) % before;
                printLine(name, first + i, ringOffset[slot], ring[slot], 0, ring[slot].length, (byte) '-');
            }
            ringCount = 0;
            ringHead = 0;
        }

        private void separatorIfGap(long lineNo) {
            if (anyOutput && (lastPrintedLine < 0 || lineNo > lastPrintedLine + 1) && !noGroupSeparator) {
                if (color) out.print(SGR_SEP);
                out.print(CommandIo.latin1(groupSeparator));
                if (color) out.print(SGR_END);
                out.write('\n');
            }
        }

        private void fileName(byte[] name) {
            if (color) out.print(SGR_FILE);
            out.write(name, 0, name.length);
            if (color) out.print(SGR_END);
        }

        private void separator(byte sep) {
            if (color) out.print(SGR_SEP);
            out.write(sep);
            if (color) out.print(SGR_END);
        }

        private void prefix(byte[] name, long lineNo, long offset, byte sep) {
            if (withFilename) {
                fileName(name);
                if (nullAfterName) out.write(0); else separator(sep);
            }
            if (lineNumbers) {
                pad(lineNo, tabWidth);
                if (color) out.print(SGR_NUM);
                out.printNumber(lineNo);
                if (color) out.print(SGR_END);
                separator(sep);
            }
            if (byteOffset) {
                pad(offset, tabWidth);
                if (color) out.print(SGR_NUM);
                out.printNumber(offset);
                if (color) out.print(SGR_END);
                separator(sep);
            }
            if (initialTab && (withFilename || lineNumbers || byteOffset)) out.write('\t');
        }

        private void highlighted(byte[] buf, int s, int e) {
            matcher.line(buf, s, e);
            int from = 0;
            int copied = 0;
            while (from <= e - s && matcher.find(from)) {
                int ms = matcher.matchStart;
                int me = matcher.matchEnd;
                if (me == ms) {
                    from = me + 1;
                    continue;
                }
                out.write(buf, s + copied, ms - copied);
                out.print(SGR_MATCH);
                out.write(buf, s + ms, me - ms);
                out.print(SGR_END);
                copied = me;
                from = me;
            }
            out.write(buf, s + copied, e - s - copied);
        }

        private void pad(long v, int width) {
            for (int w = Long.toString(v).length(); w < width; w++) out.write(' ');
        }

        private void printLine(byte[] name, long lineNo, long offset, byte[] buf, int s, int e, byte sep) {
            prefix(name, lineNo, offset, sep);
            if (color && (sep == ':') != invert) {
                highlighted(buf, s, e);
            } else {
                out.write(buf, s, e - s);
            }
            out.write(eol);
            lastPrintedLine = lineNo;
            anyOutput = true;
        }

        private void printMatches(byte[] name, long lineNo, long offset, byte[] buf, int s, int e) {
            int from = 0;
            while (from <= e - s && matcher.find(from)) {
                int ms = matcher.matchStart;
                int me = matcher.matchEnd;
                if (me == ms) {
                    from = me + 1;
                    continue;
                }
                prefix(name, lineNo, offset + ms, (byte) ':');
                if (color) out.print(SGR_MATCH);
                out.write(buf, s + ms, me - ms);
                if (color) out.print(SGR_END);
                out.write(eol);
                from = me;
            }
            lastPrintedLine = lineNo;
            anyOutput = true;
        }
    }
}
