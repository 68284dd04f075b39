package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.system.SignalNames;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * pgrep and pkill (procps-ng 4.0.2): select processes by name or command line and criteria, then list
 * them or signal them. Exit status 0 when something matched (pkill: was signalled), 1 when nothing,
 * 2 for a usage error, 3 for a fatal one.
 */
final class Pgrep implements Program {
    private static final String PGREP_OPTIONS = """
             -d, --delimiter <string>  specify output delimiter
             -l, --list-name           list PID and process name
             -a, --list-full           list PID and full command line
             -v, --inverse             negates the matching
             -w, --lightweight         list all TID
            """;
    private static final String PKILL_OPTIONS = """
             -<sig>, --signal <sig>    signal to send (either number or name)
             -q, --queue <value>       integer value to be sent with the signal
             -e, --echo                display what is killed
            """;
    private static final String COMMON_OPTIONS = """
             -c, --count               count of matching processes
             -f, --full                use full process name to match
             -g, --pgroup <PGID,...>   match listed process group IDs
             -G, --group <GID,...>     match real group IDs
             -i, --ignore-case         match case insensitively
             -n, --newest              select most recently started
             -o, --oldest              select least recently started
             -O, --older <seconds>     select where older than seconds
             -P, --parent <PPID,...>   match only child processes of the given parent
             -s, --session <SID,...>   match session IDs
             -t, --terminal <tty,...>  match by controlling terminal
             -u, --euid <ID,...>       match by effective IDs
             -U, --uid <ID,...>        match by real IDs
             -x, --exact               match exactly with the command name
             -F, --pidfile <file>      read PIDs from file
             -L, --logpidfile          fail if PID file is not locked
             -r, --runstates <state>   match runstates [D,S,Z,...]
             -A, --ignore-ancestors    exclude our ancestors from results
             --cgroup <grp,...>        match by cgroup v2 names
             --ns <PID>                match the processes that belong to the same
                                       namespace as <pid>
             --nslist <ns,...>         list which namespaces will be considered for
                                       the --ns option.
                                       Available namespaces: ipc, mnt, net, pid, user, uts

             -h, --help     display this help and exit
             -V, --version  output version information and exit

            For more details see pgrep(1).
            """;

