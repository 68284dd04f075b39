package dev.agentos.commands.search.xargs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** xargs: builds and runs command lines from standard input, as GNU findutils 4.9 does. */
public final class Xargs implements Program {
    private static final int DEFAULT_MAX_CHARS = 131072;

    /** Stops xargs with a status (after its message was printed). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Stop(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private static Getopt options() {
        return Getopt.create().noPermute()
                .flag('0', "null", "0").withArg('a', "arg-file", "a").withArg('d', "delimiter", "d")
                .withArg('E', null, "E").optionalArg('e', "eof", "E").withArg('I', null, "I")
                .optionalArg('i', "replace", "i").withArg('L', null, "L").optionalArg('l', "max-lines", "l")
                .withArg('n', "max-args", "n").withArg('P', "max-procs", "P")
                .flag('r', "no-run-if-empty", "r").withArg('s', "max-chars", "s").flag('t', "verbose", "t")
                .flag('x', "exit", "x").flag('o', "open-tty", "o")
                .flag((char) 0, "help", "help").flag((char) 0, "version", "version");
    }

    private ProcessContext ctx;
    private CommandIo io;
    private boolean verbose;
    /** -o: each command reads the controlling terminal instead of inheriting xargs' own input. */
    private boolean openTty;
    private int status;
    private final Map<Integer, String> running = new HashMap<>();

    @Override public int run(ProcessContext context) throws IOException {
        Xargs self = new Xargs();
        try {
            return self.main(context);
        } catch (Stop s) {
            return s.status;
        }
    }

    private int main(ProcessContext context) throws IOException {
        this.ctx = context;
        this.io = new CommandIo(ctx, "xargs");
        Getopt.Parsed parsed;
        try {
            parsed = options().parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            return usage(e.getMessage());
        }
        if (parsed.has("help")) {
            io.out().print(dev.agentos.commands.Gnu.helpText("xargs")
                    .orElse("Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n"));
            io.out().flush();
            return 0;
        }
        if (parsed.has("version")) {
            io.out().print("xargs (GNU findutils) 4.9.0\n");
            io.out().flush();
            return 0;
        }
        ItemReader.Mode mode = ItemReader.Mode.QUOTED;
        int delim = '\n';
        String argFile = null;
        String eofString = null;
        String replace = null;
        long maxArgs = -1;
        long maxLines = -1;
        int procs = 1;
        boolean noRunEmpty = false;
        boolean exitOnSize = false;
        long maxChars = DEFAULT_MAX_CHARS;
        for (Getopt.Option o : parsed.options()) {
            String v = o.value().orElse("");
            switch (o.key()) {
                case "0" -> { mode = ItemReader.Mode.DELIMITED; delim = 0; }
                case "d" -> {
                    int d = delimiter(v);
                    if (d < 0) {
                        io.error("invalid input delimiter specification " + v + ": the delimiter must be either a single character or an escape sequence starting with \\.");
                        return 1;
                    }
                    mode = ItemReader.Mode.DELIMITED;
                    delim = d;
                }
                case "a" -> argFile = v;
                case "E" -> eofString = o.value().isPresent() && !v.isEmpty() ? v : null;
                case "I" -> { replace = v; maxLines = 1; maxArgs = -1; exitOnSize = true; }
                case "i" -> { replace = o.value().orElse("{}"); maxLines = 1; maxArgs = -1; exitOnSize = true; }
                case "L", "l" -> {
                    String val = o.key().equals("l") && o.value().isEmpty() ? "1" : v;
                    maxLines = number(val, "-L", 1);
                    maxArgs = -1;
                    replace = null;
                }
                case "n" -> {
                    maxArgs = number(v, "-n", 1);
                    maxLines = -1;
                    replace = null;
                }
                case "P" -> procs = (int) Math.min(number(v, "-P", 0), Integer.MAX_VALUE);
                case "r" -> noRunEmpty = true;
                case "s" -> maxChars = number(v, "-s", 1);
                case "t" -> verbose = true;
                case "o" -> openTty = true;
                case "x" -> exitOnSize = true;
                default -> { }
            }
        }
        if (procs == 0) procs = Integer.MAX_VALUE;
        List<String> base = new ArrayList<>(parsed.operands());
        if (base.isEmpty()) base.add("echo");
        if (replace != null && mode == ItemReader.Mode.QUOTED) mode = ItemReader.Mode.LINES;
        InputStream in;
        if (argFile != null) {
            try {
                in = io.input(ctx.open(argFile, OpenFlags.O_RDONLY, 0));
            } catch (AgentOsException e) {
                io.error("Cannot open input file " + quote(argFile) + ": " + CommandIo.reason(e));
                return 1;
            }
        } else {
            in = io.input(0);
        }
        ItemReader reader = new ItemReader(in, mode, delim);
        long baseSize = 0;
        for (String b : base) baseSize += b.getBytes(StandardCharsets.UTF_8).length + 1;
        try {
            String pending = null;
            boolean anyInput = false;
            boolean ranOnce = false;
            while (true) {
                List<String> args = new ArrayList<>();
                long size = baseSize;
                long lines = 0;
                boolean end = false;
                while (true) {
                    String item;
                    boolean endedLine;
                    if (pending != null) {
                        item = pending;
                        pending = null;
                        endedLine = reader.endedLine;
                    } else {
                        try {
                            item = reader.next();
                        } catch (ItemReader.QuoteError q) {
                            if (!args.isEmpty()) launch(command(base, args, replace), procs);
                            waitAll();
                            io.error(q.getMessage());
                            return 1;
                        }
                        endedLine = reader.endedLine;
                    }
                    if (item == null || (eofString != null && item.equals(eofString) && mode == ItemReader.Mode.QUOTED)) {
                        end = true;
                        break;
                    }
                    anyInput = true;
                    if (replace != null) {
                        args.add(item);
                        break;
                    }
                    long len = item.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (size + len > maxChars) {
                        if (args.isEmpty()) {
                            io.error("argument line too long");
                            waitAll();
                            return 1;
                        }
                        if (exitOnSize && (maxArgs > 0 || maxLines > 0)) {
                            io.error("argument line too long");
                            waitAll();
                            return 1;
                        }
                        pending = item;
                        break;
                    }
                    args.add(item);
                    size += len;
                    if (maxArgs > 0 && args.size() >= maxArgs) break;
                    if (maxLines > 0 && endedLine && ++lines >= maxLines) break;
                }
                if (!args.isEmpty()) {
                    launch(command(base, args, replace), procs);
                    ranOnce = true;
                } else if (end && !anyInput && !ranOnce && !noRunEmpty && replace == null) {
                    launch(new ArrayList<>(base), procs);
                    ranOnce = true;
                }
                if (end && pending == null) break;
            }
            waitAll();
        } catch (Stop s) {
            return s.status;
        } finally {
            io.out().flush();
        }
        return status;
    }

