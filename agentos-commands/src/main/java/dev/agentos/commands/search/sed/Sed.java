package dev.agentos.commands.search.sed;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** sed: the GNU stream editor (4.9 dialect), over bytes in the C locale. */
public final class Sed implements Program {
    static final String USAGE = """
            Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

              -n, --quiet, --silent
                             suppress automatic printing of pattern space
                  --debug
                             annotate program execution
              -e script, --expression=script
                             add the script to the commands to be executed
              -f script-file, --file=script-file
                             add the contents of script-file to the commands to be executed
              --follow-symlinks
                             follow symlinks when processing in place
              -i[SUFFIX], --in-place[=SUFFIX]
                             edit files in place (makes backup if SUFFIX supplied)
              -l N, --line-length=N
                             specify the desired line-wrap length for the `l' command
              --posix
                             disable all GNU extensions.
              -E, -r, --regexp-extended
                             use extended regular expressions in the script
                             (for portability use POSIX -E).
              -s, --separate
                             consider files as separate rather than as a single,
                             continuous long stream.
                  --sandbox
                             operate in sandbox mode (disable e/r/w commands).
              -u, --unbuffered
                             load minimal amounts of data from the input files and flush
                             the output buffers more often
              -z, --null-data
                             separate lines by NUL characters
                  --help     display this help and exit
                  --version  output version information and exit

            If no -e, --expression, -f, or --file option is given, then the first
            non-option argument is taken as the sed script to interpret.  All
            remaining arguments are names of input files; if no input files are
            specified, then the standard input is read.

            GNU sed home page: <https://www.gnu.org/software/sed/>.
            General help using GNU software: <https://www.gnu.org/gethelp/>.
            """;

    private static Getopt options() {
        return Getopt.create()
                .flag('n', "quiet", "n").flag((char) 0, "silent", "n")
                .withArg('e', "expression", "e").withArg('f', "file", "f").flag((char) 0, "follow-symlinks", "follow")
                .optionalArg('i', "in-place", "i").withArg('l', "line-length", "l").flag((char) 0, "posix", "posix")
                .flag('E', "regexp-extended", "E").flag('r', null, "E").flag('s', "separate", "s")
                .flag((char) 0, "sandbox", "sandbox").flag('u', "unbuffered", "u").flag('z', "null-data", "z")
                .flag((char) 0, "help", "help").flag((char) 0, "version", "version");
    }

    @Override public int run(ProcessContext ctx) throws IOException {
        CommandIo io = new CommandIo(ctx, "sed");
        Getopt.Parsed parsed;
        try {
            parsed = options().parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            io.error(e.getMessage());
            write(ctx, 2, USAGE);
            return 1;
        }
        if (parsed.has("help")) {
            write(ctx, 1, USAGE + "E-mail bug reports to: <bug-sed@gnu.org>.\n");
            return 0;
        }
        if (parsed.has("version")) {
            write(ctx, 1, "sed (GNU sed) 4.9\n");
            return 0;
        }
        boolean quiet = false, extended = false, separate = false, nullData = false, posix = false, unbuffered = false, sandbox = false, followSymlinks = false;
        String inPlace = null;
        int lineWrap = 70;
        List<Parser.Chunk> chunks = new ArrayList<>();
        for (Getopt.Option o : parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "n" -> quiet = true;
                case "e" -> chunks.add(new Parser.Chunk(CommandIo.latin1(v), null));
                case "f" -> {
                    try {
                        chunks.add(new Parser.Chunk(readScript(io, v), v));
                    } catch (AgentOsException e) {
                        io.error("couldn't open file " + v + ": " + CommandIo.reason(e));
                        return 1;
                    }
                }
                case "i" -> { inPlace = v; separate = true; }
                case "l" -> {
                    try {
                        lineWrap = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        io.error("invalid line length: " + v);
                        return 1;
                    }
                }
                case "posix" -> posix = true;
                case "E" -> extended = true;
                case "s" -> separate = true;
                case "z" -> nullData = true;
                case "u" -> unbuffered = true;
                case "sandbox" -> sandbox = true;
                case "follow" -> followSymlinks = true;
                default -> { }
            }
        }
        List<String> operands = new ArrayList<>(parsed.operands());
        if (chunks.isEmpty()) {
            if (operands.isEmpty()) {
                write(ctx, 2, USAGE);
                return 1;
            }
            chunks.add(new Parser.Chunk(CommandIo.latin1(operands.remove(0)), null));
        }
        Script script;
        try {
            script = new Parser(extended, sandbox).parse(chunks);
        } catch (Parser.SedError e) {
            io.error(e.getMessage());
            return e.status;
        }
        if (operands.isEmpty()) operands.add("-");
        Runner runner;
        try {
            runner = new Runner(io, script, quiet, nullData, lineWrap, posix);
        } catch (Runner.Quit q) {
            return q.status;
        }
        // -u: every write goes straight to fd 1, so a reader sees each line as soon as it is edited
        Runner.Sink stdout = new Runner.Sink(unbuffered ? ctx.stdout() : io.out());
        try {
            if (inPlace != null) {
                for (String f : operands) {
                    if (!editInPlace(io, runner, followSymlinks ? target(ctx, f) : f, inPlace)) break;
                }
            } else if (separate) {
                for (String f : operands) {
                    if (!runner.run(List.of(f), stdout, true)) break;
                }
            } else {
                runner.run(operands, stdout, false);
            }
        } finally {
            runner.flushAll();
        }
        return runner.status;
    }

    /** --follow-symlinks: -i edits the file a link leads to and leaves the link in place. */
    private static String target(ProcessContext ctx, String file) {
        try {
            return ctx.realpath(file);
        } catch (AgentOsException e) {
            return file; // editInPlace reports it
        }
    }

    private static boolean editInPlace(CommandIo io, Runner runner, String file, String suffix) throws IOException {
        ProcessContext ctx = io.ctx();
        FileStat st;
        try {
            st = ctx.stat(file);
        } catch (AgentOsException e) {
            io.error("can't read " + file + ": " + CommandIo.reason(e));
            runner.status = 2;
            return true;
        }
        if (!st.isRegular()) {
            io.error("couldn't edit " + file + ": not a regular file");
            runner.status = 4;
            return true;
        }
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash + 1);
        String base = file.substring(slash + 1);
        String temp = dir + "sed" + Long.toString(System.nanoTime() & 0xffffff, 36);
        int fd = ctx.open(temp, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, st.mode());
        CommandIo.Out fileOut = new CommandIo.Out(ctx, fd);
        boolean more;
        try {
            more = runner.run(List.of(file), new Runner.Sink(fileOut), true);
        } finally {
            fileOut.flush();
            ctx.close(fd);
        }
        if (!suffix.isEmpty()) {
            String backup = suffix.contains("*") ? suffix.replace("*", base) : base + suffix;
            if (!backup.contains("/")) backup = dir + backup;
            ctx.rename(file, backup);
        }
        ctx.rename(temp, file);
        return more;
    }

    private static String readScript(CommandIo io, String file) throws IOException {
        ProcessContext ctx = io.ctx();
        try (InputStream in = file.equals("-") ? io.input(0) : io.input(ctx.open(file, OpenFlags.O_RDONLY, 0))) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }

    private static void write(ProcessContext ctx, int fd, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ctx.write(fd, b, 0, b.length);
    }
}
