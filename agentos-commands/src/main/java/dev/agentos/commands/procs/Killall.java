package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.system.SignalNames;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.ProcessState;
import dev.agentos.kernel.proc.Program;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * killall (psmisc 23.6): signals processes by command name (-r: by regular expression), optionally
 * only a user's (-u), and with -w waits until they are gone. Exit 0 when every name matched a process
 * that was signalled, 1 otherwise.
 */
final class Killall implements Program {
    private static final String USAGE = """
            Usage: killall [OPTION]... [--] NAME...
                   killall -l, --list
                   killall -V, --version

              -e,--exact          require exact match for very long names
              -I,--ignore-case    case insensitive process name match
              -g,--process-group  kill process group instead of process
              -y,--younger-than   kill processes younger than TIME
              -o,--older-than     kill processes older than TIME
              -i,--interactive    ask for confirmation before killing
              -l,--list           list all known signal names
              -q,--quiet          don't print complaints
              -r,--regexp         interpret NAME as an extended regular expression
              -s,--signal SIGNAL  send this signal instead of SIGTERM
              -u,--user USER      kill only process(es) running as USER
              -v,--verbose        report if the signal was successfully sent
              -V,--version        display version information
              -w,--wait           wait for processes to die
              -n,--ns PID         match processes that belong to the same namespaces
                                  as PID
              -Z,--context REGEXP kill only process(es) having context
                                  (must precede other arguments)

            """;
    private static final String VERSION = """
            killall (PSmisc) 23.6
            Copyright (C) 1993-2022 Werner Almesberger and Craig Small

            PSmisc comes with ABSOLUTELY NO WARRANTY.
            This is free software, and you are welcome to redistribute it under
            the terms of the GNU General Public License.
            For more information about these matters, see the files named COPYING.
            """;