    private static List<String> command(List<String> base, List<String> args, String replace) {
        if (replace == null) {
            List<String> argv = new ArrayList<>(base);
            argv.addAll(args);
            return argv;
        }
        List<String> argv = new ArrayList<>(base.size());
        for (String b : base) argv.add(b.replace(replace, args.get(0)));
        return argv;
    }

    private void launch(List<String> argv, int procs) {
        while (running.size() >= procs) reap(true);
        io.out().flush();
        if (verbose) {
            byte[] b = (String.join(" ", argv) + "\n").getBytes(StandardCharsets.UTF_8);
            ctx.write(2, b, 0, b.length);
        }
        int pid;
        try {
            SpawnRequest request = SpawnRequest.of(argv.get(0), argv.subList(1, argv.size()));
            if (openTty) request = request.withFdActions(List.of(new SpawnRequest.FdAction.Open(0, "/dev/tty", OpenFlags.O_RDONLY, 0)));
            pid = ctx.spawn(request);
        } catch (AgentOsException e) {
            waitAll();
            io.error(argv.get(0) + ": " + CommandIo.reason(e));
            throw new Stop(e.is(Errno.ENOENT) ? 127 : 126);
        }
        running.put(pid, argv.get(0));
        if (procs == 1) reap(true);
    }

    private void waitAll() {
        while (!running.isEmpty()) reap(true);
    }

    private void reap(boolean block) {
        Optional<WaitResult> r = ctx.waitpid(-1, block ? WaitOptions.BLOCK : WaitOptions.NO_HANG);
        if (r.isEmpty()) return;
        String cmd = running.remove(r.get().pid());
        if (cmd == null) return;
        ExitStatus st = r.get().status();
        if (st instanceof ExitStatus.Exited ex) {
            if (ex.code() == 255) {
                waitAll();
                io.error(cmd + ": exited with status 255; aborting");
                throw new Stop(124);
            }
            if (ex.code() != 0) status = 123;
        } else if (st instanceof ExitStatus.Signaled sig) {
            waitAll();
            io.error(cmd + ": terminated by signal " + sig.signal().number());
            throw new Stop(125);
        }
    }

    private long number(String v, String opt, long min) {
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            io.error("invalid number \"" + v + "\" for " + opt + " option");
            tryHelp();
            throw new Stop(1);
        }
        if (n < min) {
            io.error("value " + v + " for " + opt + " option should be >= " + min);
            tryHelp();
            throw new Stop(1);
        }
        return n;
    }

    private int usage(String message) {
        io.error(message);
        tryHelp();
        return 1;
    }

    private void tryHelp() {
        byte[] b = "Try 'xargs --help' for more information.\n".getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static int delimiter(String v) {
        if (v.length() == 1) return v.charAt(0);
        if (!v.startsWith("\\") || v.length() < 2) return -1;
        char c = v.charAt(1);
        String rest = v.substring(2);
        return switch (c) {
            case 'n' -> rest.isEmpty() ? '\n' : -1;
            case 't' -> rest.isEmpty() ? '\t' : -1;
            case 'r' -> rest.isEmpty() ? '\r' : -1;
            case 'f' -> rest.isEmpty() ? '\f' : -1;
            case 'v' -> rest.isEmpty() ? 0x0b : -1;
            case 'a' -> rest.isEmpty() ? 7 : -1;
            case 'b' -> rest.isEmpty() ? '\b' : -1;
            case '\\' -> rest.isEmpty() ? '\\' : -1;
            case 'x' -> parse(rest, 16);
            default -> Character.isDigit(c) ? parse(v.substring(1), 8) : -1;
        };
    }

    private static int parse(String s, int radix) {
        try {
            int v = Integer.parseInt(s, radix);
            return v <= 255 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