    /** A usage error: the message (if any) and whether procps follows it with the full usage text. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean fullUsage;
        final boolean tryHelp;

        Usage(String message, boolean fullUsage) {
            this(message, fullUsage, true);
        }

        Usage(String message, boolean fullUsage, boolean tryHelp) {
            super(message, null, false, false);
            this.fullUsage = fullUsage;
            this.tryHelp = tryHelp;
        }
    }

    private final boolean kill;

    Pgrep(boolean kill) {
        this.kill = kill;
    }

    private String name() { return kill ? "pkill" : "pgrep"; }

    private String usage() {
        return "\nUsage:\n " + name() + " [options] <pattern>\n\nOptions:\n" + (kill ? PKILL_OPTIONS : PGREP_OPTIONS) + COMMON_OPTIONS;
    }

    private Getopt spec() {
        Getopt g = Getopt.create()
                .flag('c', "count", "c").flag('f', "full", "f").withArg('g', "pgroup", "g").withArg('G', "group", "G")
                .flag('i', "ignore-case", "i").flag('n', "newest", "n").flag('o', "oldest", "o").withArg('O', "older", "O")
                .withArg('P', "parent", "P").withArg('s', "session", "s").withArg('t', "terminal", "t")
                .withArg('u', "euid", "u").withArg('U', "uid", "U").flag('x', "exact", "x").withArg('F', "pidfile", "F")
                .flag('L', "logpidfile", "L").withArg('r', "runstates", "r").flag('A', "ignore-ancestors", "A")
                .flag('h', "help", "h").flag('V', "version", "V");
        if (kill) g.withArg((char) 0, "signal", "signal").withArg('q', "queue", "q").flag('e', "echo", "e");
        else g.withArg('d', "delimiter", "d").flag('l', "list-name", "l").flag('a', "list-full", "a")
                .flag('v', "inverse", "v").flag('w', "lightweight", "w");
        return g;
    }

    @Override public int run(ProcessContext ctx) {
        List<String> args = new ArrayList<>(ctx.argv().subList(1, ctx.argv().size()));
        int signal = 15;
        if (kill) {
            OptionalInt s = takeSignalOption(args);
            if (s.isPresent()) signal = s.getAsInt();
        }
        try {
            return select(ctx, args, signal);
        } catch (Usage u) {
            StringBuilder sb = new StringBuilder();
            if (u.getMessage() != null) sb.append(name()).append(": ").append(u.getMessage()).append('\n');
            if (u.fullUsage) sb.append(usage());
            else if (u.tryHelp) sb.append("Try `" + name() + " --help' for more information.\n");
            Gnu.print(ctx.stderr(), sb.toString());
            return 2;
        }
    }

    /** procps takes the first {@code -SIGNAL} argument out before getopt sees the rest. */
    private static OptionalInt takeSignalOption(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) break;
            if (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                OptionalInt n = SignalNames.number(a.substring(1));
                if (n.isPresent()) {
                    args.remove(i);
                    return n;
                }
            }
        }
        return OptionalInt.empty();
    }

    private int select(ProcessContext ctx, List<String> args, int signal) throws Usage {
        Getopt.Parsed parsed;
        try {
            parsed = spec().parse(args, ctx.environment());
        } catch (Getopt.UsageError e) {
            throw new Usage(e.getMessage(), true);
        }
        if (parsed.has("h")) {
            Gnu.print(ctx.stdout(), usage());
            return 0;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stdout(), name() + " from procps-ng 4.0.2\n");
            return 0;
        }
        if (parsed.has("G")) throw new Usage("-G is not supported: the VM's processes carry no group ids", false);
        if (parsed.has("L")) throw new Usage("-L is not supported: the VM has no file locks", false);
        if (kill && parsed.has("signal")) {
            OptionalInt n = SignalNames.number(parsed.last("signal").orElseThrow());
            if (n.isEmpty()) throw new Usage("Unknown signal \"" + parsed.last("signal").orElseThrow() + "\".", false);
            signal = n.getAsInt();
        }
        ProcessFilter f = new ProcessFilter();
        f.full = parsed.has("f");
        f.inverse = parsed.has("v");
        f.newest = parsed.has("n");
        f.oldest = parsed.has("o");
        if (f.newest && f.oldest) throw new Usage("-n and -o are mutually exclusive", false);
        f.ignoreAncestors = parsed.has("A");
        Users users = parsed.has("u") || parsed.has("U") ? Users.load(ctx) : null;
        if (parsed.has("u")) f.euids = list(parsed.last("u").orElseThrow(), s -> uid(users, s, "user name"));
        if (parsed.has("U")) f.uids = list(parsed.last("U").orElseThrow(), s -> uid(users, s, "user name"));
        if (parsed.has("P")) f.parents = list(parsed.last("P").orElseThrow(), s -> number(s, null));
        if (parsed.has("g")) f.groups = list(parsed.last("g").orElseThrow(), s -> number(s, null));
        if (parsed.has("s")) f.sessions = list(parsed.last("s").orElseThrow(), s -> number(s, "invalid session id: " + s));
        if (parsed.has("t")) f.terminals = new HashSet<>(List.of(parsed.last("t").orElseThrow().split(",")));
        if (parsed.has("r")) f.runStates = parsed.last("r").orElseThrow();
        if (parsed.has("O")) f.olderThanSeconds = number(parsed.last("O").orElseThrow(), "not a number: " + parsed.last("O").orElseThrow());
        if (parsed.has("F")) f.pids = pidFile(ctx, parsed.last("F").orElseThrow());
        List<String> operands = parsed.operands();
        if (operands.size() > 1) throw new Usage("only one pattern can be provided", false);
        if (operands.size() == 1) {
            String pattern = operands.get(0);
            if (!f.full && !parsed.has("x") && pattern.length() > ProcessFilter.COMM_LENGTH && !pattern.contains("|")) {
                Gnu.print(ctx.stderr(), name() + ": pattern that searches for process name longer than 15 characters will result in zero matches\n"
                        + "Try `" + name() + " -f' option to match against the complete command line.\n");
            }
            try {
                String re = parsed.has("x") ? "^(" + pattern + ")$" : pattern;
                f.pattern = Optional.of(Pattern.compile(re, parsed.has("i") ? Pattern.CASE_INSENSITIVE : 0));
            } catch (PatternSyntaxException e) {
                Gnu.print(ctx.stderr(), name() + ": regex error: Invalid regular expression\n");
                return 2;
            }
        }
        if (!f.hasCriteria()) throw new Usage("no matching criteria specified", false);
        List<ProcessInfo> matched = f.select(ctx);
        return kill ? signalAll(ctx, matched, signal, parsed) : list(ctx, matched, parsed);
    }

    private int list(ProcessContext ctx, List<ProcessInfo> matched, Getopt.Parsed parsed) {
        StringBuilder out = new StringBuilder();
        if (parsed.has("c")) {
            out.append(matched.size()).append('\n');
        } else {
            String delimiter = parsed.last("d").orElse("\n");
            for (int i = 0; i < matched.size(); i++) {
                ProcessInfo p = matched.get(i);
                out.append(p.pid());
                if (parsed.has("a")) out.append(' ').append(p.argv().isEmpty() ? ProcessFilter.comm(p) : ProcessFilter.commandLine(p));
                else if (parsed.has("l")) out.append(' ').append(ProcessFilter.comm(p));
                out.append(i + 1 < matched.size() ? delimiter : "\n");
            }
        }
        Gnu.print(ctx.stdout(), out.toString());
        return matched.isEmpty() ? 1 : 0;
    }

    private int signalAll(ProcessContext ctx, List<ProcessInfo> matched, int signal, Getopt.Parsed parsed) {
        Optional<Signal> sig = SignalNames.signal(signal);
        int killed = 0;
        StringBuilder out = new StringBuilder();
        for (ProcessInfo p : matched) {
            try {
                if (sig.isPresent()) ctx.kill(p.pid(), sig.get());
                else if (signal != 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "kill");
                killed++;
                if (parsed.has("e")) out.append(ProcessFilter.comm(p)).append(" killed (pid ").append(p.pid()).append(")\n");
            } catch (AgentOsException e) {
                if (e.is(Errno.ESRCH)) continue; // it ended meanwhile
                Gnu.print(ctx.stderr(), name() + ": killing pid " + p.pid() + " failed: "
                        + e.errno().map(Errno::strerror).orElse(e.getMessage()) + "\n");
            }
        }
        if (parsed.has("c")) out.append(matched.size()).append('\n');
        Gnu.print(ctx.stdout(), out.toString());
        return killed > 0 ? 0 : 1;
    }

    private static Set<Integer> list(String text, NumberParser parse) throws Usage {
        Set<Integer> out = new HashSet<>();
        for (String s : text.split(",")) {
            if (s.isEmpty()) throw new Usage(null, true);
            out.add(parse.parse(s));
        }
        return out;
    }

    @FunctionalInterface
    private interface NumberParser {
        int parse(String s) throws Usage;
    }

    private static int number(String s, String message) throws Usage {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new Usage(message, message == null);
        }
    }

    private static int uid(Users users, String s, String what) throws Usage {
        OptionalInt u = users.uid(s);
        if (u.isEmpty()) throw new Usage("invalid " + what + ": " + s, false, false);
        return u.getAsInt();
    }

    private static Set<Integer> pidFile(ProcessContext ctx, String path) throws Usage {
        String text = Users.read(ctx, path).strip();
        Set<Integer> out = new HashSet<>();
        try {
            if (!text.isEmpty()) out.add(Integer.parseInt(text.split("\\s+")[0]));
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        if (out.isEmpty()) throw new Usage("pidfile not valid", false);
        return out;
    }

}