    @Override public int run(ProcessContext ctx) {
        List<String> args = new ArrayList<>(ctx.argv().subList(1, ctx.argv().size()));
        String signalText = null;
        // psmisc reads a leading -SIGNAL itself ("-9", "-KILL") before option parsing
        if (!args.isEmpty() && args.get(0).length() > 1 && args.get(0).charAt(0) == '-' && args.get(0).charAt(1) != '-') {
            String s = args.get(0).substring(1);
            if (SignalNames.number(s).isPresent() || Character.isUpperCase(s.charAt(0)) && s.length() > 1) {
                signalText = s;
                args.remove(0);
            }
        }
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().flag('e', "exact", "e").flag('I', "ignore-case", "I").flag('g', "process-group", "g")
                    .flag('i', "interactive", "i").flag('l', "list", "l").flag('q', "quiet", "q").flag('r', "regexp", "r")
                    .withArg('s', "signal", "s").withArg('u', "user", "u").flag('v', "verbose", "v").flag('V', "version", "V")
                    .flag('w', "wait", "w").withArg('y', "younger-than", "y").withArg('o', "older-than", "o")
                    .withArg('n', "ns", "n").withArg('Z', "context", "Z").flag('h', "help", "h")
                    .parse(args, ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), USAGE);
            return 1;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stderr(), VERSION);
            return 0;
        }
        if (parsed.has("l")) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1; n <= 31; n++) sb.append(SignalNames.name(n)).append(n == 16 || n == 31 ? '\n' : ' ');
            Gnu.print(ctx.stdout(), sb.toString());
            return 0;
        }
        if (parsed.has("s")) signalText = parsed.last("s").orElseThrow();
        int signal = 15;
        if (signalText != null) {
            OptionalInt n = SignalNames.number(signalText);
            if (n.isEmpty()) {
                Gnu.print(ctx.stderr(), signalText + ": unknown signal; killall -l lists signals.\n");
                return 1;
            }
            signal = n.getAsInt();
        }
        for (String unsupported : List.of("i", "y", "o", "n", "Z")) {
            if (parsed.has(unsupported)) {
                Gnu.print(ctx.stderr(), "killall: -" + unsupported + " is not supported in agentOS\n");
                return 1;
            }
        }
        boolean quiet = parsed.has("q");
        OptionalInt uid = OptionalInt.empty();
        if (parsed.has("u")) {
            String user = parsed.last("u").orElseThrow();
            uid = Users.load(ctx).uid(user);
            if (uid.isEmpty()) {
                Gnu.print(ctx.stderr(), "Cannot find user " + user + "\n");
                return 1;
            }
        }
        List<String> names = parsed.operands();
        if (names.isEmpty() && uid.isEmpty()) {
            Gnu.print(ctx.stderr(), USAGE);
            return 1;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String n : names) {
            int flags = parsed.has("I") ? Pattern.CASE_INSENSITIVE : 0;
            try {
                patterns.add(parsed.has("r") ? Pattern.compile(n, flags) : Pattern.compile(Pattern.quote(n), flags));
            } catch (PatternSyntaxException e) {
                Gnu.print(ctx.stderr(), "killall: Bad regular expression: " + n + "\n");
                return 1;
            }
        }
        List<ProcessInfo> procs = ctx.processes().stream()
                .filter(p -> p.pid() != ctx.pid() && p.pid() != 1 && p.state() != ProcessState.EXITED && p.state() != ProcessState.ZOMBIE)
                .toList();
        Optional<Signal> sig = SignalNames.signal(signal);
        Set<Integer> signalled = new HashSet<>();
        Set<Integer> groupsSignalled = new HashSet<>();
        StringBuilder err = new StringBuilder();
        int namesKilled = 0;
        int targets = names.isEmpty() ? 1 : names.size();
        for (int i = 0; i < targets; i++) {
            boolean any = false;
            for (ProcessInfo p : procs) {
                if (uid.isPresent() && p.uid() != uid.getAsInt()) continue;
                if (!names.isEmpty() && !nameMatches(p, patterns.get(i), parsed.has("r"))) continue;
                if (parsed.has("g") && !groupsSignalled.add(p.pgid())) {
                    any = true;
                    continue;
                }
                try {
                    int target = parsed.has("g") ? -p.pgid() : p.pid();
                    if (sig.isPresent()) ctx.kill(target, sig.get());
                    else if (signal != 0) throw AgentOsException.errnoDetail(Errno.EINVAL, "kill");
                    any = true;
                    signalled.add(p.pid());
                    if (parsed.has("v")) {
                        err.append("Killed ").append(p.command()).append('(').append(parsed.has("g") ? p.pgid() : p.pid())
                                .append(") with signal ").append(signal).append('\n');
                    }
                } catch (AgentOsException e) {
                    if (!quiet) err.append(p.command()).append('(').append(p.pid()).append("): ")
                            .append(e.errno().map(Errno::strerror).orElse(e.getMessage())).append('\n');
                }
            }
            if (any) namesKilled++;
            else if (!quiet) err.append(names.isEmpty() ? "killall: no process found\n" : names.get(i) + ": no process found\n");
        }
        Gnu.print(ctx.stderr(), err.toString());
        if (parsed.has("w")) awaitGone(ctx, signalled);
        return namesKilled == targets ? 0 : 1;
    }

    /**
     * psmisc's match: the command name, or the regular expression with -r. The VM keeps names whole
     * (Linux cuts them to 15 characters, which psmisc's -e works around), so -e changes nothing here.
     */
    private static boolean nameMatches(ProcessInfo p, Pattern pattern, boolean regex) {
        String comm = p.command();
        return regex ? pattern.matcher(comm).find() : pattern.matcher(comm).matches();
    }

    /** -w: psmisc polls until every signalled process is gone; the VM's process table is polled likewise. */
    private static void awaitGone(ProcessContext ctx, Set<Integer> pids) {
        while (true) {
            boolean alive = ctx.processes().stream().anyMatch(p -> pids.contains(p.pid())
                    && p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.EXITED);
            if (!alive) return;
            ctx.sleep(Duration.ofMillis(5));
        }
    }
}
